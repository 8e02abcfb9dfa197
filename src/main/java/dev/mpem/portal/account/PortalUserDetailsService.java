package dev.mpem.portal.account;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final Clock clock;

    PortalUserDetailsService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(UserAccount.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return principal(account, clock.instant());
    }

    /** The account as Spring Security holds a signed-in person, at {@code now} (locked or not). */
    static PortalUser principal(UserAccount account, java.time.Instant now) {
        return new PortalUser(account.id(), account.username(), account.displayName(), account.role(),
                account.passwordHash(), account.enabled(), account.lockedAt(now), account.failedAttempts(),
                account.timeZone(), account.mustChangePassword());
    }
}
