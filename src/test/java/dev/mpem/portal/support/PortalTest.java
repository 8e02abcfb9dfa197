package dev.mpem.portal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test of the whole portal: the application on a random port (for browsers and HTTP clients) with
 * MockMvc as well. Every test class that needs the full context uses this one setup, so the suite
 * starts the portal once and shares it ({@link RealCsrfTokens} undoes what MockMvc's {@code csrf()}
 * changes in it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ExtendWith(RealCsrfTokens.class)
public @interface PortalTest {
}
