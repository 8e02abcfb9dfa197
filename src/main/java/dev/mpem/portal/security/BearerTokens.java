package dev.mpem.portal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.account.ApiTokens;
import dev.mpem.portal.account.PortalUser;
import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.Words;

/**
 * Authenticates a request that sends {@code Authorization: Bearer <token>} with a personal API token
 * ({@link ApiTokens}): the request acts as the token's owner, for this request only (no session is
 * made). A token that is not valid is answered 401 at once, never passed on as anonymous.
 * Not a bean: it belongs to the API's filter chains only.
 */
class BearerTokens extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    /**
     * Set on a request whose token the portal made but refused (expired, revoked, disabled account):
     * a forgotten script is not a guesser, so {@link FailureThrottle} does not count it against the
     * address (a whole office behind one address would be slowed down by it).
     */
    static final String KNOWN_TOKEN_REFUSED = BearerTokens.class.getName() + ".KNOWN_TOKEN_REFUSED";

    private final ApiTokens tokens;
    private final JsonMapper json;
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokens(ApiTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    static boolean sendsToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sendsToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        ApiTokens.Check check = tokens.authenticate(token, request.getRemoteAddr());
        Optional<PortalUser> user = check.user();
        if (user.isEmpty()) {
            if (check.known()) {
                request.setAttribute(KNOWN_TOKEN_REFUSED, Boolean.TRUE);
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"MPEM portal\", error=\"invalid_token\"");
            ApiError error = ApiError.of(401, "UNAUTHORIZED", Words.say("api.token.refused"));
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(error.problemBody()));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
