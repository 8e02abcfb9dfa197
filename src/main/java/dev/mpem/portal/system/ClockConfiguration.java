package dev.mpem.portal.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** One clock for every "now" and "today", so that tests can fix the date. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
