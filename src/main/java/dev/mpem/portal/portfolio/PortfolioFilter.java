package dev.mpem.portal.portfolio;

import java.time.LocalDate;

import dev.mpem.portal.organisation.Industry;

/**
 * Which organisations a portfolio view covers: those of an industry (null: every industry), each by
 * its latest completed assessment dated from {@code from} to {@code to} (either may be null: open).
 */
public record PortfolioFilter(Industry industry, LocalDate from, LocalDate to) {

    public static final PortfolioFilter ALL = new PortfolioFilter(null, null, null);
}
