package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The cookie that carries the version of a browser's session: read from the request before the
 * session is looked up, written when a save moves the version, on every kind of dispatch.
 */
class SessionVersionCookieTests {

    final SessionVersionCookie cookie = new SessionVersionCookie();

    /** Runs a request with {@code value} as its cookie (null: none); the chain saves at {@code savedAt} (or not, when negative). */
    Seen request(String value, long savedAt, DispatcherType dispatch, boolean secure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account/password");
        request.setDispatcherType(dispatch);
        request.setSecure(secure);
        if (value != null) {
            request.setCookies(new Cookie(SessionVersionCookie.NAME, value));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<Long> requested = new ArrayList<>();
        cookie.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        }, (req, res, chain) -> {
            requested.add(cookie.requested());
            if (savedAt >= 0) {
                cookie.changed(savedAt);
            }
        }));
        return new Seen(requested.isEmpty() ? null : requested.get(0), response.getHeaders("Set-Cookie"), cookie.requested());
    }

    record Seen(Long requested, List<String> setCookies, long afterwards) {
    }

    @Test
    void theRequestedVersionIsReadAndOnlyDigitsCount() throws Exception {
        assertThat(request("12", -1, DispatcherType.REQUEST, false).requested()).isEqualTo(12L);
        assertThat(request(null, -1, DispatcherType.REQUEST, false).requested()).isEqualTo(-1L);
        assertThat(request("\"12\"", -1, DispatcherType.REQUEST, false).requested()).as("quoted, as RFC 6265 allows")
                .isEqualTo(12L);
        for (String forged : List.of("", "-1", "1e3", "12a", "\"12", "\"\"", "9".repeat(19))) {
            assertThat(request(forged, -1, DispatcherType.REQUEST, false).requested()).as(forged).isEqualTo(-1L);
        }
        assertThat(request("999999999999999999", -1, DispatcherType.REQUEST, false).requested())
                .isEqualTo(999_999_999_999_999_999L);
        assertThat(request("12", -1, DispatcherType.REQUEST, false).afterwards()).as("nothing left on the thread")
                .isEqualTo(-1L);
    }

    @Test
    void aSavedVersionGoesBackToTheBrowserOnEveryDispatch() throws Exception {
        assertThat(request("3", 4, DispatcherType.REQUEST, false).setCookies())
                .containsExactly("MPEM_SESSION_VERSION=4; Path=/; HttpOnly; SameSite=Lax");
        assertThat(request("3", 4, DispatcherType.REQUEST, true).setCookies())
                .containsExactly("MPEM_SESSION_VERSION=4; Path=/; Secure; HttpOnly; SameSite=Lax");
        assertThat(request("3", 5, DispatcherType.ERROR, false).setCookies()).as("an error page")
                .containsExactly("MPEM_SESSION_VERSION=5; Path=/; HttpOnly; SameSite=Lax");
        assertThat(request("3", 6, DispatcherType.ASYNC, false).setCookies()).as("the end of an event stream")
                .containsExactly("MPEM_SESSION_VERSION=6; Path=/; HttpOnly; SameSite=Lax");
        assertThat(request("3", -1, DispatcherType.REQUEST, false).setCookies()).as("nothing saved").isEmpty();
    }
}
