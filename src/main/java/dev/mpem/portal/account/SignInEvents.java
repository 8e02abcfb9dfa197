package dev.mpem.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.mpem.portal.shared.Text;

/**
 * Records sign-ins and refused sign-ins in the audit trail (counting and locking is done by
 * {@link PortalAuthenticationProvider}). Refusals are listed one by one only up to
 * {@value #LISTED_PER_MINUTE} a minute per account and per address; past that one line says so, and
 * the rest are not listed, so that nobody can flood the trail.
 */
@Component
class SignInEvents {

    static final int LISTED_PER_MINUTE = 5;

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountService accounts;
    private final Cache<String, AtomicInteger> refusalsThisMinute = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2)).maximumSize(50_000).build();

    SignInEvents(ApplicationEventPublisher events, Clock clock, AccountService accounts) {
        this.events = events;
        this.clock = clock;
        this.accounts = accounts;
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken) {
            return; // single sign-on: its refusals are recorded where they are decided (AccountService)
        }
        String typed = Text.abbreviate(Text.singleLine(Text.clean(event.getAuthentication().getName())), 100);
        String username = typed == null || typed.isBlank() ? "(blank)" : typed;
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        long minute = clock.millis() / 60_000;
        int forAccount = count("account|" + username.toLowerCase(java.util.Locale.ROOT) + "|" + minute);
        int fromAddress = count("address|" + address + "|" + minute);
        if (forAccount <= LISTED_PER_MINUTE && fromAddress <= LISTED_PER_MINUTE) {
            events.publishEvent(new AccountEvents.SignInRefused(username, why(event.getException()), address));
        }
        else if (forAccount == LISTED_PER_MINUTE + 1 || fromAddress == LISTED_PER_MINUTE + 1) {
            events.publishEvent(new AccountEvents.SignInRefusalsNotListed(username, LISTED_PER_MINUTE,
                    fromAddress > LISTED_PER_MINUTE ? address : null));
        }
    }

    /** Why a sign-in was refused. */
    private static AccountEvents.Refusal why(Exception refusal) {
        return switch (refusal.getClass().getSimpleName()) {
            case "BadCredentialsException" -> AccountEvents.Refusal.CREDENTIALS;
            case "DisabledException" -> AccountEvents.Refusal.DISABLED;
            case "LockedException" -> AccountEvents.Refusal.LOCKED;
            default -> AccountEvents.Refusal.UNCHECKED;
        };
    }

    private int count(String key) {
        return refusalsThisMinute.get(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @EventListener
    @Transactional
    public void onInteractiveSignIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordSignIn(event.getAuthentication().getName());
        events.publishEvent(new AccountEvents.SignedIn(event.getAuthentication().getName()));
    }
}
