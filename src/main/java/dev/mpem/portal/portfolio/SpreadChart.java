package dev.mpem.portal.portfolio;

import java.util.List;

import dev.mpem.portal.shared.Svg;

/**
 * The geometry of the portfolio's box charts, one small SVG per dimension on a 1-5 scale: a whisker
 * from the lowest to the highest level, a box from the lower to the upper quartile and a bar at the
 * median, for current levels (above) and targets (below). Drawn on the server, like the report's charts.
 */
public record SpreadChart(List<Tick> ticks, List<Row> rows) {

    static final int WIDTH = 400;
    static final int LEFT = 16;
    static final int RIGHT = WIDTH - 16;

    public record Tick(int level, String x) {
    }

    /** A dimension's two boxes, or none when its spread is not shown. */
    public record Row(Distribution distribution, Box current, Box target) {
    }

    /** Coordinates of one box: whisker ends, box start and width, median. */
    public record Box(String min, String max, String from, String width, String median) {
    }

    static SpreadChart of(Portfolio.Spread spread) {
        List<Tick> ticks = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(l -> new Tick(l, Svg.n(x(l)))).toList();
        return new SpreadChart(ticks, spread.dimensions().stream()
                .map(d -> new Row(d, box(d.current()), box(d.target()))).toList());
    }

    private static Box box(Stats stats) {
        if (stats == null) {
            return null;
        }
        return new Box(Svg.n(x(stats.min())), Svg.n(x(stats.max())), Svg.n(x(stats.p25())),
                Svg.n(Math.max(x(stats.p75()) - x(stats.p25()), 2)), Svg.n(x(stats.median())));
    }

    static double x(double level) {
        return LEFT + (level - 1) * (RIGHT - LEFT) / 4.0;
    }
}
