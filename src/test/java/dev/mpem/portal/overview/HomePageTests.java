package dev.mpem.portal.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void homePageSaysWhatThePortalDoesAndLeadsToTheModel() throws Exception {
        Document page = Html.of(mvc.perform(get("/")).andExpect(status().isOk()));

        assertThat(page.selectFirst("h1").text()).isEqualTo("How effective is your personalization?");
        assertThat(Html.text(page)).contains("MPEM rates 11 dimensions in 3 categories on 5 levels, and maps 7"
                + " business outcomes");
        assertThat(page.select("a[href=/model]")).isNotEmpty();
        assertThat(page.select(".level-strip li").eachText())
                .containsExactly("1 Basic", "2 Foundational", "3 Intermediate", "4 Mature", "5 Leader");
    }
}
