package dev.mpem.portal.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dev.mpem.portal.action.ActionService;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.ReportFingerprint;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.portfolio.Benchmarks;
import dev.mpem.portal.portfolio.PortfolioService;

/**
 * Puts a gap report on a page or into a PDF, for signed-in users and share links alike.
 *
 * <p>A report is the same for every reader until its data changes, and executives open and
 * download the same reports again and again. So the body of the page and the PDF are rendered once
 * per {@linkplain #key key} of the data (and language) and kept in bounded caches; a request then
 * costs the few queries of the key (one of which checks that the reader may see the report) and
 * the one of its benchmarks, which follow the whole portfolio and so are rendered per request
 * between the cached body and appendix (and are part of the PDFs' keys). What differs per reader (header, sign-out form, share controls) is never
 * cached: the page around the body is rendered per request and the body, kept encoded, is spliced
 * into it ({@link SplicedPage}).
 */
@Component
public class ReportRenderer {

    public static final String PAGE = "report/report";

    /** Where the page template puts the report body; a comment nothing else in a page can contain. */
    private static final String BODY_MARK = "<!--report-body-" + UUID.randomUUID() + "-->";
    private static final String APPENDIX_MARK = "<!--report-appendix-" + UUID.randomUUID() + "-->";

    private final PdfRenderer pdf;
    private final ITemplateEngine templates;
    private final ModelService modelService;
    private final ReportService reports;
    private final List<ReportInputs> inputs;
    private final ObjectProvider<RevealedVotes> votes;
    private final AssessmentService assessments;
    private final ThymeleafViewResolver views;
    private final MessageSource messages;
    private final ActionService actions;
    private final PortfolioService portfolio;

    /** Rendered pages: up to 48 MB, or a tenth of the heap when that is less. */
    private final Cache<String, RenderedReport> pages = Caffeine.newBuilder()
            .maximumWeight(shareOfHeap(48, 10)).weigher((String key, RenderedReport page) -> page.length())
            .expireAfterAccess(Duration.ofHours(2)).build();
    /** Rendered PDFs: up to 96 MB, or a fifth of the heap when that is less. */
    private final Cache<String, RenderedPdf> documents = Caffeine.newBuilder()
            .maximumWeight(shareOfHeap(96, 5)).weigher((String key, RenderedPdf document) -> document.bytes().length)
            .expireAfterAccess(Duration.ofHours(2)).build();

    private static long shareOfHeap(long megabytes, int divisor) {
        return Math.min(megabytes * 1024 * 1024, Runtime.getRuntime().maxMemory() / divisor);
    }

    /** A report's data and its rendered body and appendix, encoded in UTF-8. */
    record RenderedReport(GapReport report, byte[] body, byte[] appendix) {

        int length() {
            return body.length + appendix.length;
        }
    }

    /** A report's PDF and the name it is downloaded under. */
    record RenderedPdf(byte[] bytes, String attachment) {
    }

    ReportRenderer(PdfRenderer pdf, ITemplateEngine templates, ModelService modelService, ReportService reports,
            ObjectProvider<ReportInputs> inputs, ObjectProvider<RevealedVotes> votes, AssessmentService assessments,
            ThymeleafViewResolver views, MessageSource messages, ActionService actions, PortfolioService portfolio) {
        this.portfolio = portfolio;
        this.messages = messages;
        this.actions = actions;
        this.pdf = pdf;
        this.templates = templates;
        this.modelService = modelService;
        this.reports = reports;
        this.inputs = inputs.orderedStream().toList();
        this.votes = votes;
        this.assessments = assessments;
        this.views = views;
    }

    /** The report page, its model filled; {@code pdfUrl} and {@code csvUrl} (may be null) are its downloads. */
    public View page(Model model, long assessmentId, String pdfUrl, String csvUrl) throws Exception {
        Locale locale = supported(LocaleContextHolder.getLocale());
        RenderedReport rendered = pages.get(key(assessmentId) + "|" + locale, key -> render(assessmentId, locale));
        model.addAttribute("report", rendered.report());
        model.addAttribute("reportBody", BODY_MARK);
        model.addAttribute("reportAppendix", APPENDIX_MARK);
        model.addAttribute("benchmarks", portfolio.benchmarks(assessmentId));
        model.addAttribute("pdfUrl", pdfUrl);
        model.addAttribute("csvUrl", csvUrl);
        return new SplicedPage(views.resolveViewName(PAGE, LocaleContextHolder.getLocale()),
                List.of(new SplicedPage.Part(BODY_MARK, rendered.body()), new SplicedPage.Part(APPENDIX_MARK, rendered.appendix())));
    }

    /**
     * The cache key of an assessment's report: its fingerprint (which also checks that the reader
     * may see it) and the part of each module that adds to reports, read from the database now.
     */
    private String key(long assessmentId) {
        ReportFingerprint fingerprint = assessments.fingerprint(assessmentId);
        StringBuilder key = new StringBuilder().append(assessmentId).append('|').append(fingerprint.value())
                .append('|').append(actions.version(assessmentId));
        inputs.forEach(input -> key.append('|').append(input.version(assessmentId)));
        return key.toString();
    }

