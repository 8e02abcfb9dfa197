package dev.mpem.portal.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests as a browser sends them. */
public final class Requests {

    private Requests() {
    }

    /** A form post with the page's CSRF token, as every form of the portal carries it. */
    public static MockHttpServletRequestBuilder postForm(String url, Object... uriVariables) {
        return post(url, uriVariables).with(csrf());
    }
}
