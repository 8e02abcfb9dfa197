package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.security.StoredSessions.StoredSession;
import dev.mpem.portal.support.PortalTest;

/**
 * The session store as two instances see it: each with its own memory, both on the one database.
 * What one instance stores, the other reads at its next request; a request that changes nothing
 * writes nothing (but the time of last access once a minute); changes of two requests at once are
 * both kept.
 */
@PortalTest
class StoredSessionsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    final MovableClock clock = new MovableClock();
    StoredSessions one;
    StoredSessions two;

    @BeforeEach
    void twoInstances() {
        one = store();
        two = store();
    }

    StoredSessions store() {
        return new StoredSessions(jdbc, new TransactionTemplate(transactionManager), Duration.ofMinutes(60), clock,
                getClass().getClassLoader(), 100);
    }

    StoredSession signedIn(StoredSessions store, String username) {
        StoredSession session = store.createSession();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_CONSULTANT"));
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(authentication));
        session.setAttribute("flash", new ArrayList<>(List.of("Saved.")));
        store.save(session);
        return session;
    }

    long storedLastAccess(String id) {
        return jdbc.sql("select last_access_time from web_sessions where session_id = ?").param(id)
                .query(Long.class).single();
    }

    @Test
    void aSessionStoredByOneInstanceIsReadByTheOtherWithItsAttributes() {
        StoredSession stored = signedIn(one, "ada.session");

        StoredSession read = two.findById(stored.getId());

        assertThat(read).isNotNull();
        SecurityContextImpl context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("ada.session");
        assertThat(read.<List<String>>getAttribute("flash")).containsExactly("Saved.");
        assertThat(read.getAttributeNames()).containsExactlyInAnyOrder("SPRING_SECURITY_CONTEXT", "flash");
        assertThat(two.findByPrincipalName("ada.session")).containsOnlyKeys(stored.getId());
    }

    @Test
    void aChangeOnOneInstanceIsSeenByTheOtherAtItsNextRead() {
        StoredSession stored = signedIn(one, "ben.session");
        assertThat(two.findById(stored.getId()).<List<String>>getAttribute("flash")).containsExactly("Saved.");

        StoredSession onOne = one.findById(stored.getId());
        onOne.setAttribute("flash", new ArrayList<>(List.of("Deleted.")));
        one.save(onOne);

        assertThat(two.findById(stored.getId()).<List<String>>getAttribute("flash")).containsExactly("Deleted.");
        StoredSession again = one.findById(stored.getId());
        again.removeAttribute("flash");
        one.save(again);
        StoredSession onTwo = two.findById(stored.getId());
        assertThat(onTwo.<Object>getAttribute("flash")).isNull();
        assertThat(onTwo.getAttributeNames()).containsExactly("SPRING_SECURITY_CONTEXT");
    }

    @Test
    void aRequestThatChangesNothingWritesOnlyTheTimeOfLastAccessAndThatOnceAMinute() {
        StoredSession stored = signedIn(one, "cleo.session");
        long signedInAt = storedLastAccess(stored.getId());

        clock.move(Duration.ofSeconds(50));
        StoredSession read = one.findById(stored.getId());
        read.setLastAccessedTime(clock.instant());
        one.save(read);
        assertThat(storedLastAccess(stored.getId())).isEqualTo(signedInAt);

        clock.move(Duration.ofSeconds(15));
        read = two.findById(stored.getId());
        read.setLastAccessedTime(clock.instant());
        two.save(read);
        assertThat(storedLastAccess(stored.getId())).isEqualTo(clock.millis());
        assertThat(jdbc.sql("select expiry_time from web_sessions where session_id = ?").param(stored.getId())
                .query(Long.class).single()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)).toEpochMilli());
    }

    @Test
    void twoRequestsChangingDifferentAttributesAtOnceKeepBoth() {
        StoredSession stored = signedIn(one, "dan.session");
        StoredSession first = one.findById(stored.getId());
        StoredSession second = two.findById(stored.getId());

        first.setAttribute("a", "from the first");
        second.setAttribute("b", "from the second");
        one.save(first);
        two.save(second);

        StoredSession read = one.findById(stored.getId());
        assertThat(read.<String>getAttribute("a")).isEqualTo("from the first");
        assertThat(read.<String>getAttribute("b")).isEqualTo("from the second");
        assertThat(read.<List<String>>getAttribute("flash")).containsExactly("Saved.");
    }

    @Test
    void requestsDoNotShareAttributeObjects() {
        StoredSession stored = signedIn(one, "eve.session");
        StoredSession first = one.findById(stored.getId());
        StoredSession second = one.findById(stored.getId());

        List<String> flash = first.getAttribute("flash");
        flash.add("changed in place, never set");

        assertThat(second.<List<String>>getAttribute("flash")).containsExactly("Saved.");
        assertThat(one.findById(stored.getId()).<List<String>>getAttribute("flash")).containsExactly("Saved.");
        SecurityContextImpl firstContext = first.getAttribute("SPRING_SECURITY_CONTEXT");
        SecurityContextImpl secondContext = second.getAttribute("SPRING_SECURITY_CONTEXT");
        firstContext.setAuthentication(null);
        assertThat(secondContext).isNotSameAs(firstContext);
        assertThat(secondContext.getAuthentication().getName()).isEqualTo("eve.session");
        assertThat(one.findById(stored.getId()).<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT")
                .getAuthentication().getName()).isEqualTo("eve.session");
    }

    @Test
    void anEndedSessionIsGoneOnEveryInstance() {
        StoredSession stored = signedIn(one, "fay.session");
        assertThat(two.findById(stored.getId())).isNotNull();

        one.deleteById(stored.getId());

        assertThat(two.findById(stored.getId())).isNull();
        assertThat(two.findByIndexNameAndIndexValue(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                "fay.session")).isEmpty();
    }

    @Test
    void aNewIdLeavesNothingUnderTheOldOne() {
        StoredSession stored = signedIn(one, "gus.session");
        String before = stored.getId();
        StoredSession read = two.findById(before);

        String after = read.changeSessionId();
        two.save(read);

        assertThat(after).isNotEqualTo(before);
        assertThat(one.findById(before)).isNull();
        assertThat(one.findById(after).<List<String>>getAttribute("flash")).containsExactly("Saved.");
    }

    @Test
    void aSessionEndsAfterAnHourWithoutARequest() {
        StoredSession stored = signedIn(one, "hal.session");

        clock.move(Duration.ofMinutes(59));
        assertThat(two.findById(stored.getId())).isNotNull();
        clock.move(Duration.ofMinutes(2));

        assertThat(two.findById(stored.getId())).isNull();
        StoredSession other = signedIn(one, "ida.session");
        clock.move(Duration.ofMinutes(61));
        assertThat(one.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from web_sessions where session_id = ?").param(other.getId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSessionWhoseSignedInUserCannotBeReadIsEndedAndAnUnreadableAttributeIsDropped() {
        StoredSession stored = signedIn(one, "jo.session");
        byte[] garbage = { (byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72, 0, 3, 'N', 'o', 'X' };
        jdbc.sql("update web_sessions set attributes = ?, version = version + 1 where session_id = ?")
                .params(StoredSessions.encode(java.util.Map.of("SPRING_SECURITY_CONTEXT", garbage)), stored.getId())
                .update();

        assertThat(two.findById(stored.getId())).isNull();
        assertThat(jdbc.sql("select count(*) from web_sessions where session_id = ?").param(stored.getId())
                .query(Integer.class).single()).isZero();

        StoredSession other = signedIn(one, "kim.session");
        StoredSession read = two.findById(other.getId());
        byte[] context = jdbc.sql("select attributes from web_sessions where session_id = ?").param(other.getId())
                .query((rs, row) -> StoredSessions.decode(rs.getBytes(1)).get("SPRING_SECURITY_CONTEXT")).single();
        jdbc.sql("update web_sessions set attributes = ?, version = version + 1 where session_id = ?")
                .params(StoredSessions.encode(java.util.Map.of("SPRING_SECURITY_CONTEXT", context, "flash", garbage)),
                        other.getId())
                .update();
        read = two.findById(other.getId());
        assertThat(read.<Object>getAttribute("flash")).isNull();
        assertThat(read.<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication().getName())
                .isEqualTo("kim.session");
    }

    @Test
    void removingAnAttributeThatIsNotThereWritesNothing() {
        StoredSession stored = signedIn(one, "lee.session");
        long version = jdbc.sql("select version from web_sessions where session_id = ?").param(stored.getId())
                .query(Long.class).single();

        StoredSession read = one.findById(stored.getId());
        read.removeAttribute("never-set");
        one.save(read);

        assertThat(jdbc.sql("select version from web_sessions where session_id = ?").param(stored.getId())
                .query(Long.class).single()).isEqualTo(version);
    }

    @Test
    void springMvcKeepsItsFlashMessagesInTheBoundedManager(
            @Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBean(org.springframework.web.servlet.DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME))
                .isInstanceOf(SessionStoreConfiguration.BoundedFlashMaps.class);
    }

    @Test
    void anUnknownOrOverlongIdIsNoSession() {
        assertThat(one.findById("no-such-session")).isNull();
        assertThat(one.findById("x".repeat(65))).isNull();
    }

    /**
     * Instances that announce changes to each other (as NOTIFY does on PostgreSQL): once its
     * transaction commits, every store hears of it, the one that made it too.
     */
    static final class Announced implements StoredSessions.Announcements {

        long hearing = 1;
        final List<StoredSessions> stores = new ArrayList<>();

        @Override
        public long hearing() {
            return hearing;
        }

        @Override
        public void announce(String sessionId) {
            Runnable tell = () -> stores.forEach(store -> store.announced(sessionId));
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                tell.run();
                            }
                        });
            }
            else {
                tell.run();
            }
        }
    }

    final Announced announced = new Announced();
    final SessionVersionCookie cookie = new SessionVersionCookie();

    /** A store of an instance that hears {@link #announced} and reads {@link #cookie}. */
    StoredSessions announcing() {
        StoredSessions store = new StoredSessions(jdbc, new TransactionTemplate(transactionManager),
                Duration.ofMinutes(60), clock, getClass().getClassLoader(), 100, announced, cookie);
        announced.stores.add(store);
        return store;
    }

    StoredSession as(SessionVersionCookie cookie, long version, java.util.function.Supplier<StoredSession> read) {
        StoredSession[] found = new StoredSession[1];
        cookie.during(version, () -> found[0] = read.get());
        return found[0];
    }

    long storedVersion(String id) {
        return jdbc.sql("select version from web_sessions where session_id = ?").param(id).query(Long.class).single();
    }

    /**
     * Reads the session as a browser at its stored version would, then deletes its row behind the
     * store's back (no instance does that without announcing it): what the store serves after that
     * came from memory. Returns the version.
     */
    long readThenDeletedUnannounced(StoredSessions store, SessionVersionCookie cookie, StoredSession session) {
        long version = storedVersion(session.getId());
        assertThat(as(cookie, version, () -> store.findById(session.getId()))).isNotNull();
        jdbc.sql("delete from web_sessions where session_id = ?").param(session.getId()).update();
        return version;
    }

    /**
     * A request whose browser last saw the version this instance holds, read a moment ago, is served
     * from memory: the row is not read (shown here by deleting it behind the store's back, which no
     * instance would do without announcing it). Without the cookie, with another version, or once
     * the copy is {@link StoredSessions#TRUSTED_FOR} old, the row is read.
     */
    @Test
    void aCopyKnownCurrentServesWithoutReadingTheRow() {
        StoredSessions first = announcing();
        StoredSession stored = signedIn(first, "max.session");
        long version = readThenDeletedUnannounced(first, cookie, stored);

        StoredSession fromMemory = as(cookie, version, () -> first.findById(stored.getId()));
        assertThat(fromMemory).as("served from the copy known current").isNotNull();
        assertThat(fromMemory.<SecurityContextImpl>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication().getName())
                .isEqualTo("max.session");
        assertThat(fromMemory.<List<String>>getAttribute("flash")).containsExactly("Saved.");
        assertThat(as(cookie, version + 1, () -> first.findById(stored.getId()))).as("a newer version in the cookie")
                .isNull();

        StoredSession again = signedIn(first, "max.session");
        readThenDeletedUnannounced(first, cookie, again);
        assertThat(as(cookie, -1, () -> first.findById(again.getId()))).as("no cookie").isNull();

        StoredSession third = signedIn(first, "max.session");
        long thirdVersion = readThenDeletedUnannounced(first, cookie, third);
        clock.move(StoredSessions.TRUSTED_FOR.minusMillis(1));
        assertThat(as(cookie, thirdVersion, () -> first.findById(third.getId()))).isNotNull();
        clock.move(Duration.ofMillis(1));
        assertThat(as(cookie, thirdVersion, () -> first.findById(third.getId()))).as("the copy is too old").isNull();
    }

    /** A change or an end announced by any instance makes every other instance read the row again. */
    @Test
    void aChangeOrAnEndAnnouncedByOneInstanceIsSeenByTheOther() {
        StoredSessions first = announcing();
        StoredSessions second = announcing();
        StoredSession stored = signedIn(first, "ned.session");
        long version = storedVersion(stored.getId());
        assertThat(as(cookie, version, () -> second.findById(stored.getId()))).isNotNull();

        StoredSession onFirst = as(cookie, version, () -> first.findById(stored.getId()));
        onFirst.setAttribute("flash", new ArrayList<>(List.of("Deleted.")));
        first.save(onFirst);

        assertThat(storedVersion(stored.getId())).isEqualTo(version + 1);
        assertThat(as(cookie, version, () -> second.findById(stored.getId())).<List<String>>getAttribute("flash"))
                .as("read again, though the cookie is older").containsExactly("Deleted.");
        assertThat(as(cookie, version + 1, () -> second.findById(stored.getId())).<List<String>>getAttribute("flash"))
                .containsExactly("Deleted.");

        first.deleteById(stored.getId());

        assertThat(as(cookie, version + 1, () -> second.findById(stored.getId()))).as("ended on the other").isNull();
    }

    /** While announcements may have been missed (nothing listening, or a new listener since the copy was read), rows are read. */
    @Test
    void noCopyIsTrustedWhenAnnouncementsMayHaveBeenMissed() {
        StoredSessions first = announcing();
        StoredSession stored = signedIn(first, "oli.session");
        long version = readThenDeletedUnannounced(first, cookie, stored);

        announced.hearing = 2;
        assertThat(as(cookie, version, () -> first.findById(stored.getId()))).as("listening anew").isNull();

        StoredSession other = signedIn(first, "oli.session");
        announced.hearing = 0;
        long otherVersion = readThenDeletedUnannounced(first, cookie, other);
        assertThat(as(cookie, otherVersion, () -> first.findById(other.getId()))).as("not listening").isNull();
    }

    /** A clock the test moves forward (sessions are written in wall-clock milliseconds). */
    static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
