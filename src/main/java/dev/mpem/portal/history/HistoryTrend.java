package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.report.GapReport;
import dev.mpem.portal.report.ReportService;

/** The trend of an organisation's completed assessments, as the history page charts it. */
@Component
public class HistoryTrend {

    private final AssessmentService assessments;
    private final ReportService reports;
    private final ModelService modelService;

    HistoryTrend(AssessmentService assessments, ReportService reports, ModelService modelService) {
        this.assessments = assessments;
        this.reports = reports;
        this.modelService = modelService;
    }

    /** Category and overall averages (current) over the completed assessments; one dimension on demand. */
    public String chart(long organisationId, String dimensionCode) {
        Mpem mpem = modelService.model();
        List<GapReport> completed = assessments.historyOf(organisationId).stream().filter(AssessmentView::completed)
                .map(reports::of).toList();
        List<String> labels = completed.stream().map(r -> r.assessment().assessedOn().toString()).toList();
        List<TrendChart.Series> series = new ArrayList<>();
        for (int c = 0; c < mpem.categories().size(); c++) {
            int category = c;
            series.add(new TrendChart.Series(mpem.categories().get(c).shortName(),
                    completed.stream().map(r -> r.categories().get(category).averages().current()).toList(), false));
        }
        series.add(new TrendChart.Series("Overall", completed.stream().map(r -> r.overall().current()).toList(), false));
        mpem.findDimension(dimensionCode).ifPresent(dimension -> {
            series.add(new TrendChart.Series(dimension.name() + " (current)",
                    completed.stream().map(r -> level(r.dimension(dimension.code()).current())).toList(), false));
            series.add(new TrendChart.Series(dimension.name() + " (target)",
                    completed.stream().map(r -> level(r.dimension(dimension.code()).target())).toList(), true));
        });
        return completed.isEmpty() ? null : TrendChart.draw(labels, series, "trend");
    }

    private static BigDecimal level(Integer level) {
        return level == null ? null : BigDecimal.valueOf(level);
    }

}
