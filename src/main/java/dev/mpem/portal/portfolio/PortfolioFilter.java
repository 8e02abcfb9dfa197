package dev.mpem.portal.portfolio;

import java.time.LocalDate;

import dev.mpem.portal.organisation.Industry;

/**
 * Which organisations a portfolio view covers, each by its latest completed assessment: those of an
 * industry (null: every industry) whose latest completed assessment is dated from {@code from} to
 * {@code to} (either may be null: open).
 */
public record PortfolioFilter(Industry industry, LocalDate from, LocalDate to) {
}
