package dev.mpem.portal.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.ApiTokens;
import dev.mpem.portal.account.SingleSignOn;
import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

/**
 * Three filter chains. The JSON API under /api is stateless and takes a personal API token
 * ({@link BearerTokens}) or HTTP Basic (CSRF does not apply: no cookie is ever trusted there) and answers 401/403 with JSON. Its OpenAPI document and
 * Swagger UI take either. Pages sign in with a form and a session; they carry a CSRF token from a
 * cookie, so that anonymous pages (sign-in, share links) never create a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String CONSULTANT = "CONSULTANT";
    static final String EXECUTIVE = "EXECUTIVE";

    /** Pages an executive may read (GET); every other page needs a consultant or an admin. */
    static final String[] EXECUTIVE_PAGES = { "/", "/model", "/organisations", "/organisations/*",
            "/organisations/*/history", "/organisations/*/history.csv", "/organisations/*/next-assessment.ics",
            "/assessments/*", "/assessments/*/report", "/assessments/*/report.pdf",
            "/assessments/*/report.csv", "/assessments/*/summary", "/assessments/*/summary.pdf",
            "/assessments/*/actions", "/assessments/*/actions.csv", "/assessments/*/actions.ics", "/actions/*" };

    /** API resources an executive may read (GET). */
    static final String[] EXECUTIVE_API = { "/api/model", "/api/organisations", "/api/organisations/*",
            "/api/organisations/*/history", "/api/organisations/*/compare", "/api/assessments/*",
            "/api/assessments/*/report", "/api/assessments/*/actions", "/api/actions/*" };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorised = unauthorised(json);
        AccessDeniedHandler forbidden = (request, response, e) -> write(json, response,
                ApiError.of(403, "FORBIDDEN", Words.say("api.forbidden")));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/workshops/*/votes", "/api/workshops/*/participants")
                        .permitAll()
                        .requestMatchers("/api/users", "/api/users/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, EXECUTIVE_API).hasAnyRole(ADMIN, CONSULTANT, EXECUTIVE)
                        .anyRequest().hasAnyRole(ADMIN, CONSULTANT))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorised))
                .addFilterBefore(new BearerTokens(tokens, json), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorised)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Swagger UI sets styles from its scripts; its pages alone allow inline styles. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The OpenAPI document and Swagger UI, for signed-in users: in a browser with the page session (an
     * anonymous browser is sent to sign in, and back), from a script with the API's credentials (an
     * anonymous script gets 401 as JSON).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, JsonMapper json, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorised = unauthorised(json);
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorised))
                .addFilterBefore(new BearerTokens(tokens, json), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(unauthorised, AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SingleSignOn sso, AccountService accounts) throws Exception {
        // A refused sign-in comes back with the username as typed (never the password), and no session.
        AuthenticationFailureHandler failure = (request, response, e) -> {
            String typed = Text.abbreviate(Text.singleLine(Text.clean(request.getParameter("username"))), 100);
            response.sendRedirect(request.getContextPath() + "/login?error" + (typed == null || typed.isEmpty() ? ""
                    : "&username=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8)));
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error", "/login", "/login/sso-refused",
                                "/share/**", "/unsubscribe/*",
                                "/join", "/join/**", "/w/**", "/s/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/info").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        // "/organisations/new" would otherwise match the executive-readable "/organisations/*".
                        .requestMatchers("/organisations/new").hasAnyRole(ADMIN, CONSULTANT)
                        .requestMatchers(HttpMethod.GET, EXECUTIVE_PAGES).hasAnyRole(ADMIN, CONSULTANT, EXECUTIVE)
                        .requestMatchers("/account/**", "/logout").authenticated()
                        .anyRequest().hasAnyRole(ADMIN, CONSULTANT))
                .formLogin(form -> form.loginPage("/login").failureHandler(failure).defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        if (sso.enabled()) {
            ProviderSignIn provider = new ProviderSignIn(sso, accounts);
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(provider.registrations())
                    .authorizedClientRepository(ProviderSignIn.nothingKept())
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(provider.authorizationRequests()))
                    .userInfoEndpoint(info -> info.oidcUserService(provider.users()))
                    .successHandler(provider.success())
                    .failureHandler(ProviderSignIn.failure()))
                    .addFilterBefore(provider.reachable(), OAuth2AuthorizationRequestRedirectFilter.class);
        }
        return http.build();
    }

    /** 401 for a script without valid credentials: a problem body, and how to authenticate. */
    private static AuthenticationEntryPoint unauthorised(JsonMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"MPEM portal\", charset=\"UTF-8\"");
            write(json, response, ApiError.of(401, "UNAUTHORIZED", Words.say("api.unauthorised")));
        };
    }

    private static void write(JsonMapper json, HttpServletResponse response, ApiError error) throws java.io.IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(error.problemBody()));
    }

}
