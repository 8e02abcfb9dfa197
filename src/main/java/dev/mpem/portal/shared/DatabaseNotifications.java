package dev.mpem.portal.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages between the instances of the portal that share a PostgreSQL database, through its
 * {@code NOTIFY} and {@code LISTEN}: a message sent inside a transaction reaches every instance (the
 * sender too) when, and only when, that transaction commits. One connection per instance listens to
 * every channel and hands each message to the channel's listeners on its own thread, so listeners
 * must be quick.
 *
 * <p>On the embedded database there is one instance: nothing is sent and {@link #available()} is false.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,60}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();

    private volatile Boolean postgres;
    private volatile boolean running;
    /** The number of the connection that listens now; 0 while none does. */
    private volatile long listening;
    private Thread listener;

    public DatabaseNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Whether messages travel between instances (PostgreSQL). */
    public boolean available() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            }
            catch (SQLException e) {
                throw new IllegalStateException("Could not tell which database the portal uses", e);
            }
            postgres = known;
        }
        return known;
    }

    /**
     * Hands every message of {@code channel} to {@code listener}. Subscribe while the portal starts
     * (as its beans are made): the connection listens to the channels there are when it opens.
     */
    public void subscribe(String channel, Consumer<String> listener) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        if (running) {
            throw new IllegalStateException("Subscribe to " + channel + " before the portal has started");
        }
        listeners.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Which connection is listening now: a number that changes whenever messages may have been
     * missed (the connection was lost and made again), and 0 while nothing listens.
     */
    public long listening() {
        return listening;
    }

    /** Sends a message, inside the caller's transaction when there is one; nothing on the embedded database. */
    public void send(String channel, String payload) {
        if (available()) {
            jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query().singleRow();
        }
    }

    @Override
    public void start() {
        running = true;
        if (available() && !listeners.isEmpty()) {
            listener = new Thread(this::listen, "database-notifications");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        listening = 0;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(3).toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server takes requests and stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * Listens for every channel, making its connection again when it is lost. Waiting for messages
     * sends nothing to the server, so a connection that died without closing (a fail-over, a
     * firewall's timeout) would look quiet, not lost: it is asked a query every
     * {@link #CHECK_EVERY} and given {@link #CHECK_TIMEOUT} to answer.
     */
    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listenOn(connection);
                }
                finally {
                    listening = 0;
                    unlisten(connection);
                }
            }
            catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for messages from other instances failed, trying again: {}", e.getMessage());
                    sleep(Duration.ofSeconds(2));
                }
            }
            catch (Throwable e) {
                log.error("Listening for messages from other instances stopped", e);
                throw e;
            }
        }
    }

    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        connection.setNetworkTimeout(Runnable::run, (int) CHECK_TIMEOUT.toMillis());
        try (Statement statement = connection.createStatement()) {
            for (String channel : listeners.keySet()) {
                statement.execute("LISTEN " + channel);
            }
        }
        org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
        listening = connections.incrementAndGet();
        long checked = System.nanoTime();
        while (running) {
            org.postgresql.PGNotification[] notifications = pg.getNotifications(1000);
            if (notifications != null) {
                for (org.postgresql.PGNotification notification : notifications) {
                    deliver(notification.getName(), notification.getParameter());
                }
            }
            if (System.nanoTime() - checked >= CHECK_EVERY.toNanos()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                checked = System.nanoTime();
            }
        }
    }

    /** The connection goes back to the pool: it stops listening, or its next user would collect the messages. */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        }
        catch (SQLException | RuntimeException e) {
            // A broken connection: the pool drops it.
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> each : listeners.getOrDefault(channel, List.of())) {
            try {
                each.accept(payload);
            }
            catch (RuntimeException e) {
                log.warn("Ignored a message on {} that could not be handled: {}", channel, e.getMessage());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
