package dev.mpem.portal.security;

import static dev.mpem.portal.support.Requests.postForm;
import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.support.PortalTest;

/**
 * Names that look like others: composed and decomposed accents are one name, disguising characters
 * are refused, and no line break (a lone CR included) gets into a one-line field or a calendar file.
 */
@PortalTest
class HostileNamesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    String create(UserView user, String name) throws Exception {
        return mvc.perform(post("/api/organisations").with(signedInAs(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}").characterEncoding(StandardCharsets.UTF_8))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aNameTypedComposedOrDecomposedIsOneName() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String base = Fixtures.unique("Caf");
        OrganisationView composed = organisations.create(new OrganisationForm(base + "\u00e9 Lyon", null, null, null));
        assertThat(composed.name()).isEqualTo(base + "\u00e9 Lyon");

        mvc.perform(post("/api/organisations").with(signedInAs(consultant)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + base.toUpperCase() + "E\u0301  LYON\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.message", containsString("already exists")));
        // Stored composed, whatever was typed.
        OrganisationView decomposedTyped = organisations.create(new OrganisationForm(base + "e\u0301 Paris", null, null,
                null));
        assertThat(decomposedTyped.name()).isEqualTo(base + "\u00e9 Paris");
    }

    @Test
    void disguisingCharactersInNamesAreRefusedWithAMessage() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);

        mvc.perform(post("/api/organisations").with(signedInAs(consultant)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Acme\u202Eroc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.message", containsString("U+202E")));
        Document page = Html.of(mvc.perform(postForm("/organisations").with(signedInAs(consultant))
                .param("name", "Zero\u200Bwidth Ltd").param("industry", "Retail")).andExpect(status().isBadRequest()));
        assertThat(page.selectFirst(".error-summary").text()).contains("U+200B", "invisible character");
        assertThat(page.selectFirst("#industry option[selected]").val()).isEqualTo("RETAIL");
        assertThat(Text.firstDisguise("Plain name, with \u00e9 and \u4e2d\u6587")).isEqualTo(-1);
    }

    @Test
    void aLoneCarriageReturnNeverReachesACalendarFile() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String name = Fixtures.unique("Line");
        create(consultant, name + "\\rBEGIN:VEVENT\\u2028X-INJECTED:yes");
        OrganisationView organisation = organisations.all().stream().filter(o -> o.name().startsWith(name))
                .findFirst().orElseThrow();
        assertThat(organisation.name()).isEqualTo(name + " BEGIN:VEVENT X-INJECTED:yes");
        var assessment = fixtures.assessment(organisation.id(), "2026-05-14");
        fixtures.rateAll(assessment.id(), 2, 3);
        fixtures.complete(assessment.id());

        String ics = mvc.perform(get("/organisations/" + organisation.id() + "/next-assessment.ics")
                .with(signedInAs(consultant))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith("BEGIN:VEVENT")).hasSize(1);
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028");
        assertThat(ics).doesNotContainPattern("(?m)^X-INJECTED");
    }
}
