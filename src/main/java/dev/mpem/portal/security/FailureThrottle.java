package dev.mpem.portal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.Words;

/**
 * Slows down guessing from one client address: every wrong password (sign-in page or HTTP Basic),
 * every API token the portal never made, and every unknown or closed join code takes a token from the address's bucket
 * ({@code portal.throttle.failures} per {@code portal.throttle.period}); with the bucket empty, such
 * requests get 429 until it refills. Successful requests never take a token, so a whole workshop room
 * behind one address is not slowed down by using the portal. Kept per instance, in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FailureThrottle extends OncePerRequestFilter {

    private final long failures;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    FailureThrottle(@Value("${portal.throttle.failures:30}") long failures,
            @Value("${portal.throttle.period:10m}") Duration period) {
        this.failures = failures;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(100_000).build();
    }

    private enum Kind { SIGN_IN_PAGE, CREDENTIALS, JOIN_CODE, NONE }

    private static Kind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/login") && "POST".equals(request.getMethod())) {
            return Kind.SIGN_IN_PAGE;
        }
        if (path.equals("/join") || path.startsWith("/join/") || path.startsWith("/w/")
                || (path.startsWith("/api/workshops/") && (path.endsWith("/votes") || path.endsWith("/participants")))) {
            return Kind.JOIN_CODE;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || BearerTokens.sendsToken(request)) ? Kind.CREDENTIALS : Kind.NONE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kindOf(request);
        if (kind == Kind.NONE) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            refuse(request, response, bucket);
            return;
        }
        chain.doFilter(request, response);
        if (failed(kind, response) && request.getAttribute(BearerTokens.KNOWN_TOKEN_REFUSED) == null) {
            buckets.get(address, a -> newBucket()).tryConsume(1);
        }
    }

    private static boolean failed(Kind kind, HttpServletResponse response) {
        return switch (kind) {
            case SIGN_IN_PAGE -> response.getStatus() == 302
                    && String.valueOf(response.getHeader(HttpHeaders.LOCATION)).contains("/login?error");
            case CREDENTIALS -> response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
            case JOIN_CODE -> response.getStatus() == HttpServletResponse.SC_NOT_FOUND;
            case NONE -> false;
        };
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build())
                .build();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Bucket bucket) throws IOException {
        long seconds = Math.max(1, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())
                .toSeconds());
        String message = Words.say("throttle.wait", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(429);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ApiError.of(429, "TOO_MANY_REQUESTS", message).json());
            return;
        }
        response.sendError(429, message);
    }
}
