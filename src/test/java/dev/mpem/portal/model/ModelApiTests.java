package dev.mpem.portal.model;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ModelApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelService modelService;

    @Autowired
    org.springframework.cache.CacheManager caches;

    /** The model is read once and then served from Spring's "model" cache. */
    @Test
    void theModelIsReadOnceAndKeptInItsCache() {
        Mpem first = modelService.model();

        assertThat(modelService.model()).isSameAs(first);
        assertThat(caches.getCache(ModelService.CACHE)).isNotNull();
        assertThat(caches.getCache(ModelService.CACHE).get(org.springframework.cache.interceptor.SimpleKey.EMPTY, Mpem.class))
                .isSameAs(first);
    }

    @Test
    void modelApiReturnsLevelsCategoriesDimensionsAndOutcomes() throws Exception {
        mvc.perform(get("/api/model"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.levels", hasSize(5)))
                .andExpect(jsonPath("$.levels[*].name", contains("Basic", "Foundational", "Intermediate", "Mature", "Leader")))
                .andExpect(jsonPath("$.levels[0].level", is(1)))
                .andExpect(jsonPath("$.levels[0].narrative", startsWith("At Level 1, organizations implement")))
                .andExpect(jsonPath("$.categories[*].code", contains("FUNCTIONAL", "ORGANIZATIONAL", "PEOPLE")))
                .andExpect(jsonPath("$.categories[0].name", is("Functional effectiveness")))
                .andExpect(jsonPath("$.categories[0].dimensions",
                        contains("EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE")))
                .andExpect(jsonPath("$.categories[2].dimensions", contains("EXPERTISE", "CULTURE")))
                .andExpect(jsonPath("$.dimensions[*].code", contains("EXTENT", "CHANNEL_REACH",
                        "ACCURACY_AND_LEARNABILITY", "SCOPE", "STRATEGY", "TECHNOLOGY", "MEASUREMENT",
                        "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE")))
                .andExpect(jsonPath("$.dimensions[*].levels", everyItem(hasSize(5))))
                .andExpect(jsonPath("$.dimensions[0].name", is("Extent")))
                .andExpect(jsonPath("$.dimensions[0].category", is("FUNCTIONAL")))
                .andExpect(jsonPath("$.dimensions[0].description",
                        is("Extent and complexity of personalization capabilities. Also included is the degree of automation.")))
                .andExpect(jsonPath("$.dimensions[0].levels[*].level", contains(1, 2, 3, 4, 5)))
                .andExpect(jsonPath("$.dimensions[0].levels[3].descriptor",
                        is("Personas & dynamic segmentation, insights driven /predictive.")))
                .andExpect(jsonPath("$.dimensions[10].levels[0].descriptor", is("No organizational culture when it"
                        + " comes to personalization. Most implementations are based on individual efforts.")))
                .andExpect(jsonPath("$.outcomes", hasSize(7)))
                .andExpect(jsonPath("$.outcomes[0].code", is("WIDEN_REACH")))
                .andExpect(jsonPath("$.outcomes[0].name", is("Widen reach")))
                .andExpect(jsonPath("$.outcomes[0].scenarios", contains("Search engines", "Targeted ads", "Channel investments")))
                .andExpect(jsonPath("$.outcomes[0].dimensions", contains("CHANNEL_REACH", "EXTENT", "SCOPE", "STRATEGY")))
                .andExpect(jsonPath("$.outcomes[3].dimensions", contains("SCOPE", "CHANNEL_REACH", "TECHNOLOGY", "STRATEGY")))
                .andExpect(jsonPath("$.outcomes[3].paperLabels[1].paperLabel", is("Reach")))
                .andExpect(jsonPath("$.outcomes[5].dimensions",
                        contains("STRATEGY", "EXPERTISE", "TECHNOLOGY", "ACCURACY_AND_LEARNABILITY")))
                .andExpect(jsonPath("$.outcomes[6].code", is("UNNAMED_ROW_7")))
                .andExpect(jsonPath("$.outcomes[6].name", nullValue()))
                .andExpect(jsonPath("$.outcomes[6].note", startsWith("The paper's Table 2 leaves the business outcome")))
                .andExpect(jsonPath("$.source.authors", contains("Bismi Ravindran", "Apoorv Durga")))
                .andExpect(jsonPath("$.source.license", is("Creative Commons Attribution-ShareAlike")));
    }
}
