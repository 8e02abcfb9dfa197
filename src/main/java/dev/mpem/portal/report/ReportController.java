package dev.mpem.portal.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;

/** The gap report of an assessment as a page, a PDF to forward and a CSV to analyse; its executive summary as a page and a PDF. */
@Controller
class ReportController {

    private final ReportService reports;
    private final ReportRenderer renderer;

    ReportController(ReportService reports, ReportRenderer renderer) {
        this.reports = reports;
        this.renderer = renderer;
    }

    @GetMapping("/assessments/{id}/report")
    View page(@PathVariable long id, Model model) throws Exception {
        return renderer.page(model, id, "/assessments/" + id + "/report.pdf", "/assessments/" + id + "/report.csv");
    }

    @GetMapping("/assessments/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        return renderer.pdf(id, locale);
    }

    @GetMapping("/assessments/{id}/report.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        GapReport report = reports.report(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ReportRenderer.attachment(report, "csv"))
                .body(reports.csv(report, reports.planOf(id)));
    }

    @GetMapping("/assessments/{id}/summary")
    View summary(@PathVariable long id, Model model) throws Exception {
        return renderer.summaryPage(model, id, "/assessments/" + id + "/summary.pdf", "/assessments/" + id + "/report");
    }

    @GetMapping("/assessments/{id}/summary.pdf")
    ResponseEntity<byte[]> summaryPdf(@PathVariable long id, Locale locale) {
        return renderer.summaryPdf(id, locale);
    }
}
