package dev.mpem.portal.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security holds it. */
public record PortalUser(long id, String username, String displayName, Role role, String password, boolean enabled,
        boolean locked, int failedAttempts, String timeZone, boolean mustChangePassword)
        implements UserDetails, dev.mpem.portal.shared.Reader {

    /** The same person with another time zone (after they changed it), for the signed-in session. */
    PortalUser withTimeZone(String zone) {
        return new PortalUser(id, username, displayName, role, password, enabled, locked, failedAttempts, zone,
                mustChangePassword);
    }

    /** The same person once the one-time password is replaced. */
    PortalUser withPasswordChanged() {
        return new PortalUser(id, username, displayName, role, password, enabled, locked, failedAttempts, timeZone,
                false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "PortalUser[" + username + ", " + role + "]";
    }
}
