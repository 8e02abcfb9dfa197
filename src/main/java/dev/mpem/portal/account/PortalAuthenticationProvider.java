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
        if (attempts.reserve(username) > UserAccount.MAX_FAILED_SIGN_INS) {
            lockIfOverLimit(username);
            throw new LockedException("Too many failed sign-ins");
        }
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
