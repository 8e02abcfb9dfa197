package dev.mpem.portal.security;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps sessions in the database safe when one browser sends several requests at once (two tabs,
 * a double click, a fast workshop).
 *
 * <p>Spring Session JDBC stores each session attribute as a row and inserts the row when a request
 * adds the attribute. Two simultaneous requests of one session that both add the same attribute
 * would both insert it, and the second would fail with a duplicate key after its work was done.
 * The attribute that comes and goes all the time is the flash message shown after every save. So:
 * <ul>
 * <li>the flash messages' attribute is created when the user signs in and is then only ever
 * updated (an empty list instead of removing it), never removed and inserted again;</li>
 * <li>on PostgreSQL, adding an attribute is an upsert anyway (Spring Session's own customizer).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** The attribute {@link SessionFlashMapManager} keeps the flash messages in. */
    static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributesOnPostgres(DataSource dataSource) {
        boolean postgres = "PostgreSQL".equals(databaseProduct(dataSource));
        PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        return repository -> {
            if (postgres) {
                upsert.customize(repository);
            }
        };
    }

    private static String databaseProduct(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        }
        catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the sessions are stored in", e);
        }
    }

    /** Replaces Spring MVC's flash map manager with {@link KeptFlashMaps}. */
    @Bean
    static BeanPostProcessor keepFlashMapsAttribute() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(beanName)
                        && bean.getClass() == SessionFlashMapManager.class ? new KeptFlashMaps() : bean;
            }
        };
    }

    /** Signing in creates the flash messages' attribute, in the one request that creates the session. */
    @EventListener
    void createFlashMapsAttributeOnSignIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession();
            if (session.getAttribute(FLASH_MAPS) == null) {
                session.setAttribute(FLASH_MAPS, new ArrayList<FlashMap>());
            }
        }
    }

    /** Session flash maps whose attribute, once there, is only ever updated. */
    static final class KeptFlashMaps extends SessionFlashMapManager {

        @Override
        protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
                HttpServletResponse response) {
            request.getSession().setAttribute(FLASH_MAPS, new ArrayList<>(flashMaps));
        }
    }
}
