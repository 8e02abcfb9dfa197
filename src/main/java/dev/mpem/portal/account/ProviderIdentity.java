package dev.mpem.portal.account;

/**
 * A person as an OpenID Connect provider vouched for them at a sign-in: its issuer and their subject
 * there (what links them to a portal account), the names it gives (for a new account's username and
 * display name), and the role their groups map to.
 */
public record ProviderIdentity(String issuer, String subject, String preferredUsername, String email, String name,
        Role role) {

    /** How the person is named in the audit trail before they have an account. */
    public String shownAs() {
        return preferredUsername != null ? preferredUsername : email != null ? email : subject;
    }
}
