package dev.mpem.portal.system;

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

    /** A coordinate with at most one decimal, always with a dot. */
    public static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
