package dev.mpem.portal.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) creates the account {@code admin}, with the password in
 * the environment variable {@code PORTAL_ADMIN_PASSWORD}, or else a random one that is printed to
 * the log once. There is no default password anywhere.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String PASSWORD_VARIABLE = "PORTAL_ADMIN_PASSWORD";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final Environment environment;

    FirstAdmin(AccountService accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAccount()) {
            return;
        }
        String configured = environment.getProperty(PASSWORD_VARIABLE);
        boolean random = configured == null || configured.isBlank();
        String password = random ? randomPassword() : configured;
        if (!random && password.length() < PasswordRules.MIN_LENGTH) {
            throw new AdminPasswordTooShortException(password.length());
        }
        try {
            if (!accounts.createFirstAdmin(password, random)) {
                return;
            }
        }
        catch (DataIntegrityViolationException e) {
            log.info("Another instance created the first admin account at the same time.");
            return;
        }
        if (random) {
            log.warn("""

                    ************************************************************************
                    No account existed, so the account 'admin' was created with this
                    one-time password (it is not shown again):

                        {}

                    Sign in at /login: the portal then asks you to choose your own password.
                    To choose the first password yourself, set {} before the first start.
                    ************************************************************************""",
                    password, PASSWORD_VARIABLE);
        }
        else {
            log.warn("No account existed, so the account 'admin' was created with the password from {}.",
                    PASSWORD_VARIABLE);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
