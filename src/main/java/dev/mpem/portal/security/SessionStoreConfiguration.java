package dev.mpem.portal.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in sessions in the shared database, through {@link StoredSessions}; Spring Session's filter
 * puts them behind {@code HttpServletRequest.getSession()}. The cookie and the timeout come from
 * {@code server.servlet.session.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class SessionStoreConfiguration {

    @Bean
    StoredSessions sessionRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            SessionTimeout timeout, Clock clock, @Value("${portal.sessions.cached:2000}") long cachedSessions) {
        return new StoredSessions(jdbc, new TransactionTemplate(transactionManager), timeout.getTimeout(), clock,
                SessionStoreConfiguration.class.getClassLoader(), cachedSessions);
    }

    @Bean
    ExpiredSessions expiredSessions(StoredSessions sessions) {
        return new ExpiredSessions(sessions);
    }

    /** Every instance deletes the sessions whose time ran out, every few minutes (a delete by index). */
    static final class ExpiredSessions {

        private final StoredSessions sessions;

        ExpiredSessions(StoredSessions sessions) {
            this.sessions = sessions;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
        void deleteExpired() {
            sessions.deleteExpired();
        }
    }
}
