package dev.mpem.portal.account;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * The one place where password checks of an account are counted and the account locked, for the
 * sign-in page, HTTP Basic and the change-password page alike. Each attempt is counted before its
 * password is checked, in a transaction of its own that commits at once, so parallel attempts each
 * get their own number; no more are checked at once than failures are left before the lock. Parallel
 * guesses thus gain nothing over sequential ones, while a burst of right passwords (a script calling
 * the API in parallel) is only held back briefly.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);
    private static final int WAIT_TRIES = 100;
    private static final long WAIT_MILLIS = 50;

    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate fresh;

    SignInAttempts(UserAccountRepository users, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.fresh = new TransactionTemplate(transactionManager);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counted, and whether the account was locked at that moment. */
    private record Place(int number, boolean locked) {
    }

    /**
     * Takes a place among the password checks of this account. With every place taken (as many as
     * failures are left before the lock), waits briefly for one to end.
     *
     * @throws LockedException when the account is locked, or no place came free in five seconds
     */
    void enter(String username) {
        for (int tries = 0; ; tries++) {
            Place place = fresh.execute(status -> {
                users.reserveAttempt(username);
                return new Place(users.attemptsOf(username).orElse(0), users.lockedUntilOf(username)
                        .map(until -> until.isAfter(clock.instant())).orElse(false));
            });
            if (!place.locked() && place.number() <= UserAccount.MAX_FAILED_SIGN_INS) {
                return;
            }
            fresh.executeWithoutResult(status -> users.releaseAttempt(username));
            if (place.locked()) {
                throw new LockedException("Locked after failed sign-ins");
            }
            if (tries >= WAIT_TRIES) {
                throw new LockedException("Too many password checks at once");
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockedException("Interrupted while waiting to check the password");
            }
        }
    }

    /**
     * The password was wrong: the attempt stays counted. True when that made the run of failures
     * reach the limit: the account is then locked for the lock period (audited as happening {@code where}).
     */
    boolean failed(String username, AccountEvents.Where where) {
        Boolean locked = fresh.execute(status -> {
            boolean now = users.lockIfOverLimit(username, UserAccount.MAX_FAILED_SIGN_INS,
                    clock.instant().plus(UserAccount.LOCK_DURATION)) > 0;
            if (now) {
                events.publishEvent(new AccountEvents.AccountLocked(username, UserAccount.LOCK_DURATION.toMinutes(),
                        UserAccount.MAX_FAILED_SIGN_INS, where));
            }
            return now;
        });
        if (Boolean.TRUE.equals(locked)) {
            log.warn("Account {} locked for {} minutes after {} wrong passwords (at {})", username,
                    UserAccount.LOCK_DURATION.toMinutes(), UserAccount.MAX_FAILED_SIGN_INS, where);
        }
        return Boolean.TRUE.equals(locked);
    }

    /** The password was right: the run of failures ends. */
    void succeeded(String username) {
        fresh.executeWithoutResult(status -> users.resetFailures(username));
    }
}
