package dev.mpem.portal.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.workshop.WorkshopService;

/** Puts a gap report on a page or into a PDF, for signed-in users and share links alike. */
@Component
public class ReportRenderer {

    public static final String PAGE = "report/report";

    private final PdfRenderer pdf;
    private final ITemplateEngine templates;
    private final ModelService modelService;
    private final ReportService reports;
    private final WorkshopService workshops;

    ReportRenderer(PdfRenderer pdf, ITemplateEngine templates, ModelService modelService, ReportService reports,
            WorkshopService workshops) {
        this.pdf = pdf;
        this.templates = templates;
        this.modelService = modelService;
        this.reports = reports;
        this.workshops = workshops;
    }

    /** Fills the model of the report page; {@code pdfUrl} and {@code csvUrl} (may be null) are its downloads. */
    public String page(Model model, GapReport report, String pdfUrl, String csvUrl) {
        model.addAttribute("report", report);
        model.addAttribute("radar", Charts.radar(report, "radar"));
        model.addAttribute("bars", Charts.categoryBars(report, "bars"));
        model.addAttribute("pdfUrl", pdfUrl);
        model.addAttribute("csvUrl", csvUrl);
        model.addAttribute("progress", reports.progressTo(report.assessment()).orElse(null));
        model.addAttribute("votes", workshops.revealedVotes(report.assessment().id()));
        return PAGE;
    }

    public ResponseEntity<byte[]> pdf(GapReport report, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("mpem", modelService.model());
        context.setVariable("radar", Charts.radar(report, "radar", 470));
        context.setVariable("bars", Charts.categoryBars(report, "bars", 470));
        context.setVariable("progress", reports.progressTo(report.assessment()).orElse(null));
        context.setVariable("votes", workshops.revealedVotes(report.assessment().id()));
        byte[] document = pdf.render(templates.process("report/report-pdf", context));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "pdf"))
                .body(document);
    }

    static String attachment(GapReport report, String extension) {
        String name = "MPEM gap report - " + report.assessment().organisationName() + " - "
                + report.assessment().assessedOn() + "." + extension;
        return ContentDisposition.attachment().filename(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"),
                StandardCharsets.UTF_8).build().toString();
    }
}
