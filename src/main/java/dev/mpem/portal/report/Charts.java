package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.mpem.portal.shared.Svg;

/**
 * The report's charts as SVG, drawn on the server so that they need no script, print, and go into
 * the PDF. Each chart carries a title and a description that says in words what it shows. Colours
 * are presentation attributes (no style attributes), so a strict Content-Security-Policy holds.
 */
final class Charts {

    static final String CURRENT = "#0b4f8a";
    static final String TARGET = "#b35900";
    private static final String GRID = "#8a96a3";
    private static final String INK = "#111418";
    private static final String FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif";

    private Charts() {
    }

    /** A radar of the 11 dimensions: the current polygon inside the target polygon, levels 1-5 as rings. */
    static String radar(GapReport report, String id) {
        return radar(report, id, 640);
    }

    /** The radar drawn {@code width} pixels wide (its drawing scales; its proportions stay). */
    static String radar(GapReport report, String id, int width) {
        List<DimensionGap> dimensions = report.dimensions();
        int size = 640;
        double cx = size / 2.0;
        double cy = size / 2.0 + 6;
        double radius = 205;
        int count = dimensions.size();
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + size + " " + (size + 40),
                "width", String.valueOf(width), "height", Svg.n(width * (size + 40.0) / size), "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "class", "chart radar", "font-family", FONT);
        svg.element("title", "Current and target level of each dimension", "id", id + "-title");
        svg.element("desc", radarDescription(report), "id", id + "-desc");

        for (int level = 1; level <= 5; level++) {
            double r = radius * level / 5;
            StringBuilder ring = new StringBuilder();
            for (int i = 0; i < count; i++) {
                ring.append(Svg.n(x(cx, r, i, count))).append(',').append(Svg.n(y(cy, r, i, count))).append(' ');
            }
            svg.empty("polygon", "points", ring.toString().trim(), "fill", "none", "stroke", GRID,
                    "stroke-width", level == 5 ? "1.5" : "0.8");
            svg.element("text", String.valueOf(level), "x", Svg.n(cx + 4), "y", Svg.n(cy - r + 12), "font-size", "12",
                    "fill", "#3d4651");
        }
        for (int i = 0; i < count; i++) {
            DimensionGap gap = dimensions.get(i);
            svg.empty("line", "x1", Svg.n(cx), "y1", Svg.n(cy), "x2", Svg.n(x(cx, radius, i, count)),
                    "y2", Svg.n(y(cy, radius, i, count)), "stroke", GRID, "stroke-width", "0.8");
            double lx = x(cx, radius + 18, i, count);
            double ly = y(cy, radius + 18, i, count);
            double angle = angle(i, count);
            String anchor = Math.abs(Math.sin(angle)) < 0.2 ? "middle" : Math.sin(angle) > 0 ? "start" : "end";
            List<String> lines = wrap(gap.dimension().name() + (gap.rated() ? "" : " (not rated)"), 16);
            double top = ly + (Math.cos(angle) > 0.5 ? -4 - 14 * (lines.size() - 1) : Math.cos(angle) < -0.5 ? 12 : 4 - 7 * (lines.size() - 1));
            for (int line = 0; line < lines.size(); line++) {
                svg.element("text", lines.get(line), "x", Svg.n(lx), "y", Svg.n(top + 16 * line), "font-size", "15",
                        "text-anchor", anchor, "fill", gap.rated() ? INK : "#6b7480");
            }
        }
        svg.empty("polygon", "points", polygon(dimensions, cx, cy, radius, true), "fill", TARGET, "fill-opacity", "0.12",
                "stroke", TARGET, "stroke-width", "3", "stroke-dasharray", "8 5");
        svg.empty("polygon", "points", polygon(dimensions, cx, cy, radius, false), "fill", CURRENT, "fill-opacity", "0.25",
                "stroke", CURRENT, "stroke-width", "3");
        for (int i = 0; i < count; i++) {
            DimensionGap gap = dimensions.get(i);
            if (gap.rated()) {
                double rc = radius * gap.current() / 5;
                svg.empty("circle", "cx", Svg.n(x(cx, rc, i, count)), "cy", Svg.n(y(cy, rc, i, count)), "r", "4.5",
                        "fill", CURRENT);
                double rt = radius * gap.target() / 5;
                svg.empty("rect", "x", Svg.n(x(cx, rt, i, count) - 4), "y", Svg.n(y(cy, rt, i, count) - 4),
                        "width", "8", "height", "8", "fill", TARGET);
            }
        }
        legend(svg, 150, size + 22);
        return svg.close("svg").toString();
    }

    /** Current and target average of each category and overall, as pairs of bars on the 0-5 scale. */
    static String categoryBars(GapReport report, String id) {
        return categoryBars(report, id, 640);
    }

