package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mpem.portal.assessment.AssessmentStatus;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.model.TestModel;

/** Every figure below is worked out by hand in the comments next to it. */
class GapReportCalculatorTests {

    final Mpem mpem = TestModel.mpem();

    /** Example A: a completed assessment focused on Widen reach and Sell more. */
    GapReport exampleA() {
        return report(AssessmentStatus.COMPLETED, List.of("SELL_MORE", "WIDEN_REACH"),
                "EXTENT", 2, 4, "CHANNEL_REACH", 1, 3, "ACCURACY_AND_LEARNABILITY", 2, 3, "SCOPE", 2, 2,
                "STRATEGY", 1, 3, "TECHNOLOGY", 4, 4, "MEASUREMENT", 1, 2, "SECURITY_AND_PRIVACY", 3, 3,
                "FINANCIAL_EFFECTIVENESS", 2, 3, "EXPERTISE", 2, 3, "CULTURE", 1, 2);
    }

    @Test
    void dimensionGapsAreTargetMinusCurrentWithLevelNames() {
        GapReport report = exampleA();

        assertThat(report.dimensions()).extracting(DimensionGap::code, DimensionGap::gap).startsWith(
                tuple("EXTENT", 2), tuple("CHANNEL_REACH", 2), tuple("ACCURACY_AND_LEARNABILITY", 1), tuple("SCOPE", 0));
        assertThat(report.dimension("EXTENT").movement()).isEqualTo("2 Foundational → 4 Mature");
        assertThat(report.draft()).isFalse();
    }

    @Test
    void categoryAndOverallAveragesAreRoundedToOneDecimalAndEachRowAddsUp() {
        GapReport report = exampleA();

        // Functional: current (2+1+2+2)/4 = 1.75 -> 1.8; target (4+3+3+2)/4 = 3.0; gap 3.0 - 1.8 = 1.2
        assertThat(averages(report, "FUNCTIONAL")).containsExactly(dec("1.8"), dec("3.0"), dec("1.2"));
        // Organizational: (1+4+1+3+2)/5 = 2.2; (3+4+2+3+3)/5 = 3.0; gap 0.8
        assertThat(averages(report, "ORGANIZATIONAL")).containsExactly(dec("2.2"), dec("3.0"), dec("0.8"));
        // People: (2+1)/2 = 1.5; (3+2)/2 = 2.5; gap 1.0
        assertThat(averages(report, "PEOPLE")).containsExactly(dec("1.5"), dec("2.5"), dec("1.0"));
        // Overall: 21/11 = 1.909 -> 1.9; 32/11 = 2.909 -> 2.9; gap 1.0
        assertThat(report.overall()).extracting(Averages::current, Averages::target, Averages::gap, Averages::rated)
                .containsExactly(dec("1.9"), dec("2.9"), dec("1.0"), 11);
    }

    @Test
    void focusOutcomesComeFirstWithTheirReadiness() {
        GapReport report = exampleA();

        assertThat(report.outcomes()).extracting(lens -> lens.outcome().code(), OutcomeLens::focus).containsExactly(
                tuple("WIDEN_REACH", true), tuple("SELL_MORE", true), tuple("REPEAT_SELL", false),
                tuple("CONVERT_FASTER", false), tuple("INCREASE_SATISFACTION", false),
                tuple("CREATE_DIFFERENTIATED_EXPERIENCES", false), tuple("UNNAMED_ROW_7", false));
        OutcomeLens widenReach = report.outcomes().get(0);
        // Channel reach 1->3, Extent 2->4, Scope 2->2, Strategy 1->3: current 6/4 = 1.5, target 12/4 = 3.0
        assertThat(widenReach.dimensions()).extracting(DimensionGap::code)
                .containsExactly("CHANNEL_REACH", "EXTENT", "SCOPE", "STRATEGY");
        assertThat(widenReach.readiness()).extracting(Averages::current, Averages::target, Averages::gap)
                .containsExactly(dec("1.5"), dec("3.0"), dec("1.5"));
    }

