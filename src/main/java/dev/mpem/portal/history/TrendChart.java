package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.mpem.portal.shared.Svg;

/**
 * A line chart of averages over the completed assessments of an organisation, oldest on the left,
 * drawn as SVG on the server with a description in words.
 */
final class TrendChart {

    private static final String[] COLOURS = { "#0b4f8a", "#1b6e3a", "#7a3e9d", "#111418", "#b35900", "#b35900" };
    private static final String FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif";

    record Series(String name, List<BigDecimal> values, boolean dashed) {
    }

    private TrendChart() {
    }

    static String draw(List<String> labels, List<Series> series, String id) {
        int width = 760;
        int height = 380;
        int left = 50;
        int right = 200;
        int top = 30;
        int bottom = 60;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height,
                "width", String.valueOf(width), "height", String.valueOf(height), "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "class", "chart trend", "font-family", FONT);
        svg.element("title", "Average levels over the completed assessments", "id", id + "-title");
        svg.element("desc", description(labels, series), "id", id + "-desc");
        for (int level = 0; level <= 5; level++) {
            double y = top + plotHeight - plotHeight * level / 5;
            svg.empty("line", "x1", String.valueOf(left), "y1", Svg.n(y), "x2", Svg.n(left + plotWidth), "y2", Svg.n(y),
                    "stroke", "#8a96a3", "stroke-width", level == 0 ? "1.5" : "0.6");
            svg.element("text", String.valueOf(level), "x", String.valueOf(left - 10), "y", Svg.n(y + 5),
                    "font-size", "13", "text-anchor", "end", "fill", "#3d4651");
        }
        int count = labels.size();
        for (int i = 0; i < count; i++) {
            svg.element("text", labels.get(i), "x", Svg.n(x(i, count, left, plotWidth)), "y", String.valueOf(height - bottom + 22),
                    "font-size", "12", "text-anchor", "middle", "fill", "#111418");
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < count; i++) {
                BigDecimal value = line.values().get(i);
                if (value == null) {
                    continue;
                }
                double px = x(i, count, left, plotWidth);
                double py = top + plotHeight - plotHeight * value.doubleValue() / 5;
                points.append(Svg.n(px)).append(',').append(Svg.n(py)).append(' ');
                svg.empty("circle", "cx", Svg.n(px), "cy", Svg.n(py), "r", "4", "fill", colour);
            }
            if (points.length() > 0) {
                svg.empty("polyline", "points", points.toString().trim(), "fill", "none", "stroke", colour,
                        "stroke-width", s == 3 ? "4" : "2.5", "stroke-dasharray", line.dashed() ? "7 4" : null);
            }
            double ly = top + 18 + 24 * s;
            svg.empty("line", "x1", Svg.n(width - right + 20), "y1", Svg.n(ly - 5), "x2", Svg.n(width - right + 48),
                    "y2", Svg.n(ly - 5), "stroke", colour, "stroke-width", "3", "stroke-dasharray", line.dashed() ? "7 4" : null);
            svg.element("text", line.name(), "x", Svg.n(width - right + 56), "y", Svg.n(ly), "font-size", "13",
                    "fill", "#111418");
        }
        return svg.close("svg").toString();
    }

    private static double x(int index, int count, int left, double plotWidth) {
        return count == 1 ? left + plotWidth / 2 : left + 20 + (plotWidth - 40) * index / (count - 1);
    }

    private static String description(List<String> labels, List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series line : series) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                BigDecimal value = line.values().get(i);
                values.add(labels.get(i) + " " + (value == null ? "not rated" : value.toPlainString()));
            }
            parts.add(line.name() + ": " + String.join(", ", values));
        }
        return parts.stream().collect(Collectors.joining("; ", "Levels 0 to 5 by assessment date. ", "."));
    }
}
