package dev.mpem.portal.system;

import static dev.mpem.portal.support.Requests.postForm;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.support.PortalTest;

/**
 * Control characters (NUL and the like, which PostgreSQL and XML refuse) and unpaired surrogate halves
 * are not text: a JSON body holding one is refused on its field and nothing is stored; a form cleans
 * them out of what a person typed or pasted. On H2 and PostgreSQL alike, neither ends in a failure.
 */
@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class TextOnlyInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    @Test
    void textRecognisesWhatIsNotText() {
        assertThat(Text.firstNonText("Plain, with\ttab and\r\nline breaks, accents é and 😀")).isEqualTo(-1);
        assertThat(Text.firstNonText(null)).isEqualTo(-1);
        assertThat(Text.firstNonText("a\u0000b")).isEqualTo(0);
        assertThat(Text.firstNonText("bell\u0007")).isEqualTo(7);
        assertThat(Text.firstNonText("half \uD83D pair")).isEqualTo(0xD83D);
        assertThat(Text.firstNonText("\uDE00 low half first")).isEqualTo(0xDE00);
        assertThat(Text.codePoint(0)).isEqualTo("U+0000");
        assertThat(Text.clean("ad\u0000min \uD83D\uDE00 \uD83D")).isEqualTo("admin \uD83D\uDE00 ");
        assertThat(Text.clean("line\u000Bbreak\u000Cpage")).isEqualTo("line\nbreak\npage");
        assertThat(Text.clean("as typed")).isEqualTo("as typed");
    }

    @Test
    void apiRefusesANulInANameAndCreatesNothing() throws Exception {
        String name = Fixtures.unique("Nul Ltd");

        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\\u0000\",\"industry\":\"Retail\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.message", containsString("U+0000")));

        assertThat(organisations.all()).noneMatch(organisation -> organisation.name().startsWith(name));
    }

    @Test
    void anOverLongValueIsNotEchoedInFull() throws Exception {
        String name = "n".repeat(100_000);

        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.errors[0].rejectedValue", is("n".repeat(200) + "\u2026 (100000 characters)")));
    }

    @Test
    void apiRefusesControlCharactersAndHalfPairsInNotesAndOutcomesAndKeepsTheRating() throws Exception {
        AssessmentView assessment = fixtures.rate(fixtures.assessment().id(), "EXTENT", 2, 3);
        String rating = "/api/assessments/" + assessment.id() + "/ratings/EXTENT";

        mvc.perform(put(rating).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":3,\"target\":4,\"notes\":\"pasted\\u0001text\",\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("notes")))
                .andExpect(jsonPath("$.errors[0].message", containsString("U+0001")));
        mvc.perform(put(rating).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":3,\"target\":4,\"notes\":\"half \\ud83d pair\",\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("notes")))
                .andExpect(jsonPath("$.message", containsString("U+D83D")));
        mvc.perform(post("/api/organisations/" + assessment.organisationId() + "/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Next\",\"focusOutcomes\":[\"SELL_MORE\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("focusOutcomes")));

        AssessmentView stored = assessments.get(assessment.id());
        assertThat(stored.rating("EXTENT").current()).isEqualTo(2);
        assertThat(stored.rating("EXTENT").version()).isEqualTo(1);
    }

    @Test
    void formsKeepTheTextAndLeaveOutInvisibleControlCharacters() throws Exception {
        String name = Fixtures.unique("Bell Ltd");

        mvc.perform(postForm("/organisations").param("name", name + "\u0007")
                        .param("industry", "Tele\u0000coms").param("notes", "Pasted from Word:\u000Bsecond line"))
                .andExpect(status().is3xxRedirection());

        assertThat(organisations.all()).filteredOn(organisation -> organisation.name().startsWith(name))
                .singleElement().satisfies(organisation -> {
                    assertThat(organisation.name()).isEqualTo(name);
                    assertThat(organisation.industry()).isEqualTo(dev.mpem.portal.organisation.Industry.OTHER);
                    assertThat(organisation.industryOther()).isEqualTo("Telecoms");
                    assertThat(organisation.notes()).isEqualTo("Pasted from Word:\nsecond line");
                });
    }

    @Test
    void walkStepSavesNotesWithoutTheNul() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(postForm("/assessments/" + assessment.id() + "/steps/SCOPE")
                        .param("action", "next").param("current", "2").param("target", "4")
                        .param("notes", "copied from a PDF\u0000 with a NUL"))
                .andExpect(status().is3xxRedirection());

        assertThat(assessments.get(assessment.id()).rating("SCOPE").notes()).isEqualTo("copied from a PDF with a NUL");
    }

    @Test
    void searchWithANulSearchesForTheText() throws Exception {
        String name = fixtures.organisation().name();

        String page = mvc.perform(get("/organisations").param("q", name + "\u0000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(Html.of(page))).contains(name);
    }

    @Test
    void signInLeavesAControlCharacterOutOfTheNameLikeEveryForm() throws Exception {
        String username = fixtures.user(Role.CONSULTANT).username();
        String typed = username.substring(0, 3) + "\u0000" + username.substring(3);

        mvc.perform(postForm("/login").param("username", typed).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(postForm("/login").param("username", typed).param("password", "not-the-password-at-all"))
                .andExpect(redirectedUrl("/login?error&username=" + username));
        mvc.perform(get("/api/organisations").with(httpBasic(typed, Fixtures.PASSWORD))).andExpect(status().isOk());
    }
}
