package dev.mpem.portal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.model.Outcome;
import dev.mpem.portal.shared.Words;

/**
 * Works out a gap report from an assessment and the model. Pure: the same assessment always gives
 * the same report, and nothing here reads a database.
 */
final class GapReportCalculator {

    /** Levels apart (current) from which the paper's imbalance applies. */
    static final int IMBALANCE_SPREAD = 3;
    /** Levels to climb in one cycle from which a target is a big bang rather than a step. */
    static final int BIG_BANG_STEP = 3;

    private GapReportCalculator() {
    }

    static GapReport calculate(AssessmentView assessment, Mpem mpem) {
        List<DimensionGap> dimensions = mpem.dimensions().stream()
                .map(dimension -> gapOf(dimension, assessment.rating(dimension.code()), mpem)).toList();
        List<CategoryGap> categories = mpem.categories().stream()
                .map(category -> categoryGap(category, dimensions)).toList();
        List<OutcomeLens> outcomes = outcomes(assessment, mpem, dimensions);
        boolean focusBased = !assessment.focusOutcomes().isEmpty();
        List<Outcome> counted = focusBased
                ? mpem.outcomes().stream().filter(o -> assessment.focusOn(o.code())).toList()
                : mpem.outcomes();
        List<Priority> priorities = priorities(dimensions, counted, focusBased, mpem.outcomes().size());
        return new GapReport(assessment, dimensions, categories, Averages.of(dimensions), outcomes, priorities,
                roadmap(priorities, mpem), warnings(dimensions), focusBased);
    }

    private static DimensionGap gapOf(Dimension dimension, RatingView rating, Mpem mpem) {
        return rating.rated()
                ? new DimensionGap(dimension, mpem.level(rating.current()), mpem.level(rating.target()), rating.notes(),
                        rating.confidence(), rating.agreement())
                : new DimensionGap(dimension, null, null, rating.notes());
    }

    private static CategoryGap categoryGap(Category category, List<DimensionGap> all) {
        List<DimensionGap> own = all.stream()
                .filter(gap -> gap.dimension().categoryCode().equals(category.code())).toList();
        return new CategoryGap(category, Averages.of(own), own);
    }

    /** Every outcome of Table 2, the assessment's focus outcomes first, each group in the paper's order. */
    private static List<OutcomeLens> outcomes(AssessmentView assessment, Mpem mpem, List<DimensionGap> dimensions) {
        List<OutcomeLens> lenses = mpem.outcomes().stream().map(outcome -> {
            List<DimensionGap> own = outcome.dimensionCodes().stream()
                    .map(code -> dimensions.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow())
                    .toList();
            return new OutcomeLens(outcome, assessment.focusOn(outcome.code()), own, Averages.of(own));
        }).toList();
        List<OutcomeLens> ordered = new ArrayList<>(lenses.stream().filter(OutcomeLens::focus).toList());
        ordered.addAll(lenses.stream().filter(lens -> !lens.focus()).toList());
        return List.copyOf(ordered);
    }

