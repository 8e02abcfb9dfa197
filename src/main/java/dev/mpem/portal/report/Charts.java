package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.mpem.portal.shared.Svg;

/**
 * The geometry of the report's charts: where each ring, spoke, label, bar and marker goes. The
 * SVG itself (titles, descriptions, colours, legend) is written by the templates in
 * {@code templates/fragments/charts.html}, drawn on the server so that the charts need no script,
 * print, and go into the PDF. Coordinates are text with one decimal, as SVG takes them.
 */
public final class Charts {

    /** The drawing's own coordinate system; the chart scales to the width it is shown at. */
    static final int SIZE = 640;

    private Charts() {
    }

    /** A radar of the 11 dimensions: the current polygon inside the target polygon, levels 1-5 as rings. */
    public record Radar(String id, int width, String height, List<Ring> rings, List<Spoke> spokes, String target,
            String current, List<Marker> markers, List<DimensionGap> dimensions) {
    }

    /** A ring of one level, with its number where the ring meets the first spoke. */
    public record Ring(int level, String points, String labelX, String labelY) {
    }

    /** The spoke of a dimension, out to level 5, with its name in one or more lines beyond the end. */
    public record Spoke(String x, String y, String anchor, List<Line> label, boolean rated) {
    }

    public record Line(String x, String y, String text) {
    }

    /** A rated dimension's current level (a dot) and target level (a square, x and y its corner). */
    public record Marker(String currentX, String currentY, String targetX, String targetY) {
    }

    /** Current and target average of each category and overall, as pairs of bars on the 0-5 scale. */
    public record Bars(String id, int width, String height, int viewHeight, int labelX, List<Tick> ticks,
            String gridBottom, List<Row> rows, int legendY) {
    }

    public record Tick(int level, String x) {
    }

    /** A category (or the overall row), with its two bars when anything is rated. */
    public record Row(String label, boolean overall, String labelY, Averages averages, Bar current, Bar target) {
    }

    public record Bar(String y, String length, String valueX, String valueY, String value) {
    }

    static Radar radar(GapReport report, String id) {
        return radar(report, id, SIZE, "(not rated)");
    }

    /** The radar shown {@code width} pixels wide; {@code notRated} follows the name of a dimension not rated. */
    static Radar radar(GapReport report, String id, int width, String notRated) {
        List<DimensionGap> dimensions = report.dimensions();
        double cx = SIZE / 2.0;
        double cy = SIZE / 2.0 + 6;
        double radius = 205;
        int count = dimensions.size();
        List<Ring> rings = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            double r = radius * level / 5;
            List<String> points = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                points.add(Svg.n(x(cx, r, i, count)) + "," + Svg.n(y(cy, r, i, count)));
            }
            rings.add(new Ring(level, String.join(" ", points), Svg.n(cx + 4), Svg.n(cy - r + 12)));
        }
        List<Spoke> spokes = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DimensionGap gap = dimensions.get(i);
            double lx = x(cx, radius + 18, i, count);
            double ly = y(cy, radius + 18, i, count);
            double angle = angle(i, count);
            String anchor = Math.abs(Math.sin(angle)) < 0.2 ? "middle" : Math.sin(angle) > 0 ? "start" : "end";
            List<String> lines = wrap(gap.dimension().name() + (gap.rated() ? "" : " " + notRated), 16);
            double top = ly + (Math.cos(angle) > 0.5 ? -4 - 14 * (lines.size() - 1)
                    : Math.cos(angle) < -0.5 ? 12 : 4 - 7 * (lines.size() - 1));
            List<Line> label = new ArrayList<>();
            for (int line = 0; line < lines.size(); line++) {
                label.add(new Line(Svg.n(lx), Svg.n(top + 16 * line), lines.get(line)));
            }
            spokes.add(new Spoke(Svg.n(x(cx, radius, i, count)), Svg.n(y(cy, radius, i, count)), anchor, label,
                    gap.rated()));
            if (gap.rated()) {
                double rc = radius * gap.current() / 5;
                double rt = radius * gap.target() / 5;
                markers.add(new Marker(Svg.n(x(cx, rc, i, count)), Svg.n(y(cy, rc, i, count)),
                        Svg.n(x(cx, rt, i, count) - 4), Svg.n(y(cy, rt, i, count) - 4)));
            }
        }
        return new Radar(id, width, Svg.n(width * (SIZE + 40.0) / SIZE), rings, spokes,
                polygon(dimensions, cx, cy, radius, true), polygon(dimensions, cx, cy, radius, false), markers, dimensions);
    }

    static Bars categoryBars(GapReport report, String id) {
        return categoryBars(report, id, SIZE);
    }

    /** The bars shown {@code width} pixels wide; {@code overall} is the label of the last row. */
    static Bars categoryBars(GapReport report, String id, int width) {
        int labelWidth = 170;
        double scale = (SIZE - labelWidth - 60) / 5.0;
        int rowHeight = 64;
        int count = report.categories().size() + 1;
        int height = 40 + rowHeight * count + 50;
        List<Tick> ticks = new ArrayList<>();
        for (int level = 0; level <= 5; level++) {
            ticks.add(new Tick(level, Svg.n(labelWidth + scale * level)));
        }
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            boolean overall = row == count - 1;
            Averages averages = overall ? report.overall() : report.categories().get(row).averages();
            String label = overall ? null : report.categories().get(row).category().shortName();
            double top = 40 + rowHeight * row;
            rows.add(new Row(label, overall, Svg.n(top + 30), averages,
                    averages.anyRated() ? bar(labelWidth, top + 8, scale, averages.current()) : null,
                    averages.anyRated() ? bar(labelWidth, top + 32, scale, averages.target()) : null));
        }
        return new Bars(id, width, Svg.n(width * (double) height / SIZE), height, labelWidth - 10, ticks,
                String.valueOf(40 + rowHeight * count), rows, height - 14);
    }

    private static Bar bar(int left, double top, double scale, BigDecimal value) {
        double length = Math.max(scale * value.doubleValue(), 1);
        return new Bar(Svg.n(top), Svg.n(length), Svg.n(left + length + 6), Svg.n(top + 15), value.toPlainString());
    }

    private static String polygon(List<DimensionGap> dimensions, double cx, double cy, double radius, boolean target) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionGap gap = dimensions.get(i);
            // An unrated dimension sits at the centre: it has no level yet, and is labelled "not rated".
            int level = gap.rated() ? (target ? gap.target() : gap.current()) : 0;
            double r = radius * level / 5;
            points.add(Svg.n(x(cx, r, i, dimensions.size())) + "," + Svg.n(y(cy, r, i, dimensions.size())));
        }
        return String.join(" ", points);
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
