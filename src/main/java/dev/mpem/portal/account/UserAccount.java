package dev.mpem.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mpem.portal.shared.Text;

/** A person who signs in. Only a hash of the password is kept. */
@Entity
@Table(name = "users")
class UserAccount {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    /** The zone this person reads times in; null: the portal's zone. */
    @Column(name = "time_zone")
    private String timeZone;

    /** Set for a generated one-time password: the next sign-in leads straight to choosing a new one. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "last_signed_in_at")
    private Instant lastSignedInAt;

    /** The OpenID Connect provider and the person's subject there, for an account made by single sign-on. */
    @Column(name = "oidc_issuer")
    private String oidcIssuer;

    @Column(name = "oidc_subject")
    private String oidcSubject;

    /** Where reminders to this person go; null when none is given. */
    private String email;

    @ElementCollection
    @CollectionTable(name = "user_organisations", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "organisation_id")
    private Set<Long> organisationIds = new LinkedHashSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Role role, Instant now) {
        this.username = normalise(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The lookup key of a typed username; characters that are not text are left out, as in every form. */
    static String normalise(String username) {
        return username == null ? null : Text.clean(username).strip().toLowerCase(java.util.Locale.ROOT);
    }

    void update(String displayName, Role role, boolean enabled, Set<Long> organisations, Instant now) {
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        // Only executives are limited to granted organisations; other roles see all, so keep none.
        this.organisationIds.clear();
        if (role == Role.EXECUTIVE) {
            this.organisationIds.addAll(organisations);
        }
        this.updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    /** Links the account to the person at an OpenID Connect provider. */
    void linkProvider(String issuer, String subject) {
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }

    /** The role the provider's groups give, at a sign-in. */
    void followProvider(String displayName, Role role, Instant now) {
        this.displayName = displayName;
        if (this.role != role) {
            this.organisationIds.clear();
        }
        this.role = role;
        this.updatedAt = now;
    }

    /** The password was made up by the portal (first start): it must be replaced at the first sign-in. */
    void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    void changeEmail(String address, Instant now) {
        this.email = address;
        this.updatedAt = now;
    }

    void changeTimeZone(String zoneId, Instant now) {
        this.timeZone = zoneId;
        this.updatedAt = now;
    }

    String timeZone() {
        return timeZone;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    UserView view() {
        return new UserView(id, username, displayName, role, enabled, lockedUntil, Set.copyOf(organisationIds),
                createdAt, email, oidcSubject != null);
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Set<Long> organisationIds() {
        return organisationIds;
    }
}
