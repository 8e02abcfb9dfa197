package dev.mpem.portal.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's {@code csrf()} for MockMvc swaps the CSRF filter's token store for a session one,
 * on the filter the running portal shares with MockMvc. After each test the portal's own store (a
 * cookie, so that anonymous pages never create a session) is put back, so that tests through real
 * HTTP see the portal as it runs.
 */
public class RealCsrfTokens implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        for (SecurityFilterChain chain : application.getBeansOfType(SecurityFilterChain.class).values()) {
            chain.getFilters().stream().filter(CsrfFilter.class::isInstance).forEach(filter -> {
                Object store = ReflectionTestUtils.getField(filter, "tokenRepository");
                if (!(store instanceof CookieCsrfTokenRepository)) {
                    ReflectionTestUtils.setField(filter, "tokenRepository", new CookieCsrfTokenRepository());
                }
            });
        }
    }
}
