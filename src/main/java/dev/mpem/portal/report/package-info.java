/**
 * The gap report of an assessment: gaps per dimension and category, the outcome lens, priorities,
 * the roadmap, charts, CSV and PDF. Modules above it add to a report through
 * {@link dev.mpem.portal.report.ReportInputs} (the cache key) and {@link dev.mpem.portal.report.RevealedVotes}.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "assessment", "model", "shared" })
package dev.mpem.portal.report;

import org.springframework.modulith.ApplicationModule;
