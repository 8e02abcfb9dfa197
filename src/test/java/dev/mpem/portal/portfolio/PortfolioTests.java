package dev.mpem.portal.portfolio;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The portfolio's figures on a small data set worked out by hand. Each test keeps to a month of its
 * own (a random month between 2001 and 2019), so that what other tests store never counts.
 *
 * <p>Method: quartiles and medians are {@code percentile_cont}, linear interpolation: of n levels in
 * order, the p-th quantile is at position p × (n − 1) counted from 0, between the two levels around it.
 * Current levels of EXTENT 1, 2, 2, 3, 4, 5 (n = 6): lower quartile at position 1.25 → 2 + 0.25 × (2 − 2)
 * = 2; median at 2.5 → 2 + 0.5 × (3 − 2) = 2.5; upper quartile at 3.75 → 3 + 0.75 × (4 − 3) = 3.75.
 * Targets 2, 3, 3, 4, 5, 5: 3, 3.5 and 4 + 0.75 × (5 − 4) = 4.75.
 */
@PortalTest
class PortfolioTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    UserView consultant;
    LocalDate month;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A month in which no organisation's latest completed assessment lies yet (this run's or an earlier one's). */
    @BeforeEach
    void setUp() {
        consultant = fixtures.user(Role.CONSULTANT);
        do {
            month = LocalDate.of(ThreadLocalRandom.current().nextInt(2001, 2020), ThreadLocalRandom.current().nextInt(1, 13), 1);
        } while (jdbc.queryForObject("select count(*) from portfolio_entries where assessed_on between ? and ?",
                Integer.class, month, month.plusMonths(1).minusDays(1)) > 0);
    }

    long organisation(String name, String industry) {
        return organisations.create(new OrganisationForm(Fixtures.unique(name), industry, null, null)).id();
    }

    /** An assessment of the organisation on the day of the test's month, every dimension 3 → 4 but EXTENT. */
    AssessmentView assessed(long organisation, int day, int extentCurrent, int extentTarget, boolean complete) {
        AssessmentView assessment = fixtures.assessment(organisation, month.withDayOfMonth(day).toString());
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(extentCurrent, extentTarget, null, null, "test"));
        Fixtures.DIMENSIONS.stream().filter(code -> !code.equals("EXTENT")).forEach(code ->
                assessments.saveRating(assessment.id(), code, RatingCommand.of(3, 4, null, null, "test")));
        return complete ? fixtures.complete(assessment.id()) : assessments.get(assessment.id());
    }

    String api(String query) throws Exception {
        return mvc.perform(get("/api/portfolio" + query).with(signedInAs(consultant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String window() {
        return "from=" + month + "&to=" + month.withDayOfMonth(28);
    }

    /** Six organisations in the month: four in technology, two in manufacturing; returns their ids in level order. */
    List<Long> sixOrganisations() {
        int[][] levels = { { 1, 2 }, { 2, 3 }, { 2, 3 }, { 3, 4 }, { 4, 5 }, { 5, 5 } };
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            long id = organisation("Portfolio " + i, i < 4 ? "Technology" : "MANUFACTURING");
            if (i == 0) {
                // An earlier completed assessment and a later draft in the same month do not count: only the latest completed.
                assessed(id, 3, 5, 5, true);
                assessed(id, 20, 4, 4, false);
            }
            if (i == 1) {
                // Completed before the month: outside the range, so this organisation counts by the one inside.
                AssessmentView before = fixtures.assessment(id, month.minusDays(1).toString());
                fixtures.rateAll(before.id(), 5, 5);
                fixtures.complete(before.id());
            }
            assessed(id, 10, levels[i][0], levels[i][1], true);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void theQuartilesOfSixOrganisationsAreThoseWorkedOutByHand() throws Exception {
        sixOrganisations();
        // An organisation with no completed assessment in the month does not count at all.
        assessed(organisation("Portfolio draft only", "RETAIL"), 12, 1, 1, false);

        String json = api("?" + window());

        assertThat((Integer) JsonPath.read(json, "$.organisations")).isEqualTo(6);
        assertThat((Object) JsonPath.read(json, "$.industry")).isNull();
        assertThat((List<?>) JsonPath.read(json, "$.dimensions")).hasSize(11);
        Map<String, Object> extent = JsonPath.<List<Map<String, Object>>>read(json, "$.dimensions[?(@.dimension == 'EXTENT')]").get(0);
        assertThat(extent.get("n")).isEqualTo(6);
        assertThat(extent.get("reason")).isNull();
        assertThat(figures(extent.get("current"))).containsExactly(1.0, 2.0, 2.5, 3.75, 5.0);
        assertThat(figures(extent.get("target"))).containsExactly(2.0, 3.0, 3.5, 4.75, 5.0);
        Map<String, Object> culture = JsonPath.<List<Map<String, Object>>>read(json, "$.dimensions[?(@.dimension == 'CULTURE')]").get(0);
        assertThat(figures(culture.get("current"))).containsExactly(3.0, 3.0, 3.0, 3.0, 3.0);
        assertThat(figures(culture.get("target"))).containsExactly(4.0, 4.0, 4.0, 4.0, 4.0);
        assertThat(JsonPath.<List<String>>read(json, "$.dimensions[*].dimension")).containsExactly(Fixtures.DIMENSIONS.toArray(String[]::new));
    }

    private static List<Double> figures(Object stats) {
        @SuppressWarnings("unchecked")
        Map<String, Number> map = (Map<String, Number>) stats;
        return List.of("min", "p25", "median", "p75", "max").stream().map(key -> map.get(key).doubleValue()).toList();
    }

    @Test
    void fewerThanFiveOrganisationsGiveNoFiguresButTheReason() throws Exception {
        sixOrganisations();

        String technology = api("?industry=TECHNOLOGY&" + window());
        assertThat((Integer) JsonPath.read(technology, "$.organisations")).isEqualTo(4);
        assertThat((String) JsonPath.read(technology, "$.industry")).isEqualTo("TECHNOLOGY");
        assertThat(JsonPath.<List<Object>>read(technology, "$.dimensions[*].current")).hasSize(11).containsOnlyNulls();
        assertThat(JsonPath.<List<Object>>read(technology, "$.dimensions[*].target")).hasSize(11).containsOnlyNulls();
        assertThat(JsonPath.<List<String>>read(technology, "$.dimensions[*].reason")).hasSize(11)
                .containsOnly("TOO_FEW_ORGANISATIONS");
        assertThat(JsonPath.<List<Integer>>read(technology, "$.dimensions[*].n")).containsOnly(4);

        // The industry may be sent as its English name, in any case.
        String manufacturing = api("?industry=manufacturing&" + window());
        assertThat((Integer) JsonPath.read(manufacturing, "$.organisations")).isEqualTo(2);
        assertThat((String) JsonPath.read(manufacturing, "$.industry")).isEqualTo("MANUFACTURING");

        // A range in which nobody was assessed: nothing to show, for the same reason.
        String nobody = api("?from=" + month.withDayOfMonth(11) + "&to=" + month.withDayOfMonth(19));
        assertThat((Integer) JsonPath.read(nobody, "$.organisations")).isZero();
        assertThat(JsonPath.<List<String>>read(nobody, "$.dimensions[*].reason")).containsOnly("TOO_FEW_ORGANISATIONS");
    }

    @Test
    void exactlyFiveOrganisationsAreEnoughAndTheFiguresFollowEachCompletion() throws Exception {
        for (int i = 0; i < 4; i++) {
            assessed(organisation("Five " + i, "Retail"), 5, 1 + i, 5, true);
        }
        String four = api("?" + window());
        assertThat((Integer) JsonPath.read(four, "$.organisations")).isEqualTo(4);
        assertThat(JsonPath.<List<String>>read(four, "$.dimensions[*].reason")).containsOnly("TOO_FEW_ORGANISATIONS");

        assessed(organisation("Five " + 4, "Retail"), 5, 5, 5, true);
        String json = api("?" + window());
        assertThat((Integer) JsonPath.read(json, "$.organisations")).isEqualTo(5);
        Map<String, Object> extent = JsonPath.<List<Map<String, Object>>>read(json, "$.dimensions[?(@.dimension == 'EXTENT')]").get(0);
        assertThat(figures(extent.get("current"))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }

    @Test
    void badFiltersAreAnsweredWithEveryProblemAtOnce() throws Exception {
        String body = mvc.perform(get("/api/portfolio?industry=Mining&from=2026-02-30&to=yesterday").with(signedInAs(consultant)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).containsExactlyInAnyOrder("industry", "from", "to");

        String reversed = mvc.perform(get("/api/portfolio?from=2026-03-01&to=2026-02-01").with(signedInAs(consultant)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(reversed, "$.errors[*].field")).containsExactly("to");

        Document page = Html.of(mvc.perform(get("/portfolio?industry=Mining&from=31/12/2025").with(signedInAs(consultant)))
                .andExpect(status().isBadRequest()));
        assertThat(page.select(".error-summary li").eachText()).containsExactly(
                "There is no industry “Mining”. Choose one from the list.",
                "“31/12/2025” is not a date. Use the form YYYY-MM-DD, for example 2026-03-31.");
        assertThat(page.selectFirst("#from").val()).isEqualTo("31/12/2025");
        assertThat(page.select(".heat-table")).isEmpty();
    }

    @Test
    void executivesMayNotSeeThePortfolio() throws Exception {
        UserView executive = fixtures.user(Role.EXECUTIVE, fixtures.organisation().id());
        for (String path : new String[] { "/api/portfolio", "/portfolio", "/portfolio.csv" }) {
            mvc.perform(get(path).with(signedInAs(executive))).andExpect(status().isForbidden());
        }
        UserView admin = fixtures.user(Role.ADMIN);
        mvc.perform(get("/api/portfolio").with(signedInAs(admin))).andExpect(status().isOk());
        mvc.perform(get("/portfolio").with(signedInAs(admin))).andExpect(status().isOk());
    }

    @Test
    void thePageShowsTheSpreadTheHeatMapSortedAsAskedAndTheCsv() throws Exception {
        List<Long> ids = sixOrganisations();

        Document page = Html.of(mvc.perform(get("/portfolio?" + window() + "&sort=EXTENT&dir=desc").with(signedInAs(consultant)))
                .andExpect(status().isOk()));
        assertThat(page.selectFirst(".portfolio-count").text()).isEqualTo("6 organisations have a completed assessment here.");
        Element extent = page.selectFirst("#spread-EXTENT");
        assertThat(extent.select("td.figures").eachText()).containsExactly("1 · 2 · 2.5 · 3.75 · 5", "2 · 3 · 3.5 · 4.75 · 5");
        assertThat(extent.select("svg.spread-chart")).hasSize(1);
        assertThat(extent.selectFirst("svg.spread-chart").attr("aria-label"))
                .isEqualTo("Extent: median current level 2.5, median target level 3.5");

        // Highest EXTENT first: the sixth organisation (5) down to the first (1), each linking to its page.
        List<Element> rows = page.select(".portfolio-table tbody tr");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).selectFirst("th a").attr("href")).isEqualTo("/organisations/" + ids.get(5));
        assertThat(rows.get(5).selectFirst("th a").attr("href")).isEqualTo("/organisations/" + ids.get(0));
        assertThat(rows.get(0).select("td.level-cell").first().text()).isEqualTo("5");
        assertThat(rows.get(0).selectFirst(".dimension-tag").text()).isEqualTo("Manufacturing");
        assertThat(page.selectFirst("th[aria-sort=descending]").text()).contains("Extent");

        String csvUrl = page.selectFirst("a[href^=/portfolio.csv]").attr("href");
        assertThat(csvUrl).contains("sort=EXTENT").contains("dir=desc").contains("from=" + month);
        var csv = mvc.perform(get(csvUrl).with(signedInAs(consultant))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        List<String> lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("organisation_id,organisation,industry,industry_other,assessment_id,assessment_title,assessed_on,EXTENT_current,");
        assertThat(lines.get(1)).startsWith(ids.get(5) + ",").contains(",MANUFACTURING,,").contains("," + month.withDayOfMonth(10) + ",5,3,");
        assertThat(lines.get(6)).startsWith(ids.get(0) + ",").contains(",TECHNOLOGY,,");
        // Assessed years ago, all six are overdue; the list says which filter applies to it.
        assertThat(page.selectFirst(".portfolio-overdue").text())
                .contains("The industry chosen above applies; the date range does not (overdue is about today).");
        assertThat(page.select(".overdue-table tbody tr")).isNotEmpty().hasSizeLessThanOrEqualTo(PortfolioService.OVERDUE_SHOWN);
    }
}
