package dev.mpem.portal.account;

import java.time.Instant;
import java.util.Set;

public record UserView(long id, String username, String displayName, Role role, boolean enabled, Instant lockedUntil,
        Set<Long> organisations, Instant createdAt, String email, boolean singleSignOn) {

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
