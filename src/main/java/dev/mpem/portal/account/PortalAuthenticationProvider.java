package dev.mpem.portal.account;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;


/**
 * Sign-in with the portal's accounts (the sign-in page and HTTP Basic alike). Each attempt is counted
 * before its password is checked, and failures lock the account (see {@link SignInAttempts}).
 */
@Component
class PortalAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInAttempts attempts;

    PortalAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder passwordEncoder,
            SignInAttempts attempts) {
        super(users);
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        String username = user.getUsername();
        attempts.enter(username);
        try {
            super.additionalAuthenticationChecks(user, authentication);
        }
        catch (BadCredentialsException wrong) {
            attempts.failed(username, AccountEvents.Where.SIGN_IN);
            throw wrong;
        }
        attempts.succeeded(username);
    }
}
