package dev.mpem.portal.shared;

import java.util.Locale;

/** Numbers as SVG coordinates; the charts' markup is written by templates/fragments/charts.html. */
public final class Svg {

    private Svg() {
    }

    /**
     * A coordinate with one decimal, always with a dot ({@code 12.0}, {@code -3.5}): what
     * {@code String.format(Locale.ROOT, "%.1f", value)} writes, without its cost for each of the
     * hundreds of coordinates of a chart.
     */
    public static String n(double value) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        long tenths = Math.round(Math.abs(value) * 10);
        StringBuilder text = new StringBuilder(8);
        if (value < 0 && tenths != 0) {
            text.append('-');
        }
        return text.append(tenths / 10).append('.').append(tenths % 10).toString();
    }
}
