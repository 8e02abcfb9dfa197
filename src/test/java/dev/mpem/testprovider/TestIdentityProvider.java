package dev.mpem.testprovider;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server as Spring
 * Boot sets it up (its client registered by properties), with people in memory whose groups (their
 * authorities named {@code GROUP_...}) go into the ID token's {@code groups} claim, with their
 * name and preferred username. No database, and outside the portal's packages so that the portal's
 * component scan never finds it (its auto-configuration exclusions would apply to the portal).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class TestIdentityProvider {

    public static final String PASSWORD = "provider password";
    static final String GROUP = "GROUP_";

    @Bean
    InMemoryUserDetailsManager people() {
        return new InMemoryUserDetailsManager();
    }

    /** Adds (or replaces) a person with these groups. */
    public static void person(InMemoryUserDetailsManager people, String username, String... groups) {
        var user = User.withUsername(username).password("{noop}" + PASSWORD)
                .authorities(java.util.Arrays.stream(groups).map(group -> GROUP + group).toArray(String[]::new))
                .build();
        if (people.userExists(username)) {
            people.updateUser(user);
        }
        else {
            people.createUser(user);
        }
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsInTheIdToken() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                List<String> groups = context.getPrincipal().getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP))
                        .map(a -> a.substring(GROUP.length())).toList();
                String username = context.getPrincipal().getName();
                context.getClaims().claim("groups", groups).claim("preferred_username", username)
                        .claim("name", "Provider person " + username);
            }
        };
    }
}
