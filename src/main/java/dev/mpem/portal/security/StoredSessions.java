package dev.mpem.portal.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The signed-in sessions, kept in the database that every instance shares (table {@code web_sessions}),
 * so that any instance serves any user and a restart signs nobody out.
 *
 * <p>Built for what a request needs, which is mostly to read its session and change nothing:
 * <ul>
 * <li>a request reads one short row by primary key (the session's version, times and principal);
 * the attributes (the signed-in user, flash messages) come from this instance's cache when it holds
 * that version, so they are read and sent over the wire only after a change;</li>
 * <li>a request that changes no attribute writes nothing, except the time of last access once a
 * minute ({@link #ACCESS_WRITE_INTERVAL}): a session therefore ends after its timeout without a
 * request, give or take that minute;</li>
 * <li>a request that changes attributes merges exactly those into the stored ones, under a row lock,
 * and moves the version; every instance sees the new version at its next read, so a flash message
 * set on one instance shows on the next page whichever instance serves it;</li>
 * <li>ending a session deletes its row: every instance finds it gone at the next request.</li>
 * </ul>
 * With several instances on PostgreSQL a request does not even read the row's head when this
 * instance's copy is known current: the browser's cookie ({@link SessionVersionCookie}) says it last
 * saw the version held here, the copy was read less than {@link #TRUSTED_FOR} ago, and no instance
 * has announced a change or end of the session since ({@link Announcements}, {@code NOTIFY} when the
 * change commits). An ended session therefore ends on the other instances as soon as they hear of it
 * (milliseconds), and at the latest {@link #TRUSTED_FOR} later if they could not.
 * Attributes are kept serialised (Java serialisation, as Spring Session stores them) and are
 * deserialised per request when read, so no two requests share an attribute object and nothing a
 * request changes in place reaches the store or another request unless it sets the attribute. The
 * one read by every request, the signed-in user's security context, is deserialised once per
 * version, and each request gets a context of its own around the (immutable) authentication.
 */
final class StoredSessions implements FindByIndexNameSessionRepository<StoredSessions.StoredSession> {

    /** How long the stored time of last access may lag behind the real one. */
    static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    /** How long a copy of a session read from the database serves without reading it again. */
    static final Duration TRUSTED_FOR = Duration.ofSeconds(5);

    /** The channel on which instances announce a session changed or ended (its id). */
    static final String CHANNEL = "mpem_sessions";

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    private static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration defaultMaxInactive;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;
    /** Serialised attributes by session id, with the version they belong to. */
    private final Cache<String, Stored> attributes;
    private final Announcements announcements;
    private final SessionVersionCookie cookie;
    /** Copies known current, by session id: what was read, when, and while which listener heard announcements. */
    private final Cache<String, Trusted> trusted;
    /** How many announcements this instance has heard, in stripes by session id. */
    private final AtomicLongArray heard = new AtomicLongArray(64);

    StoredSessions(JdbcClient jdbc, TransactionOperations transactions, Duration defaultMaxInactive, Clock clock,
            ClassLoader classLoader, long cachedSessions) {
        this(jdbc, transactions, defaultMaxInactive, clock, classLoader, cachedSessions, Announcements.NONE,
                new SessionVersionCookie());
    }

    StoredSessions(JdbcClient jdbc, TransactionOperations transactions, Duration defaultMaxInactive, Clock clock,
            ClassLoader classLoader, long cachedSessions, Announcements announcements, SessionVersionCookie cookie) {
        this.announcements = announcements;
        this.cookie = cookie;
        this.trusted = Caffeine.newBuilder().maximumSize(cachedSessions).expireAfterWrite(TRUSTED_FOR).build();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.defaultMaxInactive = defaultMaxInactive;
        this.clock = clock;
        this.deserializer = new DeserializingConverter(classLoader);
        this.attributes = Caffeine.newBuilder().maximumSize(cachedSessions)
                .expireAfterAccess(defaultMaxInactive.isNegative() ? Duration.ofDays(1) : defaultMaxInactive)
                .build();
    }

    @Override
    public StoredSession createSession() {
        Instant now = clock.instant();
        return new StoredSession(newId(), now, now, defaultMaxInactive, 0);
    }

    /** The session of the request on this thread (Spring Session's filter asks for it). */
    @Override
    public StoredSession findById(String id) {
        return find(id, true);
    }

    /**
     * A session; {@code requested} when it is the one the request on this thread came with, whose
     * browser is then told the version read when its cookie named another.
     */
    private StoredSession find(String id, boolean requested) {
        if (id == null || id.length() > 64) {
            return null;
        }
        long hearing = announcements.hearing();
        if (hearing != 0 && requested) {
            StoredSession known = fromTrustedCopy(id, hearing);
            if (known != null) {
                return known;
            }
        }
        long heardBefore = heard.get(stripe(id));
        long readAt = clock.millis();
        Head head = jdbc.sql("""
                select version, creation_time, last_access_time, max_inactive_interval
                from web_sessions where session_id = ?""")
                .param(id)
                .query((rs, row) -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .optional().orElse(null);
        if (head == null) {
            attributes.invalidate(id);
            return null;
        }
        StoredSession session = sessionOf(id, head);
        if (session.isExpired()) {
            deleteById(id);
            return null;
        }
        Stored stored = attributes.getIfPresent(id);
        if (stored == null || stored.version() != head.version()) {
            stored = jdbc.sql("select version, attributes from web_sessions where session_id = ?").param(id)
                    .query((rs, row) -> stored(rs.getLong(1), decode(rs.getBytes(2))))
                    .optional().orElse(null);
            if (stored == null) {
                attributes.invalidate(id);
                return null;
            }
            attributes.put(id, stored);
        }
        if (!readable(stored)) {
            // Written by an earlier version of the portal whose classes changed: the session cannot
            // be used; its user signs in again.
            log.info("Ended a session whose signed-in user could not be read (stored by an earlier version)");
            deleteById(id);
            return null;
        }
        session.load(stored);
        if (hearing != 0) {
            trust(id, head, readAt, hearing, heardBefore);
            if (requested && cookie.requested() != head.version()) {
                cookie.changed(head.version());
            }
        }
        return session;
    }

    private StoredSession sessionOf(String id, Head head) {
        return new StoredSession(id, Instant.ofEpochMilli(head.created()), Instant.ofEpochMilli(head.lastAccess()),
                Duration.ofSeconds(head.maxInactive()), head.version());
    }

    /** The session from this instance's copy when that is known current (see the class comment), else null. */
    private StoredSession fromTrustedCopy(String id, long hearing) {
        Trusted copy = trusted.getIfPresent(id);
        if (copy == null || copy.hearing() != hearing || copy.head().version() != cookie.requested()
                || clock.millis() - copy.readAt() >= TRUSTED_FOR.toMillis()) {
            return null;
        }
        Stored stored = attributes.getIfPresent(id);
        if (stored == null || stored.version() != copy.head().version()) {
            return null;
        }
        StoredSession session = sessionOf(id, copy.head());
        if (session.isExpired()) {
            return null;
        }
        session.load(stored);
        return session;
    }

    /**
     * Remembers a copy read while {@code hearing} listened, unless an announcement was heard since
     * the read began (it may have been about this session, and have come before this copy).
     */
    private void trust(String id, Head head, long readAt, long hearing, long heardBefore) {
        trusted.put(id, new Trusted(head, readAt, hearing));
        if (heard.get(stripe(id)) != heardBefore) {
            trusted.invalidate(id);
        }
    }

    /** Another instance (or this one) changed or ended the session: the copy here is no longer known current. */
    void announced(String id) {
        heard.incrementAndGet(stripe(id));
        trusted.invalidate(id);
    }

    private int stripe(String id) {
        return (id.hashCode() & Integer.MAX_VALUE) % heard.length();
    }

    /** Whether the session's security context (read by every request) can be deserialised; memoised per version. */
    private boolean readable(Stored stored) {
        byte[] bytes = stored.values().get(SECURITY_CONTEXT);
        if (bytes == null || stored.context().get() != null) {
            return true;
        }
        try {
            if (deserialize(bytes) instanceof SecurityContext context) {
                stored.context().compareAndSet(null, context);
                return true;
            }
            return false;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void save(StoredSession session) {
        if (session.storedId == null) {
            insert(session);
        }
        else if (!session.changed.isEmpty() || !session.id.equals(session.storedId)
                || !session.maxInactive.equals(session.storedMaxInactive)) {
            Stored saved = transactions.execute(status -> update(session));
            String previousId = session.storedId;
            if (saved == null) {
                // Ended meanwhile (signed out elsewhere, the account changed): it stays ended.
                attributes.invalidate(previousId);
                return;
            }
            // Only once committed does this instance hold the new version.
            trusted.invalidate(previousId);
            if (!session.id.equals(previousId)) {
                attributes.invalidate(previousId);
            }
            attributes.put(session.id, saved);
            session.stored(saved);
            tellBrowser(saved.version());
        }
        else if (!session.lastAccessed.isBefore(session.storedLastAccessed.plus(ACCESS_WRITE_INTERVAL))) {
            jdbc.sql("update web_sessions set last_access_time = ?, expiry_time = ? where session_id = ?")
                    .params(session.lastAccessed.toEpochMilli(), expiry(session), session.id).update();
            session.storedLastAccessed = session.lastAccessed;
            long lastAccess = session.lastAccessed.toEpochMilli();
            trusted.asMap().computeIfPresent(session.id, (id, copy) -> copy.head().version() == session.stored.version()
                    ? new Trusted(copy.head().accessedAt(lastAccess), copy.readAt(), copy.hearing()) : copy);
        }
    }

    private void insert(StoredSession session) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        session.values.forEach((name, value) -> values.put(name, serialize(value)));
        jdbc.sql("""
                insert into web_sessions (session_id, version, creation_time, last_access_time,
                    max_inactive_interval, expiry_time, principal_name, attributes)
                values (?, 1, ?, ?, ?, ?, ?, ?)""")
                .params(session.id, session.created.toEpochMilli(), session.lastAccessed.toEpochMilli(),
                        (int) session.maxInactive.toSeconds(), expiry(session), principalName(session),
                        encode(values))
                .update();
        Stored stored = stored(1, values);
        attributes.put(session.id, stored);
        session.stored(stored);
        tellBrowser(1);
    }

    /**
     * Merges the attributes this request changed into those stored now (another request may have
     * changed others); null when the session is no longer stored.
     */
    private Stored update(StoredSession session) {
        Stored current = jdbc.sql("select version, attributes from web_sessions where session_id = ? for update")
                .param(session.storedId)
                .query((rs, row) -> stored(rs.getLong(1), decode(rs.getBytes(2))))
                .optional().orElse(null);
        if (current == null) {
            return null;
        }
        Map<String, byte[]> merged = new LinkedHashMap<>(current.values());
        for (String name : session.changed) {
            Object value = session.values.get(name);
            if (value == null) {
                merged.remove(name);
            }
            else {
                merged.put(name, serialize(value));
            }
        }
        long version = current.version() + 1;
        int updated = jdbc.sql("""
                update web_sessions set session_id = ?, version = ?, last_access_time = ?,
                    max_inactive_interval = ?, expiry_time = ?, principal_name = ?, attributes = ?
                where session_id = ?""")
                .params(session.id, version, session.lastAccessed.toEpochMilli(), (int) session.maxInactive.toSeconds(),
                        expiry(session), principalName(merged), encode(merged), session.storedId)
                .update();
        if (updated != 1) {
            return null;
        }
        announcements.announce(session.storedId);
        return stored(version, merged);
    }

    /** Gives the request's browser the version it now has, where instances trust copies by it (PostgreSQL). */
    private void tellBrowser(long version) {
        if (announcements != Announcements.NONE) {
            cookie.changed(version);
        }
    }

    @Override
    public void deleteById(String id) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from web_sessions where session_id = ?").param(id).update();
            announcements.announce(id);
        });
        attributes.invalidate(id);
        trusted.invalidate(id);
    }

    /** Sessions by principal name (the only index there is), e.g. to end every session of an account. */
    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
            return Map.of();
        }
        List<String> ids = jdbc.sql("select session_id from web_sessions where principal_name = ?")
                .param(indexValue).query(String.class).list();
        Map<String, StoredSession> sessions = new HashMap<>();
        for (String id : ids) {
            StoredSession session = find(id, false);
            if (session != null) {
                sessions.put(id, session);
            }
        }
        return sessions;
    }

    /** Deletes the sessions whose time has run out. */
    int deleteExpired() {
        int deleted = jdbc.sql("delete from web_sessions where expiry_time < ?").param(clock.millis()).update();
        if (deleted > 0) {
            log.debug("Deleted {} expired session(s)", deleted);
        }
        return deleted;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static long expiry(StoredSession session) {
        return session.maxInactive.isNegative() ? Long.MAX_VALUE
                : session.lastAccessed.plus(session.maxInactive).toEpochMilli();
    }

    private String principalName(StoredSession session) {
        Object value = session.values.get(PRINCIPAL_NAME_INDEX_NAME);
        if (value instanceof String name) {
            return name;
        }
        return session.values.get(SECURITY_CONTEXT) instanceof SecurityContext context ? nameOf(context) : null;
    }

    private String principalName(Map<String, byte[]> values) {
        try {
            byte[] name = values.get(PRINCIPAL_NAME_INDEX_NAME);
            if (name != null && deserialize(name) instanceof String text) {
                return text;
            }
            byte[] context = values.get(SECURITY_CONTEXT);
            return context != null && deserialize(context) instanceof SecurityContext security ? nameOf(security) : null;
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static String nameOf(SecurityContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private byte[] serialize(Object value) {
        return serializer.convert(value);
    }

    private Object deserialize(byte[] bytes) {
        return deserializer.convert(bytes);
    }

    /** The attributes as one value: a count, then each name and its serialised bytes. */
    static byte[] encode(Map<String, byte[]> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.size());
            for (var entry : values.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            Map<String, byte[]> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                values.put(name, value);
            }
            return Map.copyOf(values);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Head(long version, long created, long lastAccess, int maxInactive) {

        Head accessedAt(long time) {
            return new Head(version, created, time, maxInactive);
        }
    }

    /** A copy of a session's head read at {@code readAt} (this instance's clock) while {@code hearing} listened. */
    private record Trusted(Head head, long readAt, long hearing) {
    }

    /**
     * How instances tell each other that a session changed or ended, so that none keeps serving an
     * old copy: on PostgreSQL {@code NOTIFY}, heard by every instance; on the embedded database
     * there is one instance and nothing to tell ({@link #NONE}: every request reads its row).
     */
    interface Announcements {

        Announcements NONE = new Announcements() {
            @Override
            public long hearing() {
                return 0;
            }

            @Override
            public void announce(String sessionId) {
            }
        };

        /** A number that changes whenever announcements may have been missed; 0 while none are heard. */
        long hearing();

        /** Tells every instance (this one too), when the current transaction commits, that the session changed or ended. */
        void announce(String sessionId);
    }

    private Stored stored(long version, Map<String, byte[]> values) {
        return new Stored(version, Map.copyOf(values), new AtomicReference<>());
    }

    /**
     * A session's serialised attributes as stored in one version, and its security context once
     * deserialised.
     */
    private record Stored(long version, Map<String, byte[]> values, AtomicReference<SecurityContext> context) {

        static final Stored NONE = new Stored(0, Map.of(), new AtomicReference<>());
    }

    /** One request's view of a session: attributes deserialised when first read, changes remembered. */
    final class StoredSession implements Session {

        private String id;
        private final Instant created;
        private Instant lastAccessed;
        private Duration maxInactive;
        /** The id, version and figures the stored row has (null id: not stored yet). */
        private String storedId;
        private Instant storedLastAccessed;
        private Duration storedMaxInactive;
        private Stored stored = Stored.NONE;
        private final Map<String, Object> values = new HashMap<>();
        private final Set<String> changed = new HashSet<>();

        private StoredSession(String id, Instant created, Instant lastAccessed, Duration maxInactive, long version) {
            this.id = id;
            this.created = created;
            this.lastAccessed = lastAccessed;
            this.maxInactive = maxInactive;
            this.storedId = version == 0 ? null : id;
            this.storedLastAccessed = lastAccessed;
            this.storedMaxInactive = maxInactive;
        }

        private void load(Stored loaded) {
            this.stored = loaded;
        }

        private void stored(Stored saved) {
            this.storedId = id;
            this.stored = saved;
            this.storedLastAccessed = lastAccessed;
            this.storedMaxInactive = maxInactive;
            this.changed.clear();
        }

        /**
         * A context of this request's own around the authentication deserialised once for the
         * version. The authentication itself is shared by the session's requests on this instance,
         * as in a servlet container's own sessions: the portal never changes one in place (a
         * changed account gets a new one).
         */
        private Object securityContext(byte[] bytes) {
            SecurityContext shared = stored.context().get();
            if (shared == null) {
                Object value = deserialize(bytes);
                if (!(value instanceof SecurityContext context)) {
                    return value;
                }
                stored.context().compareAndSet(null, context);
                shared = context;
            }
            return new SecurityContextImpl(shared.getAuthentication());
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String changeSessionId() {
            this.id = newId();
            return id;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String name) {
            if (!values.containsKey(name) && !changed.contains(name)) {
                byte[] bytes = stored.values().get(name);
                if (bytes == null) {
                    return null;
                }
                Object value;
                try {
                    value = SECURITY_CONTEXT.equals(name) ? securityContext(bytes) : deserialize(bytes);
                }
                catch (RuntimeException e) {
                    // Stored by an earlier version whose classes changed: dropped, as if never set.
                    log.info("Dropped session attribute {} that could not be read", name);
                    changed.add(name);
                    return null;
                }
                values.put(name, value);
            }
            return (T) values.get(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            Set<String> names = new HashSet<>(stored.values().keySet());
            for (String name : changed) {
                if (values.get(name) == null) {
                    names.remove(name);
                }
                else {
                    names.add(name);
                }
            }
            return names;
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            values.put(name, value);
            changed.add(name);
        }

        @Override
        public void removeAttribute(String name) {
            if (values.remove(name) != null || changed.contains(name) || stored.values().containsKey(name)) {
                changed.add(name);
            }
        }

        @Override
        public Instant getCreationTime() {
            return created;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessed = lastAccessedTime;
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessed;
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            this.maxInactive = interval;
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return maxInactive;
        }

        @Override
        public boolean isExpired() {
            return !maxInactive.isNegative() && clock.instant().isAfter(lastAccessed.plus(maxInactive));
        }
    }
}
