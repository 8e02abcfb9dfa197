package dev.mpem.portal.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.PortalUser;
import dev.mpem.portal.account.ProviderIdentity;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.SingleSignOn;

/**
 * Signing in through the OpenID Connect provider (authorization code with PKCE): the provider's
 * discovery document is read when the first person signs in (so the portal starts even while the
 * provider is unreachable), the person's groups give their role, {@link AccountService} finds or
 * makes their account, and the session then holds the same {@link PortalUser} a password sign-in
 * does, so everything downstream (grants, ending sessions, the audit trail) works alike.
 */
final class ProviderSignIn {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    private final SingleSignOn sso;
    private final AccountService accounts;
    private final ClientRegistrationRepository registrations;

    ProviderSignIn(SingleSignOn sso, AccountService accounts) {
        this.sso = sso;
        this.accounts = accounts;
        this.registrations = new Discovered(sso);
    }

    ClientRegistrationRepository registrations() {
        return registrations;
    }

    /** Authorization requests carry a PKCE challenge (S256), confidential client or not. */
    OAuth2AuthorizationRequestResolver authorizationRequests() {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The provider's person as a portal user, or refused (no mapped group, a disabled account). */
    OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser person = standard.loadUser(request);
            Role role = sso.roleFor(groups(person.getClaims().get(sso.groupsClaim())));
            ProviderIdentity who = new ProviderIdentity(person.getIssuer().toString(), person.getSubject(),
                    person.getPreferredUsername(), person.getEmail(), person.getFullName(), role);
            if (role == null) {
                accounts.providerSignInRefused(who, address());
                throw new OAuth2AuthenticationException(new OAuth2Error("no-group"));
            }
            try {
                return new SignedIn(accounts.signInFromProvider(who, address()), person);
            }
            catch (AccountService.ProviderAccountDisabledException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("disabled"));
            }
        };
    }

    /** The groups claim as a list of names: a JSON array, or one string of names separated by spaces or commas. */
    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String names) {
            return List.of(names.split("[\\s,]+"));
        }
        return List.of();
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    /** The session holds the portal user (as after a password sign-in), then the browser goes where it was going. */
    AuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setRequestCache(new CookieRequestCache());
        then.setDefaultTargetUrl("/");
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication.getPrincipal() instanceof SignedIn signedIn) {
                PortalUser user = signedIn.user();
                UsernamePasswordAuthenticationToken portal = UsernamePasswordAuthenticationToken.authenticated(user,
                        null, user.getAuthorities());
                portal.setDetails(authentication.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(portal);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The provider's access token is not kept: the portal never calls the provider after the sign-in
     * (kept in memory, every sign-in would stay there; kept in the session, every request would carry it).
     */
    static OAuth2AuthorizedClientRepository nothingKept() {
        return new OAuth2AuthorizedClientRepository() {
            @Override
            public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                    Authentication principal, HttpServletRequest request) {
                return null;
            }

            @Override
            public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                    HttpServletRequest request, HttpServletResponse response) {
            }

            @Override
            public void removeAuthorizedClient(String registrationId, Authentication principal,
                    HttpServletRequest request, HttpServletResponse response) {
            }
        };
    }

    /**
     * Before the browser is sent to the provider: if its discovery document cannot be read (the
     * provider is down or the issuer is wrong), the person is told so, not shown an error.
     */
    jakarta.servlet.Filter reachable() {
        return new org.springframework.web.filter.OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().equals(request.getContextPath() + "/oauth2/authorization/"
                        + SingleSignOn.REGISTRATION);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
                try {
                    registrations.findByRegistrationId(SingleSignOn.REGISTRATION);
                }
                catch (RuntimeException e) {
                    log.warn("Single sign-on: the provider's discovery document at {} could not be read: {}",
                            sso.issuerUri(), e.getMessage());
                    response.sendRedirect(request.getContextPath() + "/login/sso-refused?reason=unreachable");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A refused sign-in goes to a page that says why, in words. */
    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "failed";
            if (!reason.equals("no-group") && !reason.equals("disabled")) {
                log.warn("Single sign-on failed: {}", e.getMessage());
                reason = "failed";
            }
            response.sendRedirect(request.getContextPath() + "/login/sso-refused?reason=" + reason);
        };
    }

    /** The person while the provider's sign-in completes: named by their portal username. */
    record SignedIn(PortalUser user, OidcUser person) implements OidcUser {

        @Override
        public Map<String, Object> getClaims() {
            return person.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return person.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return person.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return person.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.getAuthorities();
        }

        @Override
        public String getName() {
            return user.getUsername();
        }
    }

    /**
     * The provider's registration, from its discovery document, read when first needed (and again until
     * it is read). One request reads it at a time; others wait two seconds at most, and a failure is
     * remembered for a minute, so a slow or absent provider never holds the portal's threads.
     */
    private static final class Discovered implements ClientRegistrationRepository {

        private static final long RETRY_AFTER_MILLIS = 60_000;

        private final SingleSignOn sso;
        private final java.util.concurrent.locks.ReentrantLock reading = new java.util.concurrent.locks.ReentrantLock();
        private volatile ClientRegistration registration;
        private volatile long failedAt;

        Discovered(SingleSignOn sso) {
            this.sso = sso;
        }

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            if (!SingleSignOn.REGISTRATION.equals(id)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found != null) {
                return found;
            }
            if (System.currentTimeMillis() - failedAt < RETRY_AFTER_MILLIS) {
                throw new IllegalStateException("The provider's discovery document failed less than a minute ago");
            }
            try {
                if (!reading.tryLock(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The provider's discovery document is being read");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the provider's discovery document was read", e);
            }
            try {
                if (registration == null) {
                    registration = discover();
                }
                return registration;
            }
            catch (RuntimeException e) {
                failedAt = System.currentTimeMillis();
                throw e;
            }
            finally {
                reading.unlock();
            }
        }

        private ClientRegistration discover() {
            ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
                    .registrationId(SingleSignOn.REGISTRATION).clientId(sso.clientId())
                    .scope("openid", "profile", "email")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
            // Without a secret the portal is a public client: PKCE alone protects the code.
            return sso.clientSecret().isBlank()
                    ? builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).build()
                    : builder.clientSecret(sso.clientSecret()).build();
        }
    }
}
