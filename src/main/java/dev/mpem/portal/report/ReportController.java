package dev.mpem.portal.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.mpem.portal.model.ModelService;

/** The gap report of an assessment as a page, a PDF to forward and a CSV to analyse. */
@Controller
class ReportController {

    private final ReportService reports;
    private final PdfRenderer pdf;
    private final ITemplateEngine templates;
    private final ModelService modelService;

    ReportController(ReportService reports, PdfRenderer pdf, ITemplateEngine templates, ModelService modelService) {
        this.reports = reports;
        this.pdf = pdf;
        this.templates = templates;
        this.modelService = modelService;
    }

    @GetMapping("/assessments/{id}/report")
    String page(@PathVariable long id, Model model) {
        GapReport report = reports.report(id);
        model.addAttribute("report", report);
        model.addAttribute("radar", Charts.radar(report, "radar"));
        model.addAttribute("bars", Charts.categoryBars(report, "bars"));
        return "report/report";
    }

    @GetMapping("/assessments/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        GapReport report = reports.report(id);
        Context context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("mpem", modelService.model());
        context.setVariable("radar", Charts.radar(report, "radar", 470));
        context.setVariable("bars", Charts.categoryBars(report, "bars", 470));
        byte[] document = pdf.render(templates.process("report/report-pdf", context));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
                .body(document);
    }

    @GetMapping("/assessments/{id}/report.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        GapReport report = reports.report(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
                .body(reports.csv(report));
    }

    static String attachment(GapReport report, String extension) {
        String name = "MPEM gap report - " + report.assessment().organisationName() + " - "
                + report.assessment().assessedOn() + "." + extension;
        return ContentDisposition.attachment().filename(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"),
                StandardCharsets.UTF_8).build().toString();
    }
}
