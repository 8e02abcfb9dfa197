package dev.mpem.portal.workshop;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.shared.DatabaseNotifications;

/**
 * Live updates of workshops as server-sent events. Pages subscribe to their workshop; a change
 * publishes a {@link LiveSignal} which, once its transaction has committed, reaches every page of
 * that workshop on every instance of the portal.
 *
 * <p>Connections are held by asynchronous requests, not threads: an open stream costs a socket and
 * a small emitter, and one thread sends to all of them. On PostgreSQL (several instances behind a
 * load balancer, no sticky sessions) a signal goes out with {@code NOTIFY} and each instance, the
 * one it came from included, hears it through {@link DatabaseNotifications} and passes it on to its
 * own pages. On the embedded database there is one instance, and signals go straight to its pages.
 */
@Component
class LiveEvents implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    static final String CHANNEL = "mpem_workshop_events";

    /** How long a stream stays open before the browser opens a new one (it reconnects by itself). */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    /** A comment line this often keeps idle streams open through proxies and finds closed ones. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("workshop-events"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("workshop-heartbeat"));
    private final DatabaseNotifications notifications;
    private final JsonMapper json;

    LiveEvents(DatabaseNotifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        if (notifications.available()) {
            notifications.subscribe(CHANNEL, payload -> deliver(json.readValue(payload, LiveSignal.class)));
        }
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A stream of a workshop's events for one page; it starts with {@code ready}. */
    SseEmitter subscribe(long workshopId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        // Added and removed atomically per workshop, so an emptied set is never left holding a new stream.
        streams.compute(workshopId, (id, own) -> {
            Set<SseEmitter> set = own == null ? new CopyOnWriteArraySet<>() : own;
            set.add(emitter);
            return set;
        });
        Runnable forget = () -> streams.computeIfPresent(workshopId, (id, own) -> {
            own.remove(emitter);
            return own.isEmpty() ? null : own;
        });
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON)
                    .reconnectTime(2000));
        }
        catch (IOException e) {
            forget.run();
        }
        return emitter;
    }

    /**
     * On PostgreSQL: the signal goes out with NOTIFY inside the change's own transaction, so it is
     * delivered (to every instance, this one included) exactly when the change commits, and never
     * for a change rolled back; no second connection is needed while the change holds its own.
     */
    @TransactionalEventListener(phase = org.springframework.transaction.event.TransactionPhase.BEFORE_COMMIT,
            fallbackExecution = true)
    void notifyInstances(LiveSignal signal) {
        if (!notifications.available()) {
            return;
        }
        try {
            notifications.send(CHANNEL, json.writeValueAsString(signal));
        }
        catch (RuntimeException e) {
            // Pages catch up when they next load; this instance's pages are told directly.
            log.warn("Could not send a workshop event to the other instances: {}", e.getMessage());
            deliver(signal);
        }
    }

    /** On the embedded database (one instance): the signal goes to this instance's pages once the change has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void deliverHere(LiveSignal signal) {
        if (!notifications.available()) {
            deliver(signal);
        }
    }

    /** Sends a signal to this instance's pages of its workshop, on the sending thread. */
    void deliver(LiveSignal signal) {
        Set<SseEmitter> own = streams.get(signal.workshopId());
        if (own == null || own.isEmpty()) {
            return;
        }
        String data = json.writeValueAsString(signal.data());
        sender.execute(() -> {
            for (SseEmitter emitter : own) {
                try {
                    emitter.send(SseEmitter.event().name(signal.type()).data(data, MediaType.APPLICATION_JSON));
                }
                catch (IOException | IllegalStateException e) {
                    own.remove(emitter);
                }
            }
        });
    }

    private void beat() {
        sender.execute(() -> streams.values().forEach(own -> own.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            }
            catch (IOException | IllegalStateException e) {
                own.remove(emitter);
            }
        })));
    }

    /**
     * The portal is stopping: end every stream first (browsers reconnect to another instance, or
     * when this one is back), so the web server's graceful shutdown does not wait for them.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopping() {
        streams.values().forEach(own -> own.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        streams.values().forEach(own -> own.forEach(SseEmitter::complete));
        sender.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
