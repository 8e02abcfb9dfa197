package dev.mpem.portal.account;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a sign-in attempt before its password is checked, each in a transaction of its own that
 * commits at once: parallel attempts each get their own number, and no more attempts are checked at
 * once than failures are left before the lock. So parallel guesses gain nothing over sequential ones,
 * while a burst of right passwords (a script calling the API in parallel) is only held back briefly.
 */
@Component
class SignInAttempts {

    private final UserAccountRepository users;
    private final Clock clock;

    SignInAttempts(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** This attempt's number in the current run of unproven attempts (1 for the first). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int reserve(String username) {
        users.reserveAttempt(username);
        return users.attemptsOf(username).orElse(0);
    }

    /** An attempt counted but not checked (it will try again, or gives up). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String username) {
        users.releaseAttempt(username);
    }

    @Transactional(readOnly = true)
    public boolean locked(String username) {
        return users.lockedUntilOf(username).map(until -> until.isAfter(clock.instant())).orElse(false);
    }

    /** Past the limit: the account is locked for the lock period, and the count starts again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean lockIfOverLimit(String username) {
        return users.lockIfOverLimit(username, UserAccount.MAX_FAILED_SIGN_INS,
                clock.instant().plus(UserAccount.LOCK_DURATION)) > 0;
    }

    /** The password was right: the run of failures ends. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        users.resetFailures(username);
    }
}
