/**
 * Assessments of an organisation and their ratings: the walk through the 11 dimensions, current
 * and target levels, completion and reopening, re-assessment with planned targets.
 */
@ApplicationModule(displayName = "Assessments", allowedDependencies = { "organisation", "model", "account", "shared" })
package dev.mpem.portal.assessment;

import org.springframework.modulith.ApplicationModule;