    /** The revealed workshop votes the report shows, by dimension (none without a workshop module). */
    public Map<String, Tally> votes(long assessmentId) {
        RevealedVotes source = votes.getIfAvailable();
        return source == null ? Map.of() : source.of(assessmentId);
    }

    private RenderedReport render(long assessmentId, Locale locale) {
        GapReport report = reports.report(assessmentId);
        Context context = context(report, locale, 640);
        String body = templates.process("report/report-content", Set.of("report-body"), context);
        String appendix = templates.process("report/report-content", Set.of("report-appendix"), context);
        return new RenderedReport(report, body.getBytes(StandardCharsets.UTF_8), appendix.getBytes(StandardCharsets.UTF_8));
    }

    /** The languages the report is written in; anything else a browser asks for gets the first. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH);

    /**
     * The supported language closest to what was asked for. Whatever a request's Accept-Language says,
     * the cache holds one PDF per supported language, so nobody can fill it with fresh renders.
     */
    static Locale supported(Locale requested) {
        return requested == null ? SUPPORTED.get(0) : SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst().orElse(SUPPORTED.get(0));
    }

    /** How many PDFs are kept (for tests of what the cache keys on). */
    long cachedPdfs() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

    public ResponseEntity<byte[]> pdf(long assessmentId, Locale requested) {
        Locale locale = supported(requested);
        String key = key(assessmentId);
        Benchmarks benchmarks = portfolio.benchmarks(assessmentId);
        RenderedPdf document = documents.get(key + "|" + locale + "|" + benchmarks.fingerprint(), k -> {
            GapReport report = reports.report(assessmentId);
            Context context = context(report, locale, 470);
            context.setVariable("pdf", true);
            context.setVariable("benchmarks", benchmarks);
            return new RenderedPdf(pdf.render(tightness -> {
                context.setVariable("tightness", tightness);
                return templates.process("report/report-pdf", context);
            }, 0, true), attachment(report, "pdf"));
        });
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, document.attachment())
                .body(document.bytes());
    }

    /**
     * The executive summary page: not cached as a body (it is small, and its plan changes by the day);
     * {@code pdfUrl} is its download, {@code reportUrl} the full report.
     */
    public View summaryPage(Model model, long assessmentId, String pdfUrl, String reportUrl) throws Exception {
        ExecutiveSummary summary = reports.summary(assessmentId);
        model.addAttribute("report", summary.report());
        model.addAttribute("summary", summary);
        model.addAttribute("benchmarks", portfolio.benchmarks(assessmentId));
        model.addAttribute("pdfUrl", pdfUrl);
        model.addAttribute("reportUrl", reportUrl);
        return views.resolveViewName("report/summary", LocaleContextHolder.getLocale());
    }

    /** The executive summary as a PDF of at most two A4 pages, cached like the report's. */
    public ResponseEntity<byte[]> summaryPdf(long assessmentId, Locale requested) {
        Locale locale = supported(requested);
        String key = key(assessmentId);
        Benchmarks benchmarks = portfolio.benchmarks(assessmentId);
        RenderedPdf document = documents.get(key + "|summary|" + locale + "|" + benchmarks.fingerprint(), k -> {
            GapReport report = reports.report(assessmentId);
            Context context = new Context(locale);
            context.setVariables(Map.of("report", report, "mpem", modelService.model(),
                    "summary", reports.summary(report), "pdf", true, "benchmarks", benchmarks, "benchmarkRows", true));
            String name = "MPEM executive summary - " + report.assessment().organisationName() + " - "
                    + report.assessment().assessedOn() + ".pdf";
            return new RenderedPdf(pdf.render(tightness -> {
                context.setVariable("tightness", tightness);
                return templates.process("report/summary-pdf", context);
            }, ExecutiveSummary.MAX_PAGES, true), dev.mpem.portal.shared.Downloads.attachment(name));
        });
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, document.attachment())
                .body(document.bytes());
    }

    private Context context(GapReport report, Locale locale, int chartWidth) {
        Context context = new Context(locale);
        ExecutiveSummary summary = reports.summary(report);
        context.setVariables(Map.of("report", report, "mpem", modelService.model(),
                "radar", Charts.radar(report, "radar", chartWidth, messages.getMessage("chart.radar.notRated", null, locale)),
                "bars", Charts.categoryBars(report, "bars", chartWidth),
                "votes", votes(report.assessment().id()), "summary", summary));
        if (summary.progress() != null) {
            context.setVariable("progress", summary.progress());
            context.setVariable("previousPlan", summary.previousPlan());
        }
        return context;
    }

    static String attachment(GapReport report, String extension) {
        String name = "MPEM gap report - " + report.assessment().organisationName() + " - "
                + report.assessment().assessedOn() + "." + extension;
        return dev.mpem.portal.shared.Downloads.attachment(name);
    }
}
