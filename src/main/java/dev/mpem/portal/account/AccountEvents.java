package dev.mpem.portal.account;

import java.util.List;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to accounts, published for whoever records it (the audit trail). */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record SignedIn(String username) implements Audited {
        public String action() { return "SIGN_IN"; }
        public Phrase details() { return Phrase.of("audit.SIGN_IN"); }
        public String actor() { return username; }
    }

    /** Why a sign-in was refused. */
    public enum Refusal { CREDENTIALS, DISABLED, LOCKED, UNCHECKED, NO_GROUP }

    /** Where passwords are checked. */
    public enum Where { SIGN_IN, PASSWORD_PAGE }

    public record SignInRefused(String username, Refusal reason, String address) implements Audited {
        public String action() { return "SIGN_IN_FAILED"; }
        public Phrase details() {
            return Phrase.of("audit.SIGN_IN_FAILED", Phrase.of("audit.why." + reason.name()),
                    address == null ? Phrase.of("audit.address.unknown") : address);
        }
        public String actor() { return username; }
    }

    /** More refusals within a minute than are listed, from one address (or for one account when address is null). */
    public record SignInRefusalsNotListed(String username, int listed, String address) implements Audited {
        public String action() { return "SIGN_IN_FAILED"; }
        public Phrase details() {
            return address == null ? Phrase.of("audit.SIGN_IN_FAILED.flood.account", listed)
                    : Phrase.of("audit.SIGN_IN_FAILED.flood.address", listed, address);
        }
        public String actor() { return username; }
    }

    /** Locked after too many wrong passwords. */
    public record AccountLocked(String username, long minutes, int failures, Where where) implements Audited {
        public String action() { return "ACCOUNT_LOCKED"; }
        public Phrase details() {
            return Phrase.of("audit.ACCOUNT_LOCKED", minutes, failures, Phrase.of("audit.where." + where.name()));
        }
        public String actor() { return username; }
    }

    public record AccountUnlocked(String username) implements Audited {
        public String action() { return "ACCOUNT_UNLOCKED"; }
        public Phrase details() { return Phrase.of("audit.ACCOUNT_UNLOCKED", username); }
    }

    /** An admin created an account; {@code organisations} are the names an executive was granted. */
    public record AccountCreated(String username, Role role, List<String> organisations) implements Audited {
        public String action() { return "USER_CREATED"; }
        public Phrase details() {
            return role == Role.EXECUTIVE
                    ? Phrase.of("audit.USER_CREATED.executive", username, quoted(organisations))
                    : Phrase.of("audit.USER_CREATED", username, Phrase.of("role." + role.name()));
        }
    }

    /** An account made at its first sign-in through single sign-on ({@code provider}: the issuer's host). */
    public record AccountCreatedAtSignIn(String username, Role role, String provider) implements Audited {
        public String action() { return "USER_CREATED"; }
        public Phrase details() {
            return Phrase.of("audit.USER_CREATED.sso", username, Phrase.of("role." + role.name()), provider);
        }
        public String actor() { return username; }
    }

    /** The first admin, created at start-up. */
    public record FirstAdminCreated(String username) implements Audited {
        public String action() { return "USER_CREATED"; }
        public Phrase details() { return Phrase.of("audit.USER_CREATED.first", username); }
        public String actor() { return "system"; }
    }

    /** An admin changed an account: what it was and what it is, each described by {@link #described}. */
    public record AccountChanged(String username, Phrase before, Phrase after) implements Audited {
        public String action() { return "USER_CHANGED"; }
        public Phrase details() { return Phrase.of("audit.USER_CHANGED", username, before, after); }
    }

    public record PasswordReset(String username) implements Audited {
        public String action() { return "PASSWORD_RESET"; }
        public Phrase details() { return Phrase.of("audit.PASSWORD_RESET", username); }
    }

    public record PasswordChanged(String username) implements Audited {
        public String action() { return "PASSWORD_CHANGED"; }
        public Phrase details() { return Phrase.of("audit.PASSWORD_CHANGED", username); }
    }

    /** A personal API token made by its owner. */
    public record ApiTokenCreated(String username, String name, int days) implements Audited {
        public String action() { return "API_TOKEN_CREATED"; }
        public Phrase details() { return Phrase.of("audit.API_TOKEN_CREATED", name, days); }
        public String actor() { return username; }
    }

    public record ApiTokenRevoked(String username, String name) implements Audited {
        public String action() { return "API_TOKEN_REVOKED"; }
        public Phrase details() { return Phrase.of("audit.API_TOKEN_REVOKED", name); }
        public String actor() { return username; }
    }

    /** An admin revoked someone's API token (the admin is the actor). */
    public record ApiTokenRevokedByAdmin(String owner, String name) implements Audited {
        public String action() { return "API_TOKEN_REVOKED"; }
        public Phrase details() { return Phrase.of("audit.API_TOKEN_REVOKED.admin", name, owner); }
    }

    /** Why a presented API token was refused. */
    public enum TokenRefusal { UNKNOWN, EXPIRED, REVOKED, DISABLED }

    /** A call with an API token that was refused; {@code username} is the token's owner (null when unknown). */
    public record ApiTokenRefused(String username, TokenRefusal reason, String address) implements Audited {
        public String action() { return "API_TOKEN_REFUSED"; }
        public Phrase details() {
            return Phrase.of("audit.API_TOKEN_REFUSED", Phrase.of("audit.token." + reason.name()),
                    address == null ? Phrase.of("audit.address.unknown") : address);
        }
        public String actor() { return username == null ? "(unknown token)" : username; }
    }

    /** More refused tokens within a minute from one address than are listed. */
    public record ApiTokenRefusalsNotListed(int listed, String address) implements Audited {
        public String action() { return "API_TOKEN_REFUSED"; }
        public Phrase details() { return Phrase.of("audit.API_TOKEN_REFUSED.flood", listed, address); }
        public String actor() { return "(unknown token)"; }
    }

    /** An account as the audit trail tells it: role, enabled, name and, for an executive, the organisations granted. */
    static Phrase described(UserView user, List<String> organisations) {
        Phrase role = Phrase.of("role." + user.role().name());
        Phrase enabled = Phrase.of(user.enabled() ? "audit.account.enabled" : "audit.account.disabled");
        return user.role() == Role.EXECUTIVE
                ? Phrase.of("audit.account.executive", role, enabled, user.displayName(), quoted(organisations))
                : Phrase.of("audit.account", role, enabled, user.displayName());
    }

    private static Object quoted(List<String> names) {
        return names.isEmpty() ? Phrase.of("audit.empty") : names.stream().map(name -> Phrase.of("audit.quoted", name)).toList();
    }
}
