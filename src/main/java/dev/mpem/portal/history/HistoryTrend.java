package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final MessageSource messages;

    HistoryTrend(AssessmentService assessments, ReportService reports, ModelService modelService,
            MessageSource messages) {
        this.messages = messages;
        this.assessments = assessments;
        this.reports = reports;
        this.modelService = modelService;
    }

    /** Category and overall averages (current) over the completed assessments; one dimension on demand. */
    public TrendChart chart(long organisationId, String dimensionCode) {
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
        series.add(new TrendChart.Series(words("chart.overall"), completed.stream().map(r -> r.overall().current()).toList(), false));
        mpem.findDimension(dimensionCode).ifPresent(dimension -> {
            series.add(new TrendChart.Series(words("chart.trend.current", dimension.name()),
                    completed.stream().map(r -> level(r.dimension(dimension.code()).current())).toList(), false));
            series.add(new TrendChart.Series(words("chart.trend.target", dimension.name()),
                    completed.stream().map(r -> level(r.dimension(dimension.code()).target())).toList(), true));
        });
        return completed.isEmpty() ? null : TrendChart.of(labels, series, words("chart.notRated"));
    }

    private String words(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    private static BigDecimal level(Integer level) {
        return level == null ? null : BigDecimal.valueOf(level);
    }

}
