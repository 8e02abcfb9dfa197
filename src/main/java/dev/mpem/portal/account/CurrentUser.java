package dev.mpem.portal.account;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.mpem.portal.account.PortalUser;
import dev.mpem.portal.account.Role;

/** Who is making the current request. */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    public Optional<Authentication> authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication);
    }

    /** The signed-in username, or "system" for work nobody signed in asked for. */
    public String username() {
        return authentication().map(Authentication::getName).orElse(SYSTEM);
    }

    public String displayName() {
        return authentication().map(a -> a.getPrincipal() instanceof PortalUser user ? user.displayName() : a.getName())
                .orElse(SYSTEM);
    }

    public boolean has(Role role) {
        return authentication().map(a -> a.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals(role.authority()))).orElse(false);
    }

    /** Executives see only the organisations granted to them. */
    public boolean isExecutive() {
        return has(Role.EXECUTIVE) && !has(Role.ADMIN) && !has(Role.CONSULTANT);
    }
}