    @Test
    void prioritiesRankByGapTimesOnePlusFocusOutcomesInfluencedAndExplainTies() {
        GapReport report = exampleA();

        // Extent, Channel reach, Strategy: gap 2, key to both focus outcomes: 2 x (1 + 2) = 6, equal in
        // gap and influence, so the model's order decides. The rest have gap 1 and no focus outcome: 1.
        assertThat(report.priorities()).extracting(p -> p.dimension().code(), Priority::score, Priority::rank)
                .containsExactly(tuple("EXTENT", 6, 1), tuple("CHANNEL_REACH", 6, 2), tuple("STRATEGY", 6, 3),
                        tuple("ACCURACY_AND_LEARNABILITY", 1, 4), tuple("MEASUREMENT", 1, 5),
                        tuple("FINANCIAL_EFFECTIVENESS", 1, 6), tuple("EXPERTISE", 1, 7), tuple("CULTURE", 1, 8));
        Priority extent = report.priorities().get(0);
        assertThat(extent.outcomes()).extracting(o -> o.code()).containsExactly("WIDEN_REACH", "SELL_MORE");
        assertThat(extent.reason()).isEqualTo("Gap of 2 levels (2 Foundational → 4 Mature). Key influential"
                + " dimension of 2 of the 2 focus outcomes (Widen reach, Sell more). Score 2 × (1 + 2) = 6.");
        assertThat(report.priorities().get(1).reason()).endsWith(
                "Same score as Extent, which ranks above it for coming earlier in the model.");
        assertThat(report.priorities().get(3).reason()).contains(
                "It is not a key influential dimension of any of the focus outcomes.");
        assertThat(report.focusBased()).isTrue();
    }

    @Test
    void equalScoresGoToTheLargerGapFirst() {
        // Focus on Increase satisfaction (Extent, Scope, Accuracy, Expertise).
        // Measurement 1->3: 2 x (1 + 0) = 2. Expertise 2->3: 1 x (1 + 1) = 2. Same score, larger gap first.
        GapReport report = report(AssessmentStatus.COMPLETED, List.of("INCREASE_SATISFACTION"),
                "MEASUREMENT", 1, 3, "EXPERTISE", 2, 3);

        assertThat(report.priorities()).extracting(p -> p.dimension().code(), Priority::score)
                .containsExactly(tuple("MEASUREMENT", 2), tuple("EXPERTISE", 2));
        assertThat(report.priorities().get(1).reason())
                .endsWith("Same score as Measurement, which ranks above it for its larger gap.");
    }

    @Test
    void withoutFocusOutcomesEveryRowOfTable2Counts() {
        // Rows listing each dimension: Scope 6, Extent 4, Technology 4, Strategy 4, Measurement 0.
        // Strategy 2->4: 2 x 5 = 10; Scope 2->3: 1 x 7 = 7; Extent 3->4: 1 x 5 = 5; Technology 2->3: 5;
        // Measurement 1->4: 3 x 1 = 3. Extent and Technology tie on score, gap and influence: model order.
        GapReport report = report(AssessmentStatus.COMPLETED, List.of(),
                "SCOPE", 2, 3, "MEASUREMENT", 1, 4, "EXTENT", 3, 4, "TECHNOLOGY", 2, 3, "STRATEGY", 2, 4);

        assertThat(report.focusBased()).isFalse();
        assertThat(report.priorities()).extracting(p -> p.dimension().code(), Priority::score).containsExactly(
                tuple("STRATEGY", 10), tuple("SCOPE", 7), tuple("EXTENT", 5), tuple("TECHNOLOGY", 5),
                tuple("MEASUREMENT", 3));
        assertThat(report.priorities().get(1).reason())
                .contains("Key influential dimension of 6 of the 7 business outcomes of Table 2");
    }

    @Test
    void roadmapListsEachLevelFromCurrentPlusOneUpToTargetInPriorityOrder() {
        GapReport report = report(AssessmentStatus.COMPLETED, List.of(), "CULTURE", 1, 4, "SCOPE", 2, 3, "EXTENT", 3, 3);

        assertThat(report.roadmap()).extracting(item -> item.dimension().code()).containsExactly("SCOPE", "CULTURE");
        RoadmapItem culture = report.roadmap().get(1);
        assertThat(culture.steps()).extracting(step -> step.level().label(), RoadmapItem.Step::descriptor).containsExactly(
                tuple("2 Foundational", "CULTURE at level 2"), tuple("3 Intermediate", "CULTURE at level 3"),
                tuple("4 Mature", "CULTURE at level 4"));
    }

