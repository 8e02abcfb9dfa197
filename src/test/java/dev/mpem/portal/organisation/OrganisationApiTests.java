package dev.mpem.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class OrganisationApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theContactEmailTravelsThroughTheApiAndABadOneIsNamed() throws Exception {
        String name = dev.mpem.portal.support.Fixtures.unique("Fabrikam");
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"contactEmail\": \"not an address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.field", is("contactEmail")));
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"contactEmail\": \"cx@fabrikam.example\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contactEmail", is("cx@fabrikam.example")));
        String all = mvc.perform(get("/api/organisations")).andReturn().getResponse().getContentAsString();
        long organisation = com.jayway.jsonpath.JsonPath.<java.util.List<Integer>>read(all,
                "$[?(@.name == '" + name + "')].id").get(0);
        // A client from before the field existed sends none: the stored address stays.
        mvc.perform(put("/api/organisations/" + organisation).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"contact\": \"Kim\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contactEmail", is("cx@fabrikam.example")));
        // An empty one removes it.
        mvc.perform(put("/api/organisations/" + organisation).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"contactEmail\": \"\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contactEmail").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void createReturns201WithLocationAndTheOrganisation() throws Exception {
        String name = Fixtures.unique("Contoso");
        String location = mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"industry\":\"Telecoms\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("http://localhost/api/organisations/\\d+")))
                .andExpect(jsonPath("$.id", notNullValue()))
                .andExpect(jsonPath("$.name", is(name)))
                .andExpect(jsonPath("$.industry", is("OTHER")))
                .andExpect(jsonPath("$.industryOther", is("Telecoms")))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.name", is(name)));
        mvc.perform(get("/api/organisations")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem(name)));
    }

    /** What clients sent before industries had codes still works: a code or English name in any case, or other words. */
    @Test
    void theIndustryIsACodeOrItsEnglishNameAndAnythingElseIsOtherWithTheWordsKept() throws Exception {
        String[][] cases = { { "\"Retail\"", "RETAIL", null }, { "\"retail\"", "RETAIL", null },
                { "\"FINANCIAL_SERVICES\"", "FINANCIAL_SERVICES", null }, { "\"financial services\"", "FINANCIAL_SERVICES", null },
                { "\"Telecom & media\"", "TELECOM_MEDIA", null }, { "\"Travel and hospitality\"", "TRAVEL_HOSPITALITY", null },
                { "\"  Public Sector \"", "PUBLIC_SECTOR", null }, { "\"Wholesale\"", "OTHER", "Wholesale" },
                { "\"Other\", \"industryOther\": \"Mining\"", "OTHER", "Mining" },
                { "\"RETAIL\", \"industryOther\": \"ignored\"", "RETAIL", null }, { "null", null, null } };
        for (String[] c : cases) {
            String body = mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"" + Fixtures.unique("Industry") + "\",\"industry\":" + c[0] + "}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat((Object) com.jayway.jsonpath.JsonPath.read(body, "$.industry")).as(c[0]).isEqualTo(c[1]);
            assertThat((Object) com.jayway.jsonpath.JsonPath.read(body, "$.industryOther")).as(c[0]).isEqualTo(c[2]);
        }
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.unique("Changing industry") + "\",\"industry\":\"Wholesale\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id").toString();
        // Sent back as it was read ("OTHER", without industryOther), the words are kept.
        mvc.perform(put("/api/organisations/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Changed " + id + "\",\"industry\":\"OTHER\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.industry", is("OTHER")))
                .andExpect(jsonPath("$.industryOther", is("Wholesale")));
        mvc.perform(put("/api/organisations/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Changed " + id + "\",\"industry\":\"healthcare\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.industry", is("HEALTHCARE")))
                .andExpect(jsonPath("$.industryOther", org.hamcrest.Matchers.nullValue()));
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.unique("Long industry") + "\",\"industry\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("industryOther")))
                .andExpect(jsonPath("$.errors[0].message", is("The industry can be at most 200 characters.")));
    }

    @Test
    void invalidOrDuplicateNamesAnswer400NamingTheField() throws Exception {
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"industry\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.errors[0].message", is("Enter the organisation's name.")));

        String name = Fixtures.unique("Twice");
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name.toLowerCase() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("name")))
                .andExpect(jsonPath("$.message", endsWith("already exists. Choose another name.")));

        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("name")));
    }

    @Test
    void malformedRequestsAnswerJsonErrors() throws Exception {
        mvc.perform(post("/api/organisations").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", is("MALFORMED_JSON")));
        mvc.perform(post("/api/organisations").contentType(MediaType.TEXT_PLAIN).content("name"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.status", is(415)));
        mvc.perform(get("/api/organisations/424242")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", is("NOT_FOUND")))
                .andExpect(jsonPath("$.message", is("There is no organisation 424242.")));
        mvc.perform(get("/api/organisations/abc")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field", is("id")));
    }
}
