package dev.mpem.portal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ModelPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelService modelService;

    @Test
    void modelPageShowsEveryDimensionWithItsCategoryAndDescription() throws Exception {
        Document page = Html.of(mvc.perform(get("/model")).andExpect(status().isOk()));
        Mpem mpem = modelService.model();

        for (Category category : mpem.categories()) {
            Element section = page.getElementById("category-" + category.code());
            assertThat(section).as(category.code()).isNotNull();
            assertThat(section.selectFirst("h3").text()).isEqualTo(category.name());
            for (Dimension dimension : category.dimensions()) {
                Element term = page.getElementById("dimension-" + dimension.code());
                assertThat(term.text()).isEqualTo(dimension.name());
                assertThat(section.select("dt").eachText()).contains(dimension.name());
                assertThat(term.nextElementSibling().wholeText()).isEqualTo(dimension.description());
            }
        }
    }

    @Test
    void descriptorMatrixHasElevenRowsOfFiveDescriptorsInLevelOrder() throws Exception {
        Document page = Html.of(mvc.perform(get("/model")));
        Element matrix = page.selectFirst("table.matrix");

        assertThat(matrix.select("thead th").eachText())
                .containsExactly("Dimension", "1 Basic", "2 Foundational", "3 Intermediate", "4 Mature", "5 Leader");
        assertThat(matrix.select("tr.category-row").eachText())
                .containsExactly("Functional effectiveness", "Organizational effectiveness", "People effectiveness");
        var rows = matrix.select("tbody tr:not(.category-row)");
        assertThat(rows).hasSize(11);
        for (Element row : rows) {
            Dimension dimension = modelService.model().dimensions().stream()
                    .filter(d -> d.name().equals(row.selectFirst("th").text())).findFirst().orElseThrow();
            assertThat(row.select("td").eachText()).containsExactlyElementsOf(dimension.descriptors());
        }
        assertThat(matrix.text()).contains("replacing generic terms such as \"dear user\" with specifics such as"
                + " \"Dear Ms Username\"");
    }

    @Test
    void levelNarrativesAreShownParagraphByParagraph() throws Exception {
        Document page = Html.of(mvc.perform(get("/model")));

        Element level5 = page.getElementById("level-5");
        assertThat(level5.selectFirst("h3").text()).isEqualTo("5 Leader");
        assertThat(level5.select("p")).hasSize(3);
        assertThat(level5.select("p").first().text()).startsWith(
                "Artificial Intelligence (AI) driven contextual and individualized engagements characterize Level 5");
        assertThat(page.getElementById("level-2").text()).contains("led by a handful of star employees.");
    }

    @Test
    void businessOutcomeTableShowsEveryRowAndSaysPlainlyWhatThePaperLeavesOut() throws Exception {
        Document page = Html.of(mvc.perform(get("/model")));

        Element widenReach = page.getElementById("outcome-WIDEN_REACH");
        assertThat(widenReach.selectFirst("th").text()).isEqualTo("Widen reach");
        assertThat(widenReach.select("ol.scenarios li").eachText())
                .containsExactly("Search engines", "Targeted ads", "Channel investments");
        assertThat(widenReach.select("ul.outcome-dimensions a").eachText())
                .containsExactly("Channel reach", "Extent", "Scope", "Strategy");

        Element convertFaster = page.getElementById("outcome-CONVERT_FASTER");
        assertThat(convertFaster.select("ul.outcome-dimensions li").eachText())
                .contains("Channel reach (the paper says “Reach”)");
        assertThat(convertFaster.selectFirst("ul.outcome-dimensions a").attr("href")).isEqualTo("#dimension-SCOPE");

        Element unnamed = page.getElementById("outcome-UNNAMED_ROW_7");
        assertThat(unnamed.selectFirst("th").text()).startsWith("Not named in the paper")
                .contains("leaves the business outcome of this row blank");
        assertThat(unnamed.select("ol.scenarios li")).hasSize(4);
        assertThat(page.select("table.outcomes tbody tr")).hasSize(7);
    }

    @Test
    void modelPageCreditsTheAuthorsAndLicenceAndHasAPrintStylesheet() throws Exception {
        Document page = Html.of(mvc.perform(get("/model")));

        assertThat(page.selectFirst("footer").text()).contains("Bismi Ravindran", "Apoorv Durga", "LTIMindtree",
                "Creative Commons Attribution-ShareAlike");
        assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/css/portal.css");
        String css = mvc.perform(get("/css/portal.css")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(css).contains("@media print");
    }
}
