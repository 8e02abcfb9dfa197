package dev.mpem.portal.workshop;

import java.util.Map;

import dev.mpem.portal.shared.Svg;
import dev.mpem.portal.report.Tally;

/** The distribution of a dimension's votes, current and target side by side, as SVG bars. */
final class VoteChart {

    private VoteChart() {
    }

    static String draw(Tally tally) {
        int width = 640;
        int height = 260;
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height,
                "width", String.valueOf(width), "height", String.valueOf(height), "role", "img",
                "aria-labelledby", "votes-title votes-desc", "class", "chart votes",
                "font-family", "DejaVu Sans, Segoe UI, Arial, sans-serif");
        svg.element("title", "Votes per level", "id", "votes-title");
        svg.element("desc", "Current: " + words(tally.current()) + ". Target: " + words(tally.target()) + ".",
                "id", "votes-desc");
        int max = Math.max(1, Math.max(tally.current().values().stream().mapToInt(i -> i).max().orElse(1),
                tally.target().values().stream().mapToInt(i -> i).max().orElse(1)));
        group(svg, "Current", tally.current(), 20, max, "#0b4f8a");
        group(svg, "Target", tally.target(), 330, max, "#b35900");
        return svg.close("svg").toString();
    }

    private static void group(Svg svg, String label, Map<Integer, Integer> counts, int left, int max, String colour) {
        int base = 215;
        int barHeight = 160;
        svg.element("text", label, "x", String.valueOf(left + 140), "y", "22", "font-size", "18", "font-weight", "bold",
                "text-anchor", "middle", "fill", colour);
        for (int level = 1; level <= 5; level++) {
            int count = counts.get(level);
            double h = barHeight * count / (double) max;
            int x = left + (level - 1) * 58;
            svg.empty("rect", "x", String.valueOf(x), "y", Svg.n(base - h), "width", "46", "height", Svg.n(Math.max(h, 1)),
                    "fill", colour, "fill-opacity", "0.85");
            svg.element("text", String.valueOf(count), "x", String.valueOf(x + 23), "y", Svg.n(base - h - 6),
                    "font-size", "18", "font-weight", "bold", "text-anchor", "middle", "fill", "#111418");
            svg.element("text", String.valueOf(level), "x", String.valueOf(x + 23), "y", String.valueOf(base + 22),
                    "font-size", "16", "text-anchor", "middle", "fill", "#111418");
        }
        svg.empty("line", "x1", String.valueOf(left - 4), "y1", String.valueOf(base), "x2", String.valueOf(left + 286),
                "y2", String.valueOf(base), "stroke", "#111418", "stroke-width", "1.5");
    }

    private static String words(Map<Integer, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((level, count) -> text.append(text.length() == 0 ? "" : ", ").append("level ").append(level)
                .append(": ").append(count));
        return text.toString();
    }
}
