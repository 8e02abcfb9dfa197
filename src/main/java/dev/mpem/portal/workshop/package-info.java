/**
 * Live workshops: a consultant reveals one dimension at a time, participants vote from their
 * phones, the room agrees a rating that is saved to the assessment.
 */
@ApplicationModule(displayName = "Workshops", allowedDependencies = { "assessment", "report", "model", "account", "shared" })
package dev.mpem.portal.workshop;

import org.springframework.modulith.ApplicationModule;
