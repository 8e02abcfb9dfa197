package dev.mpem.portal.account;

/** What an account may do. */
public enum Role {
    /** Everything, including managing accounts. */
    ADMIN,
    /** Creates and edits organisations and assessments; sees every organisation. */
    CONSULTANT,
    /** Reads the organisations granted to the account: their reports, history and exports. */
    EXECUTIVE;

    public String authority() {
        return "ROLE_" + name();
    }
}
