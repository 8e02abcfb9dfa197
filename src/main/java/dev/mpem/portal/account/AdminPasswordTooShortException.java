package dev.mpem.portal.account;

/** PORTAL_ADMIN_PASSWORD is set but too short: the portal stops with one clear line, not a stack trace. */
class AdminPasswordTooShortException extends RuntimeException {

    AdminPasswordTooShortException(int length) {
        super(FirstAdmin.PASSWORD_VARIABLE + " has " + length + (length == 1 ? " character" : " characters")
                + "; it needs at least " + PasswordRules.MIN_LENGTH + ". Set a longer passphrase, or unset it to get a"
                + " one-time password in the log. The portal did not start.");
    }
}
