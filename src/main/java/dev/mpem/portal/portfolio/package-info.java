/**
 * Every client side by side: the distribution of current and target levels over the latest
 * completed assessment of each organisation, a heat map of organisations by dimension, overdue
 * re-assessments, and the benchmarks a report shows (aggregates only, over at least
 * {@value dev.mpem.portal.portfolio.Benchmarks#MIN_ORGANISATIONS} other organisations).
 *
 * <p>A read model: {@code portfolio_entries} holds each organisation's latest completed assessment
 * with its levels in columns, rebuilt from the organisations', assessments' and ratings' tables in
 * the transaction of every change that can move it (their modules' events); the statistics are
 * computed from it in the database, one query per figure set, never loading assessments into
 * memory, and cached by the portfolio's version.
 */
@ApplicationModule(displayName = "Portfolio and benchmarks", allowedDependencies = { "organisation", "assessment", "account", "model", "transfer", "shared" })
package dev.mpem.portal.portfolio;

import org.springframework.modulith.ApplicationModule;
