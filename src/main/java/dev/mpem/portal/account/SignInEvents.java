package dev.mpem.portal.account;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditService;

/**
 * Counts failed sign-ins (page and HTTP Basic alike) and locks an account for 15 minutes after 5 in
 * a row; records sign-ins and failures in the audit trail.
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final UserAccountRepository users;
    private final AuditService audit;
    private final Clock clock;
    private final AccountService accounts;

    SignInEvents(UserAccountRepository users, AuditService audit, Clock clock, AccountService accounts) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = UserAccount.normalise(event.getAuthentication().getName());
        if (username == null || username.isEmpty()) {
            return;
        }
        if (users.countFailure(username) > 0
                && users.lockIfOverLimit(username, UserAccount.MAX_FAILED_SIGN_INS,
                        clock.instant().plus(UserAccount.LOCK_DURATION)) > 0) {
            log.warn("Account {} locked for {} minutes after {} failed sign-ins", username,
                    UserAccount.LOCK_DURATION.toMinutes(), UserAccount.MAX_FAILED_SIGN_INS);
            audit.recordAs(username, AuditAction.ACCOUNT_LOCKED, null, null, "Locked for 15 minutes after "
                    + UserAccount.MAX_FAILED_SIGN_INS + " failed sign-ins.");
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        audit.recordAs(username.isBlank() ? "(blank)" : username, AuditAction.SIGN_IN_FAILED, null, null,
                "Sign-in refused (" + event.getException().getClass().getSimpleName() + ").");
    }

    /** Any success ends a run of failures. HTTP Basic succeeds on every API call, so only reset when needed. */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user && user.failedAttempts() > 0) {
            users.resetFailures(user.username());
        }
    }

    @EventListener
    @Transactional
    public void onInteractiveSignIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordSignIn(event.getAuthentication().getName());
        audit.recordAs(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null, "Signed in.");
    }
}
