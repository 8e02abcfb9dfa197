package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.action.ActionForm;
import dev.mpem.portal.action.ActionService;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** The executive summary on a page and in at most two A4 pages; the full report's PDF laid out for reading. */
@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ExecutiveSummaryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ActionService actions;

    /** A baseline and a re-assessment with a gap on all 11 dimensions, a 30-item plan and a long commentary. */
    AssessmentView heavy() {
        AssessmentView baseline = fixtures.assessment("SELL_MORE", "WIDEN_REACH");
        fixtures.rateAll(baseline.id(), 1, 3);
        fixtures.complete(baseline.id());
        AssessmentView next = assessments.reassess(baseline.id(),
                new AssessmentForm("Six months on", "2026-11-14", "Pat", null, List.of("SELL_MORE", "WIDEN_REACH")));
        int i = 0;
        for (String code : Fixtures.DIMENSIONS) {
            int current = 1 + (i++ % 2);
            assessments.saveRating(next.id(), code, RatingCommand.of(current, current + 2 + (i % 2), null, 1L, "pat"));
        }
        fixtures.complete(next.id());
        String[] statuses = { "PLANNED", "IN_PROGRESS", "DONE", "DROPPED" };
        for (int n = 0; n < 30; n++) {
            actions.create(next.id(), new ActionForm(Fixtures.DIMENSIONS.get(n % 11),
                    "Action " + (n + 1) + ": a full-length title for the work to be done on this dimension",
                    "A description that runs to a couple of lines. ".repeat(4), "Owner " + n, null,
                    java.time.LocalDate.now().plusDays(n * 7L - 100).toString(), statuses[n % 4], 3, null));
        }
        assessments.saveCommentary(next.id(), ("The organisation moved up on most dimensions. ".repeat(14) + "\n\n").repeat(3));
        return assessments.get(next.id());
    }

    @Test
    void theSummaryPdfHasAtMostTwoPagesForElevenGapsAndThirtyActions() throws Exception {
        AssessmentView next = heavy();

        var response = mvc.perform(get("/assessments/" + next.id() + "/summary.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("MPEM executive summary");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Executive summary", next.organisationName(), "Commentary",
                    "The organisation moved up", "Progress since the previous assessment",
                    "Top gaps for the business outcomes in focus", "Business outcomes × dimensions", "Action plan",
                    "Due next", "Overdue");
            // 8 open items are past their date (open: every first and second of four; past: the first 15).
            assertThat(text).contains("Overdue (8)", "and 3 more in the action plan");
        }
    }

    @Test
    void theLongestCommentaryStillLeavesTheSummaryPdfAtTwoPages() throws Exception {
        // Enough other organisations for benchmarks, which the summary PDF shows under its heat map.
        for (int i = 0; i < 5; i++) {
            AssessmentView other = fixtures.assessment();
            fixtures.rateAll(other.id(), 1 + i % 5, 5);
            fixtures.complete(other.id());
        }
        AssessmentView next = heavy();
        String paragraph = "The organisation moved up on most dimensions, and the board asked what comes next. ".repeat(9);
        String longest = (paragraph.strip() + "\n\n").repeat(6);
        assessments.saveCommentary(next.id(), longest.substring(0, 4000));

        byte[] bytes = mvc.perform(get("/assessments/" + next.id() + "/summary.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(2);
            assertThat(new PDFTextStripper().getText(pdf)).contains("The organisation moved up on most dimensions",
                    "Business outcomes × dimensions", "Action plan", "How you compare with other organisations in Retail",
                    "Their median level", "Percentile");
        }
    }

    @Test
    void theSummaryPageHasTheFiguresAnExecutiveReadsFirst() throws Exception {
        AssessmentView next = heavy();
        Document page = Html.of(mvc.perform(get("/assessments/" + next.id() + "/summary")).andExpect(status().isOk()));

        assertThat(page.select("h2").eachText()).containsExactly("Commentary", "At a glance",
                "Progress since the previous assessment", "Top gaps for the business outcomes in focus",
                "How you compare", "Business outcomes × dimensions", "Action plan");
        assertThat(page.select(".plan-status h3").eachText()).containsExactly("Overdue (8)", "Due next");
        assertThat(page.select(".commentary-text").text()).startsWith("The organisation moved up");
        // Per dimension: current then → now with an arrow (Extent 1 → 1, Channel reach 1 ↑ 2).
        assertThat(page.select("#summary-progress-EXTENT td").first().text()).isEqualTo("1 → 1 same");
        assertThat(page.select("#summary-progress-CHANNEL_REACH td").first().text()).isEqualTo("1 ↑ 2 up");
        assertThat(page.select(".top-gap-list li")).hasSize(5);
        assertThat(page.select(".heat-table tbody tr")).hasSize(7);
        assertThat(page.select(".heat-table tbody tr").first().select("td.heat")).hasSize(11);
        assertThat(page.select(".plan-status .plan-counts li").eachText()).containsExactly("8 Planned", "8 In progress",
                "7 Done", "7 Dropped", "8 Overdue");
        assertThat(page.select(".due-table").first().select("tbody tr")).hasSize(5);
        assertThat(page.select("a[href$=/summary.pdf]")).hasSize(1);
        assertThat(page.select("a[href$=/report]").eachText()).contains("Full gap report");
    }

    @Test
    void theFullReportPdfKeepsHeadingsWithTheirTextAndTheTilesOnOneRow() throws Exception {
        AssessmentView next = heavy();
        byte[] bytes = mvc.perform(get("/assessments/" + next.id() + "/report.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Document web = Html.of(mvc.perform(get("/assessments/" + next.id() + "/report")));
        Set<String> headings = Set.copyOf(web.select(".report-content h2, .report-content h3").eachText());

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<List<String>> pages = pages(pdf);
            assertThat(pages.get(0)).anySatisfy(line -> assertThat(line).contains("Current level (average)",
                    "Target level (average)", "Gap (average)", "Dimensions with a gap"));
            // No heading at the foot of a page: neither alone nor with just a line of what it introduces.
            for (int p = 0; p < pages.size() - 1; p++) {
                List<String> lines = pages.get(p);
                List<String> foot = lines.subList(Math.max(0, lines.size() - 3), lines.size());
                assertThat(foot).as("foot of page %d", p + 1).noneMatch(headings::contains);
            }
            assertThat(pages.get(pages.size() - 1)).as("the last page is not nearly empty").hasSizeGreaterThan(8);
            // The scoring arithmetic is an appendix at the end, after the heat map.
            assertThat(String.join("\n", pages.get(pages.size() - 1))).contains("Creative Commons Attribution-ShareAlike");
            assertThat(pageOf(pages, "Appendix: how the priorities are scored"))
                    .isGreaterThanOrEqualTo(pageOf(pages, "Business outcomes × dimensions"))
                    .isGreaterThan(pageOf(pages, "Current versus target"));
        }
    }

    static int pageOf(List<List<String>> pages, String line) {
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains(line)) {
                return p;
            }
        }
        throw new AssertionError("No page has the line " + line);
    }

    /** The text lines of each page, in reading order, without the page's running footer. */
    static List<List<String>> pages(PDDocument pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            pages.add(Arrays.stream(stripper.getText(pdf).split("\\R")).map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .filter(line -> !line.matches("MPEM gap report.*Page \\d+ of \\d+") && !line.equals("MPEM gap report")
                            && !line.matches("Page \\d+ of \\d+"))
                    .toList());
        }
        return pages;
    }
}
