package dev.mpem.portal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The version of a browser's session as that browser last saw it, in a cookie of its own, so that an
 * instance of the portal can tell without asking the database whether the copy of the session it
 * holds is the one the browser knows. An instance that changes a session sends the new version with
 * its answer; the next request, wherever it goes, carries it. A request without the cookie, or with
 * a version the instance does not hold, reads the session from the database.
 *
 * <p>Runs outside Spring Session's filter: the request's version is known before the session is
 * looked up, and the answer is still open when Spring Session saves the session (it saves just
 * before the answer is sent).
 */
final class SessionVersionCookie extends OncePerRequestFilter {

    static final String NAME = "MPEM_SESSION_VERSION";

    /** What the request on this thread asked with, and where its answer goes. */
    private final ThreadLocal<Exchange> current = new ThreadLocal<>();

    private record Exchange(long version, HttpServletRequest request, HttpServletResponse response) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exchange before = current.get();
        current.set(new Exchange(versionIn(request), request, response));
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (before == null) {
                current.remove();
            }
            else {
                current.set(before);
            }
        }
    }

    /**
     * Spring Session's filter runs on asynchronous and error dispatches too, and saves there (an
     * error page prunes flash messages, a finished event stream ends its request): so does this one,
     * or the version would move without the browser hearing of it.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static long versionIn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        return -1;
    }

    /** The version in the cookie's value: digits, in double quotes or not (RFC 6265 allows both). */
    private static long parse(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /** The version of its session the request on this thread says its browser last saw; -1 when it says none. */
    long requested() {
        Exchange exchange = current.get();
        return exchange == null ? -1 : exchange.version();
    }

    /** Tells the browser of the request on this thread that its session is now at {@code version}. */
    void changed(long version) {
        Exchange exchange = current.get();
        if (exchange == null || exchange.response() == null || exchange.response().isCommitted()) {
            return;
        }
        String path = exchange.request().getContextPath();
        exchange.response().addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, Long.toString(version))
                .path(path.isEmpty() ? "/" : path)
                .httpOnly(true)
                .secure(exchange.request().isSecure())
                .sameSite("Lax")
                .build().toString());
    }

    /** For tests: runs {@code work} as a request that carries {@code version} (and has no answer to write to). */
    void during(long version, Runnable work) {
        Exchange before = current.get();
        current.set(new Exchange(version, null, null));
        try {
            work.run();
        }
        finally {
            if (before == null) {
                current.remove();
            }
            else {
                current.set(before);
            }
        }
    }
}
