package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.mpem.portal.action.ActionView;
import dev.mpem.portal.assessment.AssessmentStatus;
import dev.mpem.portal.assessment.Confidence;
import dev.mpem.portal.model.Outcome;
import dev.mpem.portal.organisation.Industry;
import dev.mpem.portal.portfolio.Benchmark;
import dev.mpem.portal.portfolio.Benchmarks;
import dev.mpem.portal.portfolio.PortfolioService;

@Tag(name = "Reports", description = "The gap report of an assessment: current against target per dimension, category and business outcome, with priorities and next steps.")
@RestController
class ReportApiController {

    private final ReportService reports;
    private final ReportRenderer renderer;
    private final PortfolioService portfolio;

    ReportApiController(ReportService reports, ReportRenderer renderer, PortfolioService portfolio) {
        this.reports = reports;
        this.renderer = renderer;
        this.portfolio = portfolio;
    }

    /** The report; {@code votes} holds the revealed workshop votes per dimension, kept with the assessment. */
    @GetMapping("/api/assessments/{id}/report")
    @Operation(summary = "The gap report of an assessment")
    ReportJson report(@PathVariable long id) {
        GapReport report = reports.report(id);
        return ReportJson.of(report, portfolio.benchmarks(id)).withVotes(renderer.votes(id))
                .withSummary(reports.summary(report));
    }

    record ReportJson(long assessmentId, long organisationId, String title, String assessedOn, AssessmentStatus status,
            boolean draft, List<DimensionJson> dimensions, List<CategoryJson> categories, AveragesJson overall,
            List<OutcomeJson> outcomes, String priorityRule, List<PriorityJson> priorities, List<RoadmapJson> roadmap,
            List<Warning> warnings, Map<String, ?> votes, List<ActionView> actions, SummaryJson summary) {

        static ReportJson of(GapReport report, Benchmarks benchmarks) {
            var a = report.assessment();
            return new ReportJson(a.id(), a.organisationId(), a.title(), a.assessedOn().toString(), a.status(),
                    report.draft(), report.dimensions().stream().map(gap -> DimensionJson.of(gap, benchmarks)).toList(),
                    report.categories().stream().map(c -> new CategoryJson(c.category().code(), c.category().name(),
                            c.averages().current(), c.averages().target(), c.averages().gap(), c.averages().rated(),
                            c.averages().total())).toList(),
                    AveragesJson.of(report.overall()),
                    report.outcomes().stream().map(lens -> OutcomeJson.of(lens, benchmarks)).toList(),
                    PriorityRule.text(report.focusBased()),
                    report.priorities().stream().map(p -> new PriorityJson(p.rank(), p.dimension().code(),
                            p.dimension().gap(), p.outcomes().stream().map(Outcome::code).toList(), p.score(),
                            p.reason())).toList(),
                    report.roadmap().stream().map(item -> new RoadmapJson(item.dimension().code(),
                            item.dimension().current(), item.dimension().target(),
                            item.steps().stream().map(step -> new StepJson(step.level().number(), step.level().name(),
                                    step.descriptor())).toList())).toList(),
                    report.warnings(), Map.of(), List.of(), null);
        }

        ReportJson withVotes(Map<String, ?> votes) {
            return new ReportJson(assessmentId, organisationId, title, assessedOn, status, draft, dimensions, categories,
                    overall, outcomes, priorityRule, priorities, roadmap, warnings, votes, actions, summary);
        }

        ReportJson withSummary(ExecutiveSummary summary) {
            return new ReportJson(assessmentId, organisationId, title, assessedOn, status, draft, dimensions, categories,
                    overall, outcomes, priorityRule, priorities, roadmap, warnings, votes, summary.plan(),
                    SummaryJson.of(summary));
        }
    }