    @Test
    void imbalanceNamesTheLeadingAndLaggingDimensions() {
        GapReport report = exampleA();

        assertThat(report.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.type()).isEqualTo(Warning.Type.IMBALANCE);
            assertThat(warning.leading()).containsExactly("TECHNOLOGY");
            assertThat(warning.lagging()).containsExactly("CHANNEL_REACH", "STRATEGY", "MEASUREMENT", "CULTURE");
            assertThat(warning.message()).startsWith("Technology is at 4 Mature while Channel reach, Strategy,"
                    + " Measurement and Culture are at 1 Basic: 3 levels apart.").contains("Level 5 in technology");
        });
    }

    @Test
    void twoLevelsApartIsNoImbalance() {
        GapReport report = report(AssessmentStatus.COMPLETED, List.of(), "EXTENT", 1, 2, "CULTURE", 3, 3);

        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void bigBangWarnsOfLargeStepsAndOfLevel5Everywhere() {
        GapReport report = report(AssessmentStatus.COMPLETED, List.of(), "EXTENT", 2, 5, "SCOPE", 3, 5, "CULTURE", 4, 5);

        assertThat(report.warnings()).extracting(Warning::type, Warning::reason, Warning::dimensions).containsExactly(
                tuple(Warning.Type.BIG_BANG, "LARGE_STEP", List.of("EXTENT")),
                tuple(Warning.Type.BIG_BANG, "ALL_LEVEL_5", List.of("EXTENT", "SCOPE", "CULTURE")));
        assertThat(report.warnings().get(0).message()).contains("Extent (2 Foundational → 5 Leader)")
                .contains("gradual, incremental approach");
    }

    @Test
    void allEqualLevelsGiveNoGapsNoPrioritiesAndNoWarnings() {
        Object[] ratings = TestModel.mpem().dimensions().stream()
                .flatMap(d -> java.util.stream.Stream.of(d.code(), 3, 3)).toArray();
        GapReport report = report(AssessmentStatus.COMPLETED, List.of("SELL_MORE"), ratings);

        assertThat(report.overall()).extracting(Averages::current, Averages::target, Averages::gap)
                .containsExactly(dec("3.0"), dec("3.0"), dec("0.0"));
        assertThat(report.priorities()).isEmpty();
        assertThat(report.roadmap()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aDraftLeavesUnratedDimensionsOutOfEveryFigure() {
        // Only Extent 1->2 and Culture 4->5 are rated: overall (1+4)/2 = 2.5, (2+5)/2 = 3.5.
        GapReport report = report(AssessmentStatus.DRAFT, List.of("REPEAT_SELL"), "EXTENT", 1, 2, "CULTURE", 4, 5);

        assertThat(report.draft()).isTrue();
        assertThat(report.unrated()).hasSize(9);
        assertThat(report.overall()).extracting(Averages::current, Averages::target, Averages::gap, Averages::rated,
                Averages::total).containsExactly(dec("2.5"), dec("3.5"), dec("1.0"), 2, 11);
        assertThat(averages(report, "FUNCTIONAL")).containsExactly(dec("1.0"), dec("2.0"), dec("1.0"));
        assertThat(averages(report, "ORGANIZATIONAL")).containsExactly(null, null, null);
        // Repeat sell: Extent, Scope, Channel reach, Technology - only Extent rated.
        assertThat(report.outcomes().get(0).readiness()).extracting(Averages::current, Averages::rated)
                .containsExactly(dec("1.0"), 1);
        assertThat(report.priorities()).extracting(p -> p.dimension().code()).containsExactly("EXTENT", "CULTURE");
        assertThat(report.warnings()).extracting(Warning::type).containsExactly(Warning.Type.IMBALANCE);
    }

    @Test
    void anAssessmentWithNothingRatedHasEmptyFigures() {
        GapReport report = report(AssessmentStatus.DRAFT, List.of());

        assertThat(report.overall().anyRated()).isFalse();
        assertThat(report.priorities()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    private List<BigDecimal> averages(GapReport report, String category) {
        Averages averages = report.categories().stream().filter(c -> c.category().code().equals(category))
                .findFirst().orElseThrow().averages();
        return java.util.Arrays.asList(averages.current(), averages.target(), averages.gap());
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    GapReport report(AssessmentStatus status, List<String> focus, Object... codeCurrentTarget) {
        Map<String, int[]> rated = new LinkedHashMap<>();
        for (int i = 0; i < codeCurrentTarget.length; i += 3) {
            rated.put((String) codeCurrentTarget[i], new int[] { (Integer) codeCurrentTarget[i + 1], (Integer) codeCurrentTarget[i + 2] });
        }
        List<RatingView> ratings = mpem.dimensions().stream().map(d -> rated.containsKey(d.code())
                ? new RatingView(d.code(), rated.get(d.code())[0], rated.get(d.code())[1], null, 1L, null, null)
                : new RatingView(d.code(), null, null, null, null, null, null)).toList();
        AssessmentView assessment = new AssessmentView(1, 1, "Org", "Review", LocalDate.of(2026, 5, 14), null, null,
                status, null, null, null, focus.stream().sorted(java.util.Comparator.comparingInt(
                        code -> mpem.outcome(code).position())).toList(), ratings, List.of(), null);
        return GapReportCalculator.calculate(assessment, mpem);
    }
}
