/**
 * An organisation's assessments over time: timeline, comparison of two assessments
 * (planned versus actual), trend chart, CSV and the re-assessment calendar file.
 */
@ApplicationModule(displayName = "History", allowedDependencies = { "report", "action", "assessment", "organisation", "model", "shared" })
package dev.mpem.portal.history;

import org.springframework.modulith.ApplicationModule;
