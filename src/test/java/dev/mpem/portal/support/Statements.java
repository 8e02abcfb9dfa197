package dev.mpem.portal.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements a piece of work sends to the database, on the thread that does it (a
 * MockMvc request runs on the test's thread). Every full test context has it: the data source is
 * wrapped so that each statement prepared on one of its connections is noted while counting.
 * JPA, JdbcClient and the session store all go through it.
 */
@Component
public class Statements implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    /** Work whose statements are counted. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** The statements {@code work} sent, in order (the SQL text; "statement" for a plain Statement). */
    public static List<String> of(Work work) throws Exception {
        List<String> statements = new ArrayList<>();
        RECORDED.set(statements);
        try {
            work.run();
        }
        finally {
            RECORDED.remove();
        }
        return statements;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
                        List<String> recorded = RECORDED.get();
                        if (recorded != null && PREPARING.contains(method.getName())) {
                            recorded.add(arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
                                    ? sql : "statement");
                        }
                        try {
                            return method.invoke(connection, arguments);
                        }
                        catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
