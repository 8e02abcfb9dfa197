package dev.mpem.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static dev.mpem.portal.support.Requests.postForm;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class OrganisationPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Test
    void consultantCreatesAnOrganisationAndSeesItsPage() throws Exception {
        String name = Fixtures.unique("Northwind Traders");
        String location = mvc.perform(postForm("/organisations").param("name", name).param("industry", "OTHER").param("industryOther", "Wholesale")
                        .param("contact", "Ana Trujillo, CMO").param("notes", "Two brands\r\nOne loyalty scheme"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/*"))
                .andExpect(flash().attributeExists("flash"))
                .andReturn().getResponse().getRedirectedUrl();

        Document page = Html.of(mvc.perform(get(location)).andExpect(status().isOk()));
        assertThat(page.selectFirst("h1").text()).isEqualTo(name);
        assertThat(page.select(".facts dd").eachText()).contains("Wholesale", "Ana Trujillo, CMO");
        assertThat(page.selectFirst(".facts dd.keep-lines").wholeText()).isEqualTo("Two brands\nOne loyalty scheme");
        assertThat(page.text()).contains("No assessments yet");
        assertThat(page.select("a").eachText()).contains("Start an assessment", "Edit details");
    }

    @Test
    void whoeverCreatesAnOrganisationLooksAfterItUntilOthersAreChosenOnItsPage() throws Exception {
        var creator = fixtures.user(dev.mpem.portal.account.Role.CONSULTANT);
        var colleague = fixtures.user(dev.mpem.portal.account.Role.ADMIN);
        var executive = fixtures.user(dev.mpem.portal.account.Role.EXECUTIVE);
        String location = mvc.perform(postForm("/organisations").param("name", Fixtures.unique("Tailspin"))
                        .with(dev.mpem.portal.support.Requests.signedInAs(creator)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document page = Html.of(mvc.perform(get(location).with(dev.mpem.portal.support.Requests.signedInAs(creator)))
                .andExpect(status().isOk()));
        assertThat(page.select("#consultants input[checked]").eachAttr("value"))
                .containsExactly(String.valueOf(creator.id()));
        // Executives are not offered; consultants and admins are.
        assertThat(page.select("#consultants input").eachAttr("value")).contains(String.valueOf(colleague.id()))
                .doesNotContain(String.valueOf(executive.id()));

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Object saved = mvc.perform(postForm("/organisations/" + id + "/consultants")
                        .param("consultant", String.valueOf(colleague.id()))
                        .with(dev.mpem.portal.support.Requests.signedInAs(creator)))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash");
        assertThat(((dev.mpem.portal.shared.Flash) saved).message()).contains("consultants of", "are saved");
        page = Html.of(mvc.perform(get(location).with(dev.mpem.portal.support.Requests.signedInAs(creator)))
                .andExpect(status().isOk()));
        assertThat(page.select("#consultants input[checked]").eachAttr("value"))
                .containsExactly(String.valueOf(colleague.id()));
        // An executive is refused as a consultant (the page never offers one; a stale page might), and nothing changes.
        Object refused = mvc.perform(postForm("/organisations/" + id + "/consultants")
                        .param("consultant", String.valueOf(executive.id()))
                        .with(dev.mpem.portal.support.Requests.signedInAs(creator)))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash");
        assertThat(((dev.mpem.portal.shared.Flash) refused).message()).isEqualTo("Choose consultants or admins of the portal.");
        assertThat(fixtures.consultantsOf(id)).containsExactly(colleague.id());
    }

    @Test
    void theContactEmailIsKeptApartFromTheContactAndCheckedForItsShape() throws Exception {
        String name = Fixtures.unique("Contoso Retail");
        Document refused = Html.of(mvc.perform(postForm("/organisations").param("name", name)
                        .param("contact", "Jo Bloggs, Head of CX").param("contactEmail", "jo at contoso"))
                .andExpect(status().isBadRequest()));
        assertThat(refused.selectFirst("#contactEmail-error").text()).isEqualTo("Enter an e-mail address such as"
                + " name@example.com.");
        assertThat(refused.selectFirst("#contactEmail").val()).isEqualTo("jo at contoso");
        assertThat(refused.selectFirst("#contact").val()).isEqualTo("Jo Bloggs, Head of CX");
        assertThat(organisations.all()).noneMatch(o -> o.name().equals(name));

        String location = mvc.perform(postForm("/organisations").param("name", name)
                        .param("contact", "Jo Bloggs, Head of CX").param("contactEmail", " jo.bloggs@contoso.example "))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document page = Html.of(mvc.perform(get(location)).andExpect(status().isOk()));
        assertThat(page.select(".facts dd").eachText()).contains("Jo Bloggs, Head of CX", "jo.bloggs@contoso.example");
        OrganisationView stored = organisations.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        assertThat(stored.contactEmail()).isEqualTo("jo.bloggs@contoso.example");
        Document edit = Html.of(mvc.perform(get("/organisations/" + stored.id() + "/edit")).andExpect(status().isOk()));
        assertThat(edit.selectFirst("#contactEmail").val()).isEqualTo("jo.bloggs@contoso.example");
    }

    @Test
    void missingNameIsRefusedWithAMessageAndTheTypedValuesKept() throws Exception {
        Document page = Html.of(mvc.perform(postForm("/organisations").param("name", "   ")
                        .param("industry", "OTHER").param("industryOther", "Telecoms").param("notes", "keep me"))
                .andExpect(status().isBadRequest()));

        assertThat(page.selectFirst(".error-summary").text()).contains("Enter the organisation's name.");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Enter the organisation's name.");
        assertThat(page.selectFirst("#industry option[selected]").val()).isEqualTo("OTHER");
        assertThat(page.selectFirst("#industryOther").val()).isEqualTo("Telecoms");
        assertThat(page.selectFirst("#notes").val()).isEqualTo("keep me");
    }

    @Test
    void duplicateNameIsRefusedWhateverItsCase() throws Exception {
        OrganisationView existing = fixtures.organisation();

        Document page = Html.of(mvc.perform(postForm("/organisations")
                .param("name", "  " + existing.name().toUpperCase() + " ").param("industry", "FINANCIAL_SERVICES"))
                .andExpect(status().isBadRequest()));

        assertThat(page.selectFirst("#name-error").text()).contains("already exists");
        assertThat(page.selectFirst("#industry option[selected]").val()).isEqualTo("FINANCIAL_SERVICES");
        assertThat(organisations.all()).extracting(OrganisationView::name)
                .filteredOn(n -> n.equalsIgnoreCase(existing.name())).hasSize(1);
    }

    @Test
    void overLongFieldsAreRefusedAndNothingIsSaved() throws Exception {
        String name = Fixtures.unique("Long notes");
        Document page = Html.of(mvc.perform(postForm("/organisations").param("name", name)
                .param("notes", "n".repeat(4001))));

        assertThat(page.selectFirst("#notes-error").text()).isEqualTo("Notes can be at most 4,000 characters.");
        assertThat(page.selectFirst("#notes").val()).hasSize(4001);
        assertThat(organisations.all()).extracting(OrganisationView::name).doesNotContain(name);
    }

    @Test
    void hostileTextIsShownAsText() throws Exception {
        String name = Fixtures.unique("<script>alert('x')</script>");
        String location = mvc.perform(postForm("/organisations").param("name", name).param("notes", "<b>bold</b>"))
                .andReturn().getResponse().getRedirectedUrl();

        String html = mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold</b>").contains("&lt;script&gt;");
        assertThat(Html.of(html).selectFirst("h1").text()).isEqualTo(name);
    }

    @Test
    void editingFromAStaleFormShowsWhatIsStoredAndKeepsTheEdit() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        organisations.update(organisation.id(), new OrganisationForm(organisation.name(), "Changed elsewhere", null, null),
                organisation.version());

        Document page = Html.of(mvc.perform(postForm("/organisations/" + organisation.id())
                .param("name", organisation.name()).param("industry", "OTHER").param("industryOther", "My edit")
                .param("version", String.valueOf(organisation.version())))
                .andExpect(status().isConflict()));

        assertThat(page.selectFirst(".flash.warning").text()).contains("Someone else changed this organisation")
                .contains("Changed elsewhere");
        assertThat(page.selectFirst("#industryOther").val()).isEqualTo("My edit");
        assertThat(organisations.get(organisation.id()).industryLabel()).isEqualTo("Changed elsewhere");

        mvc.perform(postForm("/organisations/" + organisation.id()).param("name", organisation.name())
                        .param("industry", "OTHER").param("industryOther", "My edit")
                        .param("version", page.selectFirst("input[name=version]").val()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.get(organisation.id()).industryLabel()).isEqualTo("My edit");
        assertThat(organisations.get(organisation.id()).industry()).isEqualTo(Industry.OTHER);
    }

    @Test
    void unknownOrMalformedOrganisationIdsGetThe404Page() throws Exception {
        Document page = Html.of(mvc.perform(get("/organisations/999999")).andExpect(status().isNotFound()));
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.text()).contains("There is no organisation 999999.");
        // The header names who is signed in, as on every other page (it said "Signed in as null").
        assertThat(page.selectFirst(".signed-in-as").text()).isEqualTo("Signed in as consultant");

        mvc.perform(get("/organisations/abc")).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/999999/edit")).andExpect(status().isNotFound());
        mvc.perform(postForm("/organisations/999999").param("name", "x")).andExpect(status().isNotFound());
    }

    @Test
    void dashboardListsOrganisationsWithTheirLatestAssessment() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        fixtures.assessment(organisation.id(), "2025-11-02");
        var latest = fixtures.assessment(organisation.id(), "2026-05-14");

        Document page = Html.of(mvc.perform(get("/").param("q", organisation.name())).andExpect(status().isOk()));

        var row = page.select("table.dashboard-table tbody tr").first();
        assertThat(row.selectFirst("th").text()).isEqualTo(organisation.name());
        assertThat(row.select("td").eachText()).contains(latest.title(), "2026-05-14");
        assertThat(row.text()).contains("Draft", "0 of 11 rated");
        assertThat(page.select("table.dashboard-table tbody tr")).hasSize(1);
    }
}