    /**
     * Ranks the dimensions that have a gap: score = gap x (1 + the number of counted outcomes the
     * dimension is a key influential dimension of). Higher scores first; equal scores go to the
     * larger gap, then to the dimension that influences more outcomes, then to the model's order.
     */
    static List<Priority> priorities(List<DimensionGap> dimensions, List<Outcome> counted, boolean focusBased,
            int allOutcomes) {
        record Candidate(DimensionGap gap, List<Outcome> outcomes, int score) {
            int influence() {
                return outcomes.size();
            }
        }
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.gap().gap()).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::influence).reversed())
                .thenComparingInt(c -> c.gap().dimension().position());
        List<Candidate> ranked = dimensions.stream().filter(d -> d.rated() && d.gap() > 0)
                .map(d -> {
                    List<Outcome> influenced = counted.stream().filter(o -> o.influencedBy(d.code())).toList();
                    return new Candidate(d, influenced, d.gap() * (1 + influenced.size()));
                })
                .sorted(order).toList();

        List<Priority> priorities = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate candidate = ranked.get(i);
            DimensionGap gap = candidate.gap();
            String pool = Words.say(focusBased ? "report.reason.pool.focus" : "report.reason.pool.all");
            int poolSize = focusBased ? counted.size() : allOutcomes;
            List<String> reason = new ArrayList<>();
            reason.add(Words.say("report.reason.gap", gap.gap(), gap.movement()));
            reason.add(candidate.influence() == 0 ? Words.say("report.reason.noInfluence", pool)
                    : Words.say("report.reason.influence", candidate.influence(), poolSize, pool,
                            candidate.outcomes().stream().map(Outcome::label).collect(Collectors.joining(", "))));
            reason.add(Words.say("report.reason.score", gap.gap(), candidate.influence(), candidate.score()));
            if (i > 0 && ranked.get(i - 1).score() == candidate.score()) {
                Candidate above = ranked.get(i - 1);
                reason.add(Words.say(above.gap().gap() != gap.gap() ? "report.reason.tie.gap"
                        : above.influence() != candidate.influence() ? "report.reason.tie.influence"
                        : "report.reason.tie.order", above.gap().dimension().name()));
            }
            priorities.add(new Priority(i + 1, gap, candidate.outcomes(), candidate.score(), String.join(" ", reason)));
        }
        return List.copyOf(priorities);
    }

    /** For each ranked dimension, in priority order, the descriptors from current + 1 up to target. */
    private static List<RoadmapItem> roadmap(List<Priority> priorities, Mpem mpem) {
        return priorities.stream().map(priority -> {
            DimensionGap gap = priority.dimension();
            List<RoadmapItem.Step> steps = IntStream.rangeClosed(gap.current() + 1, gap.target())
                    .mapToObj(level -> new RoadmapItem.Step(mpem.level(level), gap.dimension().descriptor(level)))
                    .toList();
            return new RoadmapItem(gap, steps);
        }).toList();
    }

    static List<Warning> warnings(List<DimensionGap> dimensions) {
        List<DimensionGap> rated = dimensions.stream().filter(DimensionGap::rated).toList();
        List<Warning> warnings = new ArrayList<>();
        if (rated.isEmpty()) {
            return warnings;
        }
        int highest = rated.stream().mapToInt(DimensionGap::current).max().orElseThrow();
        int lowest = rated.stream().mapToInt(DimensionGap::current).min().orElseThrow();
        if (highest - lowest >= IMBALANCE_SPREAD) {
            List<DimensionGap> leading = rated.stream().filter(d -> d.current() == highest).toList();
            List<DimensionGap> lagging = rated.stream().filter(d -> d.current() == lowest).toList();
            String message = Words.say("report.warning.imbalance", names(leading), leading.size(),
                    leading.get(0).currentLevel().label(), names(lagging), lagging.size(),
                    lagging.get(0).currentLevel().label(), highest - lowest);
            warnings.add(new Warning(Warning.Type.IMBALANCE, "SPREAD", Words.say("report.warning.imbalance.title"), message,
                    codes(leading), codes(leading), codes(lagging)));
        }
        List<DimensionGap> bigSteps = rated.stream().filter(d -> d.gap() >= BIG_BANG_STEP).toList();
        if (!bigSteps.isEmpty()) {
            String list = bigSteps.stream().map(d -> d.dimension().name() + " (" + d.movement() + ")")
                    .collect(Collectors.joining(", "));
            warnings.add(new Warning(Warning.Type.BIG_BANG, "LARGE_STEP", Words.say("report.warning.bigBang.title"),
                    Words.say("report.warning.bigBang", BIG_BANG_STEP, list),
                    codes(bigSteps), List.of(), List.of()));
        }
        if (rated.size() > 1 && rated.stream().allMatch(d -> d.target() == 5)) {
            warnings.add(new Warning(Warning.Type.BIG_BANG, "ALL_LEVEL_5", Words.say("report.warning.level5.title"),
                    Words.say("report.warning.level5"),
                    codes(rated), List.of(), List.of()));
        }
        return List.copyOf(warnings);
    }

    private static String names(List<DimensionGap> dimensions) {
        List<String> names = dimensions.stream().map(d -> d.dimension().name()).toList();
        return names.size() == 1 ? names.get(0) : Words.say("report.list.and",
                String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }

    private static List<String> codes(List<DimensionGap> dimensions) {
        return dimensions.stream().map(DimensionGap::code).toList();
    }

}
