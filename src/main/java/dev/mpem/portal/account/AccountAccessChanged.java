package dev.mpem.portal.account;

/**
 * An account lost access or changed its password: every signed-in session of {@code username} must
 * end, on every instance, except {@code keepSession} (the session that made the change; may be null).
 */
public record AccountAccessChanged(String username, String keepSession) {
}
