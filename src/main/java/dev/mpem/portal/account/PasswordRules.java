package dev.mpem.portal.account;

import java.util.Optional;

/** What makes a password acceptable. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters; this one has "
                    + password.length() + ".");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password can be at most " + MAX_LENGTH + " characters.");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("The password must not be the username.");
        }
        return Optional.empty();
    }
}