    /**
     * The executive summary's figures: per dimension the current level of the previous assessment
     * (null without one), the current and target now and the trend between the two currents (null
     * when either is unrated); the plan's counts by status and of overdue items.
     */
    record SummaryJson(Long previousAssessmentId, List<SummaryRowJson> dimensions, Map<String, Integer> actionCounts) {

        static SummaryJson of(ExecutiveSummary summary) {
            Progress progress = summary.progress();
            List<SummaryRowJson> rows = summary.report().dimensions().stream().map(gap -> {
                Progress.Row row = progress == null ? null : progress.dimensions().stream()
                        .filter(r -> r.dimension().code().equals(gap.code())).findFirst().orElse(null);
                return new SummaryRowJson(gap.code(), row == null ? null : row.fromCurrent(),
                        summary.report().assessment().rating(gap.code()).current(),
                        summary.report().assessment().rating(gap.code()).target(),
                        row == null || row.change() == null ? null : row.change().name());
            }).toList();
            return new SummaryJson(progress == null ? null : progress.from().id(), rows, summary.actionCounts());
        }
    }

    record SummaryRowJson(String dimension, Integer previousCurrent, Integer current, Integer target, String trend) {
    }

    /**
     * {@code benchmark}: how the dimension's current level compares with other organisations' latest
     * completed assessments (see {@link Benchmark}), null with fewer than five to compare with.
     */
    @Schema(name = "ReportDimension")
    record DimensionJson(String dimension, String name, String category, Integer current, Integer target, Integer gap,
            String currentName, String targetName, Confidence confidence, boolean contested, String agreement,
            BenchmarkJson benchmark) {

        static DimensionJson of(DimensionGap gap, Benchmarks benchmarks) {
            return new DimensionJson(gap.code(), gap.dimension().name(), gap.dimension().categoryCode(), gap.current(),
                    gap.target(), gap.gap(), gap.rated() ? gap.currentLevel().name() : null,
                    gap.rated() ? gap.targetLevel().name() : null, gap.confidence(), gap.contested(), gap.agreement(),
                    BenchmarkJson.of(benchmarks.of(gap.code())));
        }
    }

    record BenchmarkJson(double median, double targetMedian, Integer percentile, int comparedWith, Industry industry) {

        static BenchmarkJson of(Benchmark benchmark) {
            return benchmark == null ? null : new BenchmarkJson(benchmark.median(), benchmark.targetMedian(),
                    benchmark.percentile(), benchmark.comparedWith(), benchmark.industry());
        }
    }

    @Schema(name = "ReportCategory")
    record CategoryJson(String category, String name, BigDecimal current, BigDecimal target, BigDecimal gap, int rated,
            int total) {
    }

    record AveragesJson(BigDecimal current, BigDecimal target, BigDecimal gap, int rated, int total) {

        static AveragesJson of(Averages averages) {
            return new AveragesJson(averages.current(), averages.target(), averages.gap(), averages.rated(),
                    averages.total());
        }
    }

    @Schema(name = "ReportOutcome")
    record OutcomeJson(String outcome, String name, boolean focus, List<String> dimensions, BigDecimal current,
            BigDecimal target, BigDecimal gap, int rated, List<DimensionJson> dimensionGaps, List<String> scenarios) {

        static OutcomeJson of(OutcomeLens lens, Benchmarks benchmarks) {
            return new OutcomeJson(lens.outcome().code(), lens.outcome().name(), lens.focus(),
                    lens.dimensions().stream().map(DimensionGap::code).toList(), lens.readiness().current(),
                    lens.readiness().target(), lens.readiness().gap(), lens.readiness().rated(),
                    lens.dimensions().stream().map(gap -> DimensionJson.of(gap, benchmarks)).toList(),
                    lens.outcome().scenarios());
        }
    }

    record PriorityJson(int rank, String dimension, int gap, List<String> outcomes, int score, String reason) {
    }

    record RoadmapJson(String dimension, int current, int target, List<StepJson> steps) {
    }

    record StepJson(int level, String name, String descriptor) {
    }
}
