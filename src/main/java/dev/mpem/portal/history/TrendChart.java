package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.mpem.portal.shared.Svg;

/**
 * The geometry of a line chart of averages over the completed assessments of an organisation,
 * oldest on the left; the SVG is written by {@code fragments/charts :: trend}.
 */
public record TrendChart(List<Grid> grid, List<Date> dates, List<Line> lines) {

    private static final String[] COLOURS = { "#0b4f8a", "#1b6e3a", "#7a3e9d", "#111418", "#b35900", "#b35900" };
    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 50;
    private static final int RIGHT = 200;
    private static final int TOP = 30;
    private static final int BOTTOM = 60;

    /** What one line shows: a name and a value per assessment (null where nothing was rated). */
    record Series(String name, List<BigDecimal> values, boolean dashed) {
    }

    /** A level's grid line and its label. */
    public record Grid(int level, String y, String labelY) {
    }

    /** An assessment's date under its column. */
    public record Date(String x, String text) {
    }

    /** A series drawn: its points, dots and legend entry, and its readings in words. */
    public record Line(String name, String colour, boolean dashed, String width, String points, List<Dot> dots,
            double legendY, String readings) {
    }

    public record Dot(String x, String y) {
    }

    /** {@code notRated} stands for a value that is missing in the chart's description. */
    static TrendChart of(List<String> labels, List<Series> series, String notRated) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Grid> grid = new ArrayList<>();
        for (int level = 0; level <= 5; level++) {
            double y = TOP + plotHeight - plotHeight * level / 5;
            grid.add(new Grid(level, Svg.n(y), Svg.n(y + 5)));
        }
        int count = labels.size();
        List<Date> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(new Date(Svg.n(x(i, count, plotWidth)), labels.get(i)));
        }
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            List<Dot> dots = new ArrayList<>();
            List<String> readings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                BigDecimal value = line.values().get(i);
                readings.add(labels.get(i) + " " + (value == null ? notRated : value.toPlainString()));
                if (value != null) {
                    dots.add(new Dot(Svg.n(x(i, count, plotWidth)),
                            Svg.n(TOP + plotHeight - plotHeight * value.doubleValue() / 5)));
                }
            }
            String points = String.join(" ", dots.stream().map(d -> d.x() + "," + d.y()).toList());
            lines.add(new Line(line.name(), COLOURS[s % COLOURS.length], line.dashed(), s == 3 ? "4" : "2.5", points,
                    dots, TOP + 18 + 24 * s, String.join(", ", readings)));
        }
        return new TrendChart(grid, dates, lines);
    }

    private static double x(int index, int count, double plotWidth) {
        return count == 1 ? LEFT + plotWidth / 2 : LEFT + 20 + (plotWidth - 40) * index / (count - 1);
    }
}
