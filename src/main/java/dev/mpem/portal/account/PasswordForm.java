package dev.mpem.portal.account;

/** "Change my password": passwords are never trimmed or kept in the page when it comes back. */
record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
}
