/**
 * The gap report of an assessment and its one-to-two-page executive summary: gaps per dimension
 * and category, the outcome heat map, priorities, the roadmap with the action plan, progress since
 * the previous assessment (levels and work), charts, CSV and PDF. Modules above it add to a report through
 * {@link dev.mpem.portal.report.ReportInputs} (the cache key) and {@link dev.mpem.portal.report.RevealedVotes}.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "action", "assessment", "model", "organisation", "portfolio", "shared" })
package dev.mpem.portal.report;

import org.springframework.modulith.ApplicationModule;
