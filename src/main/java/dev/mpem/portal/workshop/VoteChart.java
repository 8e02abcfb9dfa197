package dev.mpem.portal.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mpem.portal.report.Tally;
import dev.mpem.portal.shared.Svg;

/**
 * The geometry of a dimension's vote distribution, current and target side by side as bars; the
 * SVG is written by {@code fragments/charts :: votes}.
 */
record VoteChart(List<Group> groups) {

    private static final int BASE = 215;
    private static final int BAR_HEIGHT = 160;

    /** The bars of current (or target) votes, starting at {@code left}. */
    record Group(boolean current, String colour, int left, List<Bar> bars) {
    }

    /** The bar of one level: how many voted for it, its top and height, where its count goes. */
    record Bar(int level, int count, int x, String y, String height, String countY) {
    }

    static VoteChart of(Tally tally) {
        int max = Math.max(1, Math.max(highest(tally.current()), highest(tally.target())));
        return new VoteChart(List.of(group(true, "#0b4f8a", 20, tally.current(), max),
                group(false, "#b35900", 330, tally.target(), max)));
    }

    private static Group group(boolean current, String colour, int left, Map<Integer, Integer> counts, int max) {
        List<Bar> bars = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            int count = counts.get(level);
            double h = BAR_HEIGHT * count / (double) max;
            bars.add(new Bar(level, count, left + (level - 1) * 58, Svg.n(BASE - h), Svg.n(Math.max(h, 1)),
                    Svg.n(BASE - h - 6)));
        }
        return new Group(current, colour, left, bars);
    }

    private static int highest(Map<Integer, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
