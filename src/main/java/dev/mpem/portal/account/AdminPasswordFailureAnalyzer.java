package dev.mpem.portal.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a too short PORTAL_ADMIN_PASSWORD into Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordTooShortException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordTooShortException cause) {
        return new FailureAnalysis(cause.getMessage(), "Start again with PORTAL_ADMIN_PASSWORD='a passphrase of at least "
                + PasswordRules.MIN_LENGTH + " characters', or without it.", cause);
    }
}
