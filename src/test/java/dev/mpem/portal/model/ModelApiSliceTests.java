package dev.mpem.portal.model;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.CurrentUser;

/**
 * The model API's controller alone (a web slice): what it makes of the model it is given, without a
 * database or the rest of the portal.
 */
@WebMvcTest(ModelApiController.class)
@WithMockUser(roles = "CONSULTANT")
class ModelApiSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelService modelService;

    @MockitoBean
    CurrentUser currentUser;

    @Test
    void answersTheModelItIsGivenAsJson() throws Exception {
        given(modelService.model()).willReturn(TestModel.mpem());

        mvc.perform(get("/api/model"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.levels[*].name", Matchers.contains("Basic", "Foundational", "Intermediate",
                        "Mature", "Leader")))
                .andExpect(jsonPath("$.dimensions", Matchers.hasSize(11)));
    }
}