    static String categoryBars(GapReport report, String id, int drawnWidth) {
        int width = 640;
        int labelWidth = 170;
        double scale = (width - labelWidth - 60) / 5.0;
        List<String> labels = new ArrayList<>();
        List<Averages> values = new ArrayList<>();
        report.categories().forEach(category -> {
            labels.add(category.category().shortName());
            values.add(category.averages());
        });
        labels.add("Overall");
        values.add(report.overall());
        int rowHeight = 64;
        int height = 40 + rowHeight * labels.size() + 50;
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height,
                "width", String.valueOf(drawnWidth), "height", Svg.n(drawnWidth * (double) height / width), "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "class", "chart bars", "font-family", FONT);
        svg.element("title", "Average current and target level per category", "id", id + "-title");
        svg.element("desc", barsDescription(labels, values), "id", id + "-desc");
        for (int level = 0; level <= 5; level++) {
            double x = labelWidth + scale * level;
            svg.empty("line", "x1", Svg.n(x), "y1", "28", "x2", Svg.n(x), "y2", String.valueOf(40 + rowHeight * labels.size()),
                    "stroke", GRID, "stroke-width", level == 0 ? "1.5" : "0.6");
            svg.element("text", String.valueOf(level), "x", Svg.n(x), "y", "22", "font-size", "12", "text-anchor", "middle",
                    "fill", "#3d4651");
        }
        for (int row = 0; row < labels.size(); row++) {
            double top = 40 + rowHeight * row;
            Averages averages = values.get(row);
            svg.element("text", labels.get(row), "x", String.valueOf(labelWidth - 10), "y", Svg.n(top + 30),
                    "font-size", "15", "font-weight", row == labels.size() - 1 ? "bold" : "normal",
                    "text-anchor", "end", "fill", INK);
            if (!averages.anyRated()) {
                svg.element("text", "not rated yet", "x", String.valueOf(labelWidth + 8), "y", Svg.n(top + 30),
                        "font-size", "13", "fill", "#6b7480");
                continue;
            }
            bar(svg, labelWidth, top + 8, scale, averages.current(), CURRENT, null);
            bar(svg, labelWidth, top + 32, scale, averages.target(), TARGET, "8 4");
        }
        legend(svg, 150, height - 14);
        return svg.close("svg").toString();
    }

    private static void bar(Svg svg, int left, double top, double scale, BigDecimal value, String colour, String dash) {
        double length = Math.max(scale * value.doubleValue(), 1);
        svg.empty("rect", "x", String.valueOf(left), "y", Svg.n(top), "width", Svg.n(length), "height", "20",
                "fill", colour, "fill-opacity", dash == null ? "0.85" : "0.35", "stroke", colour, "stroke-width", "2",
                "stroke-dasharray", dash);
        svg.element("text", value.toPlainString(), "x", Svg.n(left + length + 6), "y", Svg.n(top + 15),
                "font-size", "14", "font-weight", "bold", "fill", colour);
    }

    private static void legend(Svg svg, double x, double y) {
        svg.empty("rect", "x", Svg.n(x), "y", Svg.n(y - 11), "width", "22", "height", "12", "fill", CURRENT,
                "fill-opacity", "0.85");
        svg.element("text", "Current level", "x", Svg.n(x + 30), "y", Svg.n(y), "font-size", "14", "fill", INK);
        svg.empty("rect", "x", Svg.n(x + 180), "y", Svg.n(y - 11), "width", "22", "height", "12", "fill", TARGET,
                "fill-opacity", "0.35", "stroke", TARGET, "stroke-width", "2", "stroke-dasharray", "5 3");
        svg.element("text", "Target level", "x", Svg.n(x + 210), "y", Svg.n(y), "font-size", "14", "fill", INK);
    }

    private static String polygon(List<DimensionGap> dimensions, double cx, double cy, double radius, boolean target) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionGap gap = dimensions.get(i);
            // An unrated dimension sits at the centre: it has no level yet, and is labelled "not rated".
            int level = gap.rated() ? (target ? gap.target() : gap.current()) : 0;
            double r = radius * level / 5;
            points.append(Svg.n(x(cx, r, i, dimensions.size()))).append(',')
                    .append(Svg.n(y(cy, r, i, dimensions.size()))).append(' ');
        }
        return points.toString().trim();
    }

    private static String radarDescription(GapReport report) {
        return report.dimensions().stream()
                .map(d -> d.rated() ? d.dimension().name() + ": current " + d.current() + ", target " + d.target()
                        : d.dimension().name() + ": not rated")
                .collect(Collectors.joining("; ", "Levels from 1 (centre) to 5 (edge). ", "."));
    }

    private static String barsDescription(List<String> labels, List<Averages> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Averages a = values.get(i);
            parts.add(labels.get(i) + ": " + (a.anyRated()
                    ? "current " + a.current().toPlainString() + ", target " + a.target().toPlainString()
                    : "not rated yet"));
        }
        return String.join("; ", parts) + ".";
    }

    private static double angle(int index, int count) {
        return 2 * Math.PI * index / count;
    }

    private static double x(double cx, double r, int index, int count) {
        return cx + r * Math.sin(angle(index, count));
    }

    private static double y(double cy, double r, int index, int count) {
        return cy - r * Math.cos(angle(index, count));
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
