package dev.mpem.portal.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.mpem.portal.account.UserView;

/** Requests as a browser sends them. */
public final class Requests {

    private Requests() {
    }

    /** The request made by this account, signed in (its role as its authority). */
    public static RequestPostProcessor signedInAs(UserView user) {
        return SecurityMockMvcRequestPostProcessors.user(user.username()).roles(user.role().name());
    }

    /** A form post with the page's CSRF token, as every form of the portal carries it. */
    public static MockHttpServletRequestBuilder postForm(String url, Object... uriVariables) {
        return post(url, uriVariables).with(csrf());
    }
}
