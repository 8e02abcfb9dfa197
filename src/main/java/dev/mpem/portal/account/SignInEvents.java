package dev.mpem.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditService;
import dev.mpem.portal.system.Text;

/**
 * Records sign-ins and refused sign-ins in the audit trail (counting and locking is done by
 * {@link PortalAuthenticationProvider}). Refusals are listed one by one only up to
 * {@value #LISTED_PER_MINUTE} a minute per account and per address; past that one line says so, and
 * the rest are not listed, so that nobody can flood the trail.
 */
@Component
class SignInEvents {

    static final int LISTED_PER_MINUTE = 5;

    private final AuditService audit;
    private final Clock clock;
    private final AccountService accounts;
    private final Cache<String, AtomicInteger> refusalsThisMinute = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2)).maximumSize(50_000).build();

    SignInEvents(AuditService audit, Clock clock, AccountService accounts) {
        this.audit = audit;
        this.clock = clock;
        this.accounts = accounts;
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String typed = Text.abbreviate(Text.singleLine(Text.clean(event.getAuthentication().getName())), 100);
        String username = typed == null || typed.isBlank() ? "(blank)" : typed;
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown address";
        long minute = clock.millis() / 60_000;
        int forAccount = count("account|" + username.toLowerCase(java.util.Locale.ROOT) + "|" + minute);
        int fromAddress = count("address|" + address + "|" + minute);
        if (forAccount <= LISTED_PER_MINUTE && fromAddress <= LISTED_PER_MINUTE) {
            audit.recordAs(username, AuditAction.SIGN_IN_FAILED, null, null, "Sign-in refused ("
                    + why(event.getException()) + ") from " + address + ".");
        }
        else if (forAccount == LISTED_PER_MINUTE + 1 || fromAddress == LISTED_PER_MINUTE + 1) {
            audit.recordAs(username, AuditAction.SIGN_IN_FAILED, null, null, "More than " + LISTED_PER_MINUTE
                    + " sign-ins refused within a minute " + (fromAddress > LISTED_PER_MINUTE ? "from " + address
                            : "for this account") + "; the further ones of this minute are not listed.");
        }
    }

    /** Why a sign-in was refused, in words. */
    private static String why(Exception refusal) {
        return switch (refusal.getClass().getSimpleName()) {
            case "BadCredentialsException" -> "wrong username or password";
            case "DisabledException" -> "account disabled";
            case "LockedException" -> "account locked after failed sign-ins";
            default -> "could not be checked";
        };
    }

    private int count(String key) {
        return refusalsThisMinute.get(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @EventListener
    @Transactional
    public void onInteractiveSignIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordSignIn(event.getAuthentication().getName());
        audit.recordAs(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null, "Signed in.");
    }
}
