package dev.mpem.portal.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditService;

/**
 * Sign-in with the portal's accounts (the sign-in page and HTTP Basic alike). Each attempt is counted
 * before its password is checked (see {@link SignInAttempts}); one beyond the allowed run of failures
 * locks the account without a check.
 */
@Component
class PortalAuthenticationProvider extends DaoAuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PortalAuthenticationProvider.class);

    private final SignInAttempts attempts;
    private final AuditService audit;

    PortalAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder passwordEncoder,
            SignInAttempts attempts, AuditService audit) {
        super(users);
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
        this.audit = audit;
    }

    /**
     * Takes a place among the attempts being checked for this account. With every place taken (as many
     * as failures are left before the lock), waits briefly for one to end; a lock meanwhile refuses.
     */
    private void reserveOrWait(String username) {
        for (int tries = 0; ; tries++) {
            int number = attempts.reserve(username);
            if (attempts.locked(username)) {
                attempts.release(username);
                throw new LockedException("Locked after failed sign-ins");
            }
            if (number <= UserAccount.MAX_FAILED_SIGN_INS) {
                return;
            }
            attempts.release(username);
            if (tries >= WAIT_TRIES) {
                throw new LockedException("Too many sign-in attempts at once");
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

    private static final int WAIT_TRIES = 100;
    private static final long WAIT_MILLIS = 50;

    private void lockIfOverLimit(String username) {
        if (attempts.lockIfOverLimit(username)) {
            log.warn("Account {} locked for {} minutes after {} failed sign-ins", username,
                    UserAccount.LOCK_DURATION.toMinutes(), UserAccount.MAX_FAILED_SIGN_INS);
            audit.recordAs(username, AuditAction.ACCOUNT_LOCKED, null, null, "Locked for "
                    + UserAccount.LOCK_DURATION.toMinutes() + " minutes after " + UserAccount.MAX_FAILED_SIGN_INS
                    + " failed sign-ins.");
        }
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        String username = user.getUsername();
        reserveOrWait(username);
        try {
            super.additionalAuthenticationChecks(user, authentication);
        }
        catch (BadCredentialsException wrong) {
            lockIfOverLimit(username);
            throw wrong;
        }
        attempts.succeeded(username);
    }
}
