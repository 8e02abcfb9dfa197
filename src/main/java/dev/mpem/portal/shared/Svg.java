package dev.mpem.portal.shared;

import java.util.Locale;

/** A small writer of SVG markup: every text it is given is escaped. */
public final class Svg {

    private final StringBuilder out = new StringBuilder(8192);

    public Svg open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Svg empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    public Svg close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    public Svg element(String tag, String text, String... attributes) {
        open(tag, attributes);
        out.append(escape(text));
        return close(tag);
    }

    private void attributes(String... nameValuePairs) {
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                out.append(' ').append(nameValuePairs[i]).append("=\"").append(escape(nameValuePairs[i + 1])).append('"');
            }
        }
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
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

    @Override
    public String toString() {
        return out.toString();
    }
}
