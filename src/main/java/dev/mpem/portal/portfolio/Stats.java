package dev.mpem.portal.portfolio;

/**
 * Five figures of a set of levels: the lowest, the quartiles and the highest. The quartiles are
 * {@code percentile_cont} (linear interpolation between the two nearest levels: the p-th quantile
 * of n sorted levels is at position p × (n − 1), counted from 0).
 */
public record Stats(int min, double p25, double median, double p75, int max) {

    /** A figure as the page shows it: at most two decimals, no trailing zeros (2, 2.5, 1.75). */
    public String figure(double value) {
        return format(value);
    }

    static String format(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
