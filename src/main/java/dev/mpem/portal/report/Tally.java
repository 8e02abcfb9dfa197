package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import dev.mpem.portal.assessment.Confidence;

/**
 * What the room voted on one dimension: how many votes each level got (current and target), the
 * medians, and the spread (the widest distance between two votes, current or target), which gives
 * the confidence. With no votes there is no median, spread or confidence.
 */
public record Tally(int votes, Map<Integer, Integer> current, Map<Integer, Integer> target, BigDecimal medianCurrent,
        BigDecimal medianTarget, Integer spread, Confidence confidence, List<NamedVote> named, List<Reason> reasons) {

    /**
     * A reason a voter gave, shown to the room after the reveal: with the voter's name, or without
     * ({@code participant} null) in an anonymous workshop.
     */
    public record Reason(String participant, int current, int target, String text) {
    }

    /** A vote with its voter's name, shown after the reveal when the workshop is not anonymous. */
    public record NamedVote(String participant, int current, int target, String reason) {
    }

    public record Ballot(String participant, int current, int target, String reason) {
    }

    public static Tally of(List<Ballot> ballots, boolean anonymous) {
        Map<Integer, Integer> current = histogram(ballots, Ballot::current);
        Map<Integer, Integer> target = histogram(ballots, Ballot::target);
        if (ballots.isEmpty()) {
            return new Tally(0, current, target, null, null, null, null, List.of(), List.of());
        }
        int spread = Math.max(range(ballots, Ballot::current), range(ballots, Ballot::target));
        List<NamedVote> named = anonymous ? List.of() : ballots.stream()
                .map(b -> new NamedVote(b.participant(), b.current(), b.target(), b.reason())).toList();
        List<Reason> reasons = ballots.stream().filter(b -> b.reason() != null && !b.reason().isBlank())
                .map(b -> new Reason(anonymous ? null : b.participant(), b.current(), b.target(), b.reason())).toList();
        return new Tally(ballots.size(), current, target, median(ballots, Ballot::current),
                median(ballots, Ballot::target), spread, Confidence.ofSpread(spread), named, reasons);
    }

    private static Map<Integer, Integer> histogram(List<Ballot> ballots, ToIntFunction<Ballot> level) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int l = 1; l <= 5; l++) {
            counts.put(l, 0);
        }
        ballots.forEach(ballot -> counts.merge(level.applyAsInt(ballot), 1, Integer::sum));
        return counts;
    }

    private static int range(List<Ballot> ballots, ToIntFunction<Ballot> level) {
        int max = ballots.stream().mapToInt(level).max().orElse(0);
        int min = ballots.stream().mapToInt(level).min().orElse(0);
        return max - min;
    }

    private static BigDecimal median(List<Ballot> ballots, ToIntFunction<Ballot> level) {
        List<Integer> sorted = new ArrayList<>(ballots.stream().map(level::applyAsInt).sorted().toList());
        int middle = sorted.size() / 2;
        BigDecimal value = sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2), 1,
                        RoundingMode.UNNECESSARY);
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** The level to suggest for agreement: the median, halves rounded down (the cautious choice). */
    public static int suggestion(BigDecimal median) {
        return median == null ? 0 : median.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    public boolean contested() {
        return confidence != null && confidence.contested();
    }
}
