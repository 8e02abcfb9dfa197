package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/**
 * The report page, its PDF, CSV and JSON on one hand-worked assessment (example A of
 * {@link GapReportCalculatorTests}): all four show the same figures.
 */
@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ReportExportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    AssessmentView exampleA(String organisationName) {
        long organisation = organisations.create(new OrganisationForm(organisationName, "Retail", null, null)).id();
        AssessmentView assessment = assessments.create(organisation,
                new AssessmentForm("Baseline", "2026-05-14", "Pat", null, List.of("SELL_MORE", "WIDEN_REACH")));
        fixtures.rate(assessment.id(), "EXTENT", 2, 4, "CHANNEL_REACH", 1, 3, "ACCURACY_AND_LEARNABILITY", 2, 3,
                "SCOPE", 2, 2, "STRATEGY", 1, 3, "TECHNOLOGY", 4, 4, "MEASUREMENT", 1, 2, "SECURITY_AND_PRIVACY", 3, 3,
                "FINANCIAL_EFFECTIVENESS", 2, 3, "EXPERTISE", 2, 3, "CULTURE", 1, 2);
        return fixtures.complete(assessment.id());
    }

    @Test
    void jsonReportHasTheHandWorkedFigures() throws Exception {
        AssessmentView assessment = exampleA(Fixtures.unique("Json"));

        mvc.perform(get("/api/assessments/" + assessment.id() + "/report"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentId", is((int) assessment.id())))
                .andExpect(jsonPath("$.status", is("COMPLETED")))
                .andExpect(jsonPath("$.dimensions", hasSize(11)))
                .andExpect(jsonPath("$.dimensions[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.dimensions[0].category", is("FUNCTIONAL")))
                .andExpect(jsonPath("$.dimensions[0].current", is(2)))
                .andExpect(jsonPath("$.dimensions[0].target", is(4)))
                .andExpect(jsonPath("$.dimensions[0].gap", is(2)))
                .andExpect(jsonPath("$.categories[*].category", contains("FUNCTIONAL", "ORGANIZATIONAL", "PEOPLE")))
                .andExpect(jsonPath("$.categories[0].current", is(1.8)))
                .andExpect(jsonPath("$.categories[0].target", is(3.0)))
                .andExpect(jsonPath("$.categories[0].gap", is(1.2)))
                .andExpect(jsonPath("$.overall.current", is(1.9)))
                .andExpect(jsonPath("$.overall.target", is(2.9)))
                .andExpect(jsonPath("$.overall.gap", is(1.0)))
                .andExpect(jsonPath("$.outcomes[0].outcome", is("WIDEN_REACH")))
                .andExpect(jsonPath("$.outcomes[0].focus", is(true)))
                .andExpect(jsonPath("$.outcomes[0].dimensions", contains("CHANNEL_REACH", "EXTENT", "SCOPE", "STRATEGY")))
                .andExpect(jsonPath("$.outcomes[0].current", is(1.5)))
                .andExpect(jsonPath("$.outcomes[0].target", is(3.0)))
                .andExpect(jsonPath("$.outcomes[0].gap", is(1.5)))
                .andExpect(jsonPath("$.outcomes[2].focus", is(false)))
                .andExpect(jsonPath("$.priorities[*].dimension", contains("EXTENT", "CHANNEL_REACH", "STRATEGY",
                        "ACCURACY_AND_LEARNABILITY", "MEASUREMENT", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE")))
                .andExpect(jsonPath("$.priorities[0].gap", is(2)))
                .andExpect(jsonPath("$.priorities[0].score", is(6)))
                .andExpect(jsonPath("$.priorities[0].outcomes", contains("WIDEN_REACH", "SELL_MORE")))
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].type", is("IMBALANCE")))
                .andExpect(jsonPath("$.warnings[0].leading", contains("TECHNOLOGY")))
                .andExpect(jsonPath("$.roadmap[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.roadmap[0].steps[*].level", contains(3, 4)));
        mvc.perform(get("/api/assessments/987654/report")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", is("NOT_FOUND")));
    }

    @Test
    void reportPageShowsTheSameFiguresChartsRuleAndRoadmap() throws Exception {
        AssessmentView assessment = exampleA(Fixtures.unique("Page"));

        String html = mvc.perform(get("/assessments/" + assessment.id() + "/report")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Html.of(html);

        // The body, rendered once and spliced into the page, comes without a document of its own.
        assertThat(html.split("<body", -1)).hasSize(2);
        assertThat(html).doesNotContain("report-body");
        assertThat(page.select(".report-content > section.headline")).hasSize(1);
        assertThat(row(page, "gap-EXTENT")).containsExactly("Extent", "2", "4", "2", "2 Foundational → 4 Mature");
        assertThat(page.select(".average-row").first().select("th, td").eachText())
                .startsWith("Functional average", "1.8", "3.0", "1.2");
        assertThat(page.selectFirst(".overall-row").select("th, td").eachText())
                .containsExactly("Overall", "1.9", "2.9", "1.0", "11 of 11 rated");
        assertThat(page.select(".key-value").eachText()).containsExactly("1.9", "2.9", "1.0", "8 / 11");
        assertThat(page.select(".draft-banner")).isEmpty();
        assertThat(page.select("svg[role=img]")).hasSize(2);
        assertThat(page.select("svg title").eachText()).containsExactly("Current and target level of each dimension",
                "Average current and target level per category");
        assertThat(page.selectFirst("svg desc").text()).contains("Extent: current 2, target 4");
        assertThat(page.selectFirst(".rule").text()).startsWith("Every dimension with a gap gets a score");
        assertThat(page.selectFirst("#priority-EXTENT").text()).contains("Score 2 × (1 + 2) = 6.");
        assertThat(page.select("#roadmap-EXTENT li").eachText()).hasSize(2)
                .satisfiesExactly(first -> assertThat(first).startsWith("3 Intermediate Rules-based personalization"),
                        second -> assertThat(second).startsWith("4 Mature Personas & dynamic segmentation"));
        // The seven outcome tables are one heat map now: focus outcomes first, gaps of key dimensions only.
        assertThat(page.select("#heat-WIDEN_REACH th").first().text()).isEqualTo("Widen reach In focus");
        assertThat(page.select(".heat-table tbody tr")).hasSize(7);
        assertThat(page.select(".outcome h3").first().text()).startsWith("Widen reach");
        assertThat(page.select(".warning h3").eachText()).containsExactly("Imbalance between dimensions");
        assertThat(page.select("a[href$=report.pdf]")).hasSize(1);
    }

    @Test
    void csvHasOneProperlyQuotedRowPerDimension() throws Exception {
        String name = Fixtures.unique("Csv, \"quoted\" Ltd");
        AssessmentView assessment = exampleA(name);
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";

        var response = mvc.perform(get("/assessments/" + assessment.id() + "/report.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
        List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).isEqualTo("code,name,category,current,target,gap,organisation,assessment_title,"
                + "assessed_on,status,confidence,notes,actions_planned,actions_in_progress,actions_done,actions_dropped,"
                + "actions_overdue,actions");
        assertThat(lines.get(1)).isEqualTo("EXTENT,Extent,FUNCTIONAL,2,4,2," + quoted + ",Baseline,2026-05-14,COMPLETED,,"
                + ",0,0,0,0,0,");
        assertThat(lines.get(3)).isEqualTo("ACCURACY_AND_LEARNABILITY,Accuracy and learnability,FUNCTIONAL,2,3,1,"
                + quoted + ",Baseline,2026-05-14,COMPLETED,,,0,0,0,0,0,");
        assertThat(lines.get(11)).isEqualTo("CULTURE,Culture,PEOPLE,1,2,1," + quoted + ",Baseline,2026-05-14,COMPLETED,,"
                + ",0,0,0,0,0,");
    }

    @Test
    void csvCarriesWhatAReaderOfTheFileAloneNeeds() throws Exception {
        String name = Fixtures.unique("Csv context");
        long organisation = organisations.create(new OrganisationForm(name, "Retail", null, null)).id();
        AssessmentView assessment = assessments.create(organisation,
                new AssessmentForm("Spring review", "2026-05-14", "Pat", null, List.of()));
        assessments.saveRating(assessment.id(), "EXTENT",
                RatingCommand.of(2, 4, "Mostly e-mail greetings,\n\"personal\" in name only", null, "pat"));

        String csv = mvc.perform(get("/assessments/" + assessment.id() + "/report.csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("code,name,category,current,target,gap,organisation,assessment_title,assessed_on,"
                + "status,confidence,notes,actions_planned,actions_in_progress,actions_done,actions_dropped,"
                + "actions_overdue,actions\r\n");
        assertThat(csv).contains("EXTENT,Extent,FUNCTIONAL,2,4,2," + name + ",Spring review,2026-05-14,DRAFT,,"
                + "\"Mostly e-mail greetings,\n\"\"personal\"\" in name only\",0,0,0,0,0,\r\n");
    }

    @Autowired
    ReportRenderer renderer;

    @Test
    void whateverLanguageIsAskedForThePdfIsRenderedAndKeptOnce() throws Exception {
        AssessmentView assessment = exampleA(Fixtures.unique("Pdf languages"));
        long before = renderer.cachedPdfs();

        for (String language : new String[] { "en-GB", "de-DE", "xx-QQ", "zz", "en-US;q=0.1, fr;q=0.9" }) {
            mvc.perform(get("/assessments/" + assessment.id() + "/report.pdf").header("Accept-Language", language))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
        }

        assertThat(renderer.cachedPdfs() - before).isEqualTo(1);
        assertThat(ReportRenderer.supported(java.util.Locale.forLanguageTag("de-DE"))).isEqualTo(java.util.Locale.ENGLISH);
    }

    @Test
    void pdfIsARealPdfWithTheEssentialsFirst() throws Exception {
        AssessmentView assessment = exampleA(Fixtures.unique("Pdf Łódź Zürich"));

        var response = mvc.perform(get("/assessments/" + assessment.id() + "/report.pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains(".pdf");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(2);
            String essentials = stripper.getText(pdf);
            assertThat(essentials).contains(assessment.organisationName(), "Gap report", "1.9", "2.9",
                    "Work on first: Extent, Channel reach, Strategy", "Imbalance between dimensions",
                    "2 Foundational → 4 Mature", "Functional average 1.8 3.0 1.2", "Overall 1.9 2.9 1.0");
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains("Priorities", "Score 2 × (1 + 2) = 6.", "Roadmap", "Personas & dynamic segmentation",
                    "Widen reach", "Creative Commons Attribution-ShareAlike");
        }
    }

    @Test
    void aFullyRatedDraftIsMarkedAsNotCompletedNotAsIncomplete() throws Exception {
        AssessmentView draft = fixtures.assessment();
        fixtures.rateAll(draft.id(), 2, 3);

        Document page = Html.of(mvc.perform(get("/assessments/" + draft.id() + "/report")).andExpect(status().isOk()));

        assertThat(page.selectFirst(".draft-banner").text()).startsWith("Draft — not completed yet")
                .contains("every dimension is rated").doesNotContain("left out", "incomplete");
    }

    @Test
    void aDraftReportIsMarkedAndLeavesUnratedDimensionsOut() throws Exception {
        AssessmentView draft = fixtures.assessment();
        fixtures.rate(draft.id(), "EXTENT", 1, 2, "CULTURE", 4, 5);

        Document page = Html.of(mvc.perform(get("/assessments/" + draft.id() + "/report")).andExpect(status().isOk()));

        assertThat(page.selectFirst(".draft-banner").text()).startsWith("Draft — incomplete")
                .contains("2 of 11 dimensions are rated");
        assertThat(row(page, "gap-SCOPE")).containsExactly("Scope", "—", "—", "—", "not rated");
        assertThat(page.selectFirst(".overall-row").select("td").eachText()).containsExactly("2.5", "3.5", "1.0",
                "2 of 11 rated");
        mvc.perform(get("/api/assessments/" + draft.id() + "/report"))
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.draft", is(true)))
                .andExpect(jsonPath("$.dimensions[3].current", org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.categories[1].current", org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.overall.rated", is(2)));
        String csv = mvc.perform(get("/assessments/" + draft.id() + "/report.csv")).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv).containsPattern("\r\nSCOPE,Scope,FUNCTIONAL,,,,[^\r\n]*,DRAFT,,,0,0,0,0,0,\r\n");
    }

    @Test
    void aReportSeenBeforeShowsEveryLaterChangeOnThePageAndInThePdf() throws Exception {
        AssessmentView draft = fixtures.assessment();
        fixtures.rate(draft.id(), "EXTENT", 1, 2);
        String url = "/assessments/" + draft.id() + "/report";
        assertThat(row(Html.of(mvc.perform(get(url))), "gap-EXTENT")).containsExactly("Extent", "1", "2", "1",
                "1 Basic → 2 Foundational");
        assertThat(pdfText(url + ".pdf")).contains(draft.organisationName(), "1 Basic → 2 Foundational");

        Long version = assessments.get(draft.id()).rating("EXTENT").version();
        assessments.saveRating(draft.id(), "EXTENT", dev.mpem.portal.assessment.RatingCommand.of(3, 5, null, version,
                "test"));
        String renamed = Fixtures.unique("Renamed");
        organisations.update(draft.organisationId(), new OrganisationForm(renamed, "Retail", null, null),
                organisations.get(draft.organisationId()).version());

        Document page = Html.of(mvc.perform(get(url)));
        assertThat(row(page, "gap-EXTENT")).containsExactly("Extent", "3", "5", "2", "3 Intermediate → 5 Leader");
        assertThat(page.selectFirst("h1").text()).contains(renamed);
        assertThat(pdfText(url + ".pdf")).contains(renamed, "3 Intermediate → 5 Leader")
                .doesNotContain("1 Basic → 2 Foundational");
    }

    private String pdfText(String url) throws Exception {
        byte[] bytes = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void reportIsReachableFromTheOrganisationPageAndTheDashboard() throws Exception {
        AssessmentView assessment = exampleA(Fixtures.unique("Reachable"));
        String href = "/assessments/" + assessment.id() + "/report";

        Document organisation = Html.of(mvc.perform(get("/organisations/" + assessment.organisationId())));
        assertThat(organisation.select("a[href=" + href + "]").eachText()).containsExactly("Gap report");
        Document dashboard = Html.of(mvc.perform(get("/").param("q", assessment.organisationName())));
        assertThat(dashboard.select("a[href=" + href + "]").eachText()).containsExactly("Gap report");
        Document overview = Html.of(mvc.perform(get("/assessments/" + assessment.id())));
        assertThat(overview.select("a[href=" + href + "]")).hasSize(1);
        mvc.perform(get("/assessments/987654/report")).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/987654/report.pdf")).andExpect(status().isNotFound());
    }

    private static List<String> row(Document page, String id) {
        Element row = page.getElementById(id);
        return row.select("th, td").eachText();
    }
}
