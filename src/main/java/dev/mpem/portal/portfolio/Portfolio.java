package dev.mpem.portal.portfolio;

import java.time.LocalDate;
import java.util.List;

import dev.mpem.portal.organisation.Industry;

/**
 * A page of the portfolio: the filter, the spread of levels, one page of the heat map (rows, how
 * many in all, which page, the sort) and the organisations whose re-assessment is overdue (the
 * longest overdue first, and how many in all).
 */
public record Portfolio(PortfolioFilter filter, Spread spread, List<HeatRow> rows, long total,
        int page, int pageSize, String sort, boolean descending, List<Overdue> overdue,
        long overdueTotal, LocalDate today) {

    /** How many organisations the filter covers and the spread of each dimension. */
    public record Spread(int organisations, List<Distribution> dimensions) {

        public boolean shown() {
            return organisations >= Benchmarks.MIN_ORGANISATIONS;
        }
    }

    /** An average with two decimals, as the page and the CSV show it (empty when nothing is rated). */
    public static String decimal(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String average(Double value) {
        return decimal(value);
    }

    /** The fewest organisations whose figures are shown. */
    public int minimum() {
        return Benchmarks.MIN_ORGANISATIONS;
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public long firstShown() {
        return rows.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long lastShown() {
        return (long) page * pageSize + rows.size();
    }

    /** A row of the heat map: an organisation, its latest assessment and its levels (null: not rated). */
    public record HeatRow(long organisationId, String name, Industry industry, String industryOther, long assessmentId,
            String title, LocalDate assessedOn, List<Integer> current, List<Integer> target, List<Double> categories,
            Double overall, LocalDate nextDue) {

        public String industryLabel() {
            return Industry.label(industry, industryOther);
        }
    }

    /** An organisation whose re-assessment was due before today. */
    public record Overdue(long organisationId, String name, LocalDate due) {
    }


    public long daysOverdue(Overdue organisation) {
        return java.time.temporal.ChronoUnit.DAYS.between(organisation.due(), today);
    }
}
