package dev.mpem.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Secrets;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

/**
 * Personal API tokens. A token is {@value #PREFIX} and 256 random bits ({@link Secrets}); it is shown
 * once, when it is made, and only its SHA-256 is kept. A token acts as its owner, with the
 * owner's role and grants as they are at each use: it stops working when it expires, when it is
 * revoked and, at once, when its account is disabled.
 *
 * <p>Creating and revoking a token are recorded in the audit trail; so is every refused token, up to
 * {@value #LISTED_PER_MINUTE} a minute per address and owner (past that one line says so). Uses that succeed
 * are only counted, so that a busy script cannot flood the trail.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    static final String PREFIX = "mpem_";
    static final int MAX_NAME = 100;
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    /** The validities the account page offers. */
    static final List<Integer> OFFERED_DAYS = List.of(7, 30, 90, 180, 365);
    /** A person with this many tokens in use revokes one before making another. */
    static final int MAX_ACTIVE = 20;
    static final int LISTED_PER_MINUTE = 5;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<String, AtomicInteger> refusalsThisMinute = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2)).maximumSize(50_000).build();

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A token made just now: the token itself (shown this once) and how it is listed. */
    public record Created(String token, ApiTokenView view) {
    }

    /** A new token for {@code username}, named {@code name}, valid for {@code days} days (default 90). */
    @Transactional
    public Created create(String username, String name, Integer days) {
        UserAccount owner = owner(username);
        String named = Text.singleLine(name);
        List<FieldProblem> problems = new ArrayList<>();
        if (named == null) {
            problems.add(new FieldProblem("name", Words.say("token.name.required"), null));
        }
        else if (named.codePointCount(0, named.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", Words.say("token.name.long", MAX_NAME), named));
        }
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            problems.add(new FieldProblem("expiresInDays", Words.say("token.days.range", MAX_DAYS), days));
        }
        Instant now = clock.instant();
        if (problems.isEmpty() && tokens.countActive(owner.id(), now) >= MAX_ACTIVE) {
            problems.add(new FieldProblem("name", Words.say("token.tooMany", MAX_ACTIVE), null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String token = PREFIX + Secrets.newToken();
        ApiToken saved = tokens.saveAndFlush(new ApiToken(owner.id(), named, hash(token),
                token.substring(0, PREFIX.length() + 4), now, now.plus(Duration.ofDays(validity))));
        events.publishEvent(new AccountEvents.ApiTokenCreated(owner.username(), named, validity));
        return new Created(token, saved.view(now));
    }

    /** The person's tokens, newest first, in use or not. */
    public List<ApiTokenView> of(String username) {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(owner(username).id()).stream()
                .map(token -> token.view(now)).toList();
    }

    /** Revokes one of the person's own tokens (revoking it again changes nothing). */
    @Transactional
    public ApiTokenView revoke(String username, long tokenId) {
        UserAccount owner = owner(username);
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == owner.id())
                .orElseThrow(TokenNotFoundException::new);
        Instant now = clock.instant();
        if (token.revoke(username, now)) {
            events.publishEvent(new AccountEvents.ApiTokenRevoked(owner.username(), token.name()));
        }
        return token.view(now);
    }

    /** An account's tokens, newest first, for the admin's page of that account. */
    public List<ApiTokenView> ofAccount(long userId) {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(userId).stream().map(token -> token.view(now)).toList();
    }

    /** An admin revokes one of an account's tokens (revoking it again changes nothing). */
    @Transactional
    public ApiTokenView revokeAsAdmin(long userId, long tokenId, String admin) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == userId)
                .orElseThrow(TokenNotFoundException::new);
        Instant now = clock.instant();
        if (token.revoke(admin, now)) {
            String owner = users.findById(userId).map(UserAccount::username).orElse("?");
            events.publishEvent(new AccountEvents.ApiTokenRevokedByAdmin(owner, token.name()));
        }
        return token.view(now);
    }

    /**
     * What a presented token is worth: the person it acts for, or none; {@code known} says whether it
     * is a token the portal made (expired, revoked or of a disabled account) rather than a guess.
     */
    public record Check(Optional<PortalUser> user, boolean known) {
    }

    /**
     * The person a presented token acts for, counting the use; none (and recorded) when the token is
     * unknown, expired, revoked, or its account is disabled. {@code address} is the caller's.
     */
    @Transactional
    public Check authenticate(String presented, String address) {
        Instant now = clock.instant();
        Optional<ApiToken> found = presented == null || presented.length() > 200 || !presented.startsWith(PREFIX)
                ? Optional.empty() : tokens.findByTokenHash(hash(presented));
        if (found.isEmpty()) {
            refused(null, AccountEvents.TokenRefusal.UNKNOWN, address);
            return new Check(Optional.empty(), false);
        }
        ApiToken token = found.get();
        UserAccount owner = users.findById(token.userId()).orElseThrow();
        if (!token.usableAt(now)) {
            refused(owner.username(), token.view(now).status() == ApiTokenView.Status.REVOKED
                    ? AccountEvents.TokenRefusal.REVOKED : AccountEvents.TokenRefusal.EXPIRED, address);
            return new Check(Optional.empty(), true);
        }
        if (!owner.enabled()) {
            refused(owner.username(), AccountEvents.TokenRefusal.DISABLED, address);
            return new Check(Optional.empty(), true);
        }
        tokens.recordUse(token.id(), now);
        return new Check(Optional.of(PortalUserDetailsService.principal(owner, now)), true);
    }

    private void refused(String username, AccountEvents.TokenRefusal why, String address) {
        long minute = clock.millis() / 60_000;
        // Counted per address and owner: unknown tokens from one address share one count; a known
        // token's refusals (expired, revoked, disabled) are its owner's, and only its holder sends them.
        int fromAddress = refusalsThisMinute.get(address + "|" + username + "|" + minute, k -> new AtomicInteger())
                .incrementAndGet();
        if (fromAddress <= LISTED_PER_MINUTE) {
            events.publishEvent(new AccountEvents.ApiTokenRefused(username, why, address));
        }
        else if (fromAddress == LISTED_PER_MINUTE + 1) {
            events.publishEvent(new AccountEvents.ApiTokenRefusalsNotListed(LISTED_PER_MINUTE, address));
        }
    }

    private UserAccount owner(String username) {
        return users.findByUsername(UserAccount.normalise(username)).orElseThrow(TokenNotFoundException::new);
    }

    static String hash(String token) {
        return Secrets.hash(token);
    }

    /** No such token among the person's own. */
    public static class TokenNotFoundException extends NotFoundException {

        TokenNotFoundException() {
            super(Words.say("token.notFound"), "id");
        }
    }
}
