package dev.mpem.portal.portfolio;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/**
 * Benchmarks in reports: over the other organisations of the same industry from five on, else over
 * every other organisation from five on, else none; and whoever reads a report (an executive, a
 * share link) learns aggregates only. The tests own the EDUCATION industry: no other test uses it,
 * and organisations left in it by an earlier run on the same database are moved out first.
 *
 * <p>Worked by hand: five peers' current EXTENT levels 1, 2, 2, 4, 5 → median 2 (the third of five);
 * their targets 2, 3, 3, 5, 5 → median 3. Our level 3 with theirs: 1, 2, 2, 3, 4, 5; percent_rank =
 * (rank − 1) / (rows − 1) = (4 − 1) / (6 − 1) = 0.6 → 60.
 */
@PortalTest
class BenchmarkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void education() {
        for (Long id : jdbc.queryForList("select id from organisations where industry = 'EDUCATION'", Long.class)) {
            var organisation = organisations.get(id);
            organisations.update(id, new OrganisationForm(organisation.name(), "Other", "Education (an earlier test)",
                    null, null, null), null);
        }
    }

    record Org(long id, String name, AssessmentView assessment) {
    }

    Org organisation(String name, int extentCurrent, int extentTarget, boolean complete) {
        String unique = Fixtures.unique(name);
        long id = organisations.create(new OrganisationForm(unique, "Education", null, null)).id();
        AssessmentView assessment = fixtures.assessment(id, "2026-05-14");
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(extentCurrent, extentTarget, null, null, "test"));
        Fixtures.DIMENSIONS.stream().filter(code -> !code.equals("EXTENT")).forEach(code ->
                assessments.saveRating(assessment.id(), code, RatingCommand.of(3, 4, null, null, "test")));
        return new Org(id, unique, complete ? fixtures.complete(assessment.id()) : assessments.get(assessment.id()));
    }

    Map<String, Object> benchmark(String json, String dimension) {
        return JsonPath.<List<Map<String, Object>>>read(json, "$.dimensions[?(@.dimension == '" + dimension + "')].benchmark").get(0);
    }

    String reportJson(UserView reader, long assessmentId) throws Exception {
        return mvc.perform(get("/api/assessments/" + assessmentId + "/report").with(signedInAs(reader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void fromFivePeersOfTheIndustryTheReportComparesWithThemAndBelowThatWithEveryIndustry() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Org subject = organisation("Benchmarked school", 3, 4, true);
        List<Org> peers = new ArrayList<>();
        int[][] levels = { { 1, 2 }, { 2, 3 }, { 2, 3 }, { 4, 5 } };
        for (int[] level : levels) {
            peers.add(organisation("Peer school", level[0], level[1], true));
        }

        // Four peers in the industry: not enough; compared with every other organisation, if there are five.
        Integer others = jdbc.queryForObject("select count(distinct organisation_id) from assessments"
                + " where status = 'COMPLETED' and organisation_id <> ?", Integer.class, subject.id());
        Map<String, Object> four = benchmark(reportJson(consultant, subject.assessment().id()), "EXTENT");
        if (others >= Benchmarks.MIN_ORGANISATIONS) {
            assertThat(four).containsEntry("industry", null).containsEntry("comparedWith", others);
        }
        else {
            assertThat(four).isNull();
        }

        peers.add(organisation("Peer school", 5, 5, true));
        String json = reportJson(consultant, subject.assessment().id());
        assertThat(benchmark(json, "EXTENT")).containsEntry("median", 2.0).containsEntry("targetMedian", 3.0)
                .containsEntry("percentile", 60).containsEntry("comparedWith", 5).containsEntry("industry", "EDUCATION");
        // Every peer is at 3 elsewhere: nobody below us, so the percentile is 0.
        assertThat(benchmark(json, "CULTURE")).containsEntry("median", 3.0).containsEntry("targetMedian", 4.0)
                .containsEntry("percentile", 0).containsEntry("comparedWith", 5);

        // A draft is never a peer but is benchmarked: its level 2 among 1, 2, 2, 3, 4, 5 and itself → 1 of 6 below → 17 (16.7 rounded).
        Org draft = organisation("Draft school", 2, 4, false);
        String draftJson = reportJson(consultant, draft.assessment().id());
        assertThat(benchmark(draftJson, "EXTENT")).containsEntry("median", 2.5).containsEntry("percentile", 17)
                .containsEntry("comparedWith", 6).containsEntry("industry", "EDUCATION");
        assertThat(benchmark(reportJson(consultant, subject.assessment().id()), "EXTENT")).containsEntry("comparedWith", 5);

        // Reopened, the subject leaves the portfolio: the draft now compares with the five peers.
        mvc.perform(post("/api/assessments/" + subject.assessment().id() + "/reopen").with(signedInAs(consultant))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"A second look\"}")).andExpect(status().isOk());
        assertThat(benchmark(reportJson(consultant, draft.assessment().id()), "EXTENT")).containsEntry("median", 2.0)
                .containsEntry("percentile", 20).containsEntry("comparedWith", 5);
    }

    @Test
    void executivesAndShareLinksSeeAggregatesOfFiveOrMoreAndNothingAboutAnyOtherOrganisation() throws Exception {
        Org subject = organisation("Private school", 3, 4, true);
        List<Org> peers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            peers.add(organisation("Secret peer " + i, i, 5, true));
        }
        UserView executive = fixtures.user(Role.EXECUTIVE, subject.id());
        UserView consultant = fixtures.user(Role.CONSULTANT);
        long id = subject.assessment().id();
        String shareUrl = JsonPath.read(mvc.perform(post("/api/assessments/" + id + "/shares").with(signedInAs(consultant))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresInDays\":7}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.url");
        String share = shareUrl.substring(shareUrl.indexOf("/share/"));

        List<String> seen = new ArrayList<>();
        for (String page : new String[] { "/assessments/" + id + "/report", "/assessments/" + id + "/summary" }) {
            seen.add(page(mvc.perform(get(page).with(signedInAs(executive))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
        }
        for (String page : new String[] { share, share + "/summary" }) {
            seen.add(page(mvc.perform(get(page)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
        }
        String json = reportJson(executive, id);
        seen.add(json);
        for (String pdf : new String[] { "/assessments/" + id + "/report.pdf", "/assessments/" + id + "/summary.pdf" }) {
            byte[] bytes = mvc.perform(get(pdf).with(signedInAs(executive))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text).contains("How you compare");
                seen.add(text);
            }
        }
        for (String text : seen) {
            for (Org peer : peers) {
                assertThat(text).doesNotContain(peer.name()).doesNotContain("/organisations/" + peer.id())
                        .doesNotContain("/assessments/" + peer.assessment().id());
            }
            assertThat(text).doesNotContain("Secret peer");
        }
        // The same aggregates for the executive as for the share link, and as the consultant's.
        assertThat(benchmark(json, "EXTENT")).containsEntry("median", 3.0).containsEntry("percentile", 40)
                .containsEntry("comparedWith", 5).containsEntry("industry", "EDUCATION");
        assertThat(benchmark(reportJson(consultant, id), "EXTENT")).isEqualTo(benchmark(json, "EXTENT"));

        // An executive of the subject and four of the five peers would see the fifth through the
        // industry's figures: the industry is not compared for them (every industry's, or none).
        UserView group = fixtures.user(Role.EXECUTIVE, subject.id(), peers.get(0).id(), peers.get(1).id(),
                peers.get(2).id(), peers.get(3).id());
        Map<String, Object> forGroup = benchmark(reportJson(group, id), "EXTENT");
        assertThat(forGroup == null ? null : forGroup.get("industry")).as(String.valueOf(forGroup)).isNull();
        assertThat(benchmark(reportJson(consultant, id), "EXTENT")).containsEntry("industry", "EDUCATION");

        // The executive cannot reach the portfolio, nor the peers' reports.
        mvc.perform(get("/api/portfolio").with(signedInAs(executive))).andExpect(status().isForbidden());
        mvc.perform(get("/api/assessments/" + peers.get(0).assessment().id() + "/report").with(signedInAs(executive)))
                .andExpect(status().isNotFound());
    }

    /** The benchmark section of a page, checked as a reader sees it; returns the page's HTML. */
    private static String page(String html) {
        Document page = Html.of(html);
        Element section = page.selectFirst("section.benchmarks");
        assertThat(section).isNotNull();
        assertThat(section.selectFirst("h2").text()).isEqualTo("How you compare");
        Element extent = section.selectFirst("#benchmark-EXTENT");
        assertThat(extent.select("td").eachText()).startsWith("3", "3", "5", "40");
        assertThat(section.text()).contains("other organisations in Education").contains("No organisation is named");
        for (Element compared : section.select("td[data-label=Compared with]")) {
            assertThat(Integer.parseInt(compared.text().split(" ")[0])).isGreaterThanOrEqualTo(Benchmarks.MIN_ORGANISATIONS);
        }
        return html;
    }
}
