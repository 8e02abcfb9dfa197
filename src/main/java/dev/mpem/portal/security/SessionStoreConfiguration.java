package dev.mpem.portal.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.mpem.portal.shared.DatabaseNotifications;

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
            SessionTimeout timeout, Clock clock, @Value("${portal.sessions.cached:2000}") long cachedSessions,
            DatabaseNotifications notifications, SessionVersionCookie cookie) {
        boolean shared = notifications.available();
        StoredSessions.Announcements announcements = !shared ? StoredSessions.Announcements.NONE
                : new StoredSessions.Announcements() {
                    @Override
                    public long hearing() {
                        return notifications.listening();
                    }

                    @Override
                    public void announce(String sessionId) {
                        notifications.send(StoredSessions.CHANNEL, sessionId);
                    }
                };
        // A session's writes commit on their own, also when asked from within another transaction
        // or after one (ending a changed account's sessions runs after its change has committed).
        TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
        ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        StoredSessions sessions = new StoredSessions(jdbc, ownTransactions,
                timeout.getTimeout(), clock, SessionStoreConfiguration.class.getClassLoader(), cachedSessions,
                announcements, cookie);
        if (shared) {
            notifications.subscribe(StoredSessions.CHANNEL, sessions::announced);
        }
        return sessions;
    }

    @Bean
    SessionVersionCookie sessionVersionCookie() {
        return new SessionVersionCookie();
    }

    /** Just outside Spring Session's filter: the version is read before the session, and written when it is saved. */
    @Bean
    FilterRegistrationBean<SessionVersionCookie> sessionVersionCookieFilter(SessionVersionCookie cookie) {
        FilterRegistrationBean<SessionVersionCookie> registration = new FilterRegistrationBean<>(cookie);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    ExpiredSessions expiredSessions(StoredSessions sessions) {
        return new ExpiredSessions(sessions);
    }

    /** Replaces Spring MVC's flash map manager with {@link BoundedFlashMaps}. */
    @Bean
    static BeanPostProcessor boundFlashMaps() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(beanName)
                        && bean.getClass() == SessionFlashMapManager.class ? new BoundedFlashMaps() : bean;
            }
        };
    }

    /**
     * Flash messages in the session, at most {@link #KEPT} at a time (the newest). Every request
     * reads them; a client that posts forms without following the redirects (a script, or someone
     * trying) would otherwise pile up one per post for three minutes and make each of its requests
     * read and write them all.
     */
    static final class BoundedFlashMaps extends SessionFlashMapManager {

        static final int KEPT = 10;

        @Override
        protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
                HttpServletResponse response) {
            super.updateFlashMaps(flashMaps.size() <= KEPT ? flashMaps
                    : new ArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size())), request, response);
        }
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
