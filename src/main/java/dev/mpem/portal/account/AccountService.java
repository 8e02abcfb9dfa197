package dev.mpem.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Times;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Phrase;
import dev.mpem.portal.shared.Words;

@Service
@Transactional(readOnly = true)
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final GrantableOrganisations organisations;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SignInAttempts attempts;
    private final ApiTokenRepository tokens;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, GrantableOrganisations organisations,
            Clock clock, ApplicationEventPublisher events, SignInAttempts attempts, ApiTokenRepository tokens) {
        this.attempts = attempts;
        this.tokens = tokens;
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
        this.clock = clock;
    }

    public List<UserView> all() {
        return users.findAllByOrderByUsername().stream().map(UserAccount::view).toList();
    }

    /** The display names of these accounts by username (accounts that do not exist are left out). */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        return users.displayNamesOf(usernames).stream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    public UserView get(long id) {
        return find(id).view();
    }

    public boolean anyAccount() {
        return users.count() > 0;
    }

    @Transactional
    public UserView create(UserForm form) {
        Role role = roleOf(form);
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.problem(form.password(), form.username())
                .ifPresent(message -> problems.add(new FieldProblem("password", message, null)));
        if (users.findByUsername(UserAccount.normalise(form.username())).isPresent()) {
            problems.add(new FieldProblem("username", Words.say("users.username.taken", form.username()),
                    form.username()));
        }
        Set<Long> granted = grants(form, role, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UserAccount account = new UserAccount(form.username(), displayName(form), passwordEncoder.encode(form.password()),
                role, clock.instant());
        account.update(displayName(form), role, form.enabledOrDefault(), granted, clock.instant());
        if (form.email() != null && !form.email().isEmpty()) {
            account.changeEmail(form.email(), clock.instant());
        }
        try {
            users.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("username", Words.say("users.username.taken", form.username()),
                    form.username());
        }
        events.publishEvent(new AccountEvents.AccountCreated(account.username(), role, names(granted)));
        return account.view();
    }

    /** Changes name, role, enabled and grants; a non-blank password in the form resets the password. */
    @Transactional
    public UserView update(long id, UserForm form, String actingUsername) {
        UserAccount account = find(id);
        Role role = roleOf(form);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> granted = grants(form, role, problems);
        boolean resetPassword = form.password() != null && !form.password().isEmpty();
        if (resetPassword) {
            PasswordRules.problem(form.password(), account.username())
                    .ifPresent(message -> problems.add(new FieldProblem("password", message, null)));
        }
        boolean self = account.username().equals(UserAccount.normalise(actingUsername));
        if (self && (role != account.role() || !form.enabledOrDefault())) {
            problems.add(new FieldProblem("role", Words.say("users.role.self"), form.role()));
        }
        boolean lastAdmin = account.role() == Role.ADMIN && account.enabled()
                && users.countByRoleAndEnabledTrue(Role.ADMIN) == 1;
        if (lastAdmin && (role != Role.ADMIN || !form.enabledOrDefault())) {
            problems.add(new FieldProblem("role", Words.say("users.role.lastAdmin"), form.role()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Phrase before = describe(account.view());
        UserView was = account.view();
        account.update(displayName(form), role, form.enabledOrDefault(), granted, clock.instant());
        if (form.email() != null) {
            account.changeEmail(form.email().isEmpty() ? null : form.email(), clock.instant());
        }
        UserView now = account.view();
        // Less access, or a new password: whatever the person is signed in with ends now, everywhere.
        boolean lessAccess = (was.enabled() && !now.enabled()) || was.role() != now.role()
                || (now.role() == Role.EXECUTIVE && !now.organisations().containsAll(was.organisations()));
        if (lessAccess || resetPassword) {
            endAccess(account, actingUsername);
        }
        if (resetPassword) {
            account.changePassword(passwordEncoder.encode(form.password()), clock.instant());
            events.publishEvent(new AccountEvents.PasswordReset(account.username()));
        }
        users.flush();
        Phrase after = describe(account.view());
        if (!before.equals(after)) {
            events.publishEvent(new AccountEvents.AccountChanged(account.username(), before, after));
        }
        return account.view();
    }

    /** Changes one's own password; every other signed-in session of the account ends (this one, {@code keepSession}, stays). */
    @Transactional(noRollbackFor = AccountLockedException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String keepSession) {
        UserAccount account = users.findByUsername(UserAccount.normalise(username))
                .orElseThrow(() -> new InvalidInputException("currentPassword", Words.say("account.notFound"), null));
        List<FieldProblem> problems = new ArrayList<>();
        // Counted like a sign-in: whoever holds a session cannot guess the password here without limit.
        try {
            attempts.enter(account.username());
        }
        catch (org.springframework.security.authentication.LockedException busy) {
            throw new InvalidInputException("currentPassword", Words.say("password.busy"), null);
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            if (attempts.failed(account.username(), AccountEvents.Where.PASSWORD_PAGE)) {
                events.publishEvent(new AccountAccessChanged(account.username(), null));
                throw new AccountLockedException();
            }
            problems.add(new FieldProblem("currentPassword", Words.say("password.current.wrong"), null));
        }
        else {
            attempts.succeeded(account.username());
        }
        PasswordRules.problem(newPassword, account.username())
                .ifPresent(message -> problems.add(new FieldProblem("newPassword", message, null)));
        if (currentPassword != null && currentPassword.equals(newPassword)) {
            problems.add(new FieldProblem("newPassword", Words.say("password.same"), null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        events.publishEvent(new AccountEvents.PasswordChanged(account.username()));
        events.publishEvent(new AccountAccessChanged(account.username(), keepSession));
    }

    /** Thrown when the change-password page locked the account. */
    public static class AccountLockedException extends RuntimeException {
        AccountLockedException() {
            super(Words.say("password.locked", UserAccount.LOCK_DURATION.toMinutes()));
        }
    }

    /**
     * Sets the zone a person reads times in; blank means the portal's zone. Answers the zone id stored
     * (null for the portal's).
     */
    @Transactional
    public String changeTimeZone(String username, String zone) {
        UserAccount account = users.findByUsername(UserAccount.normalise(username))
                .orElseThrow(() -> new InvalidInputException("timeZone", Words.say("account.notFound"), null));
        String chosen = zone == null || zone.isBlank() ? null : zone.strip();
        if (chosen != null && !Times.choosable().contains(chosen)) {
            throw new InvalidInputException("timeZone", Words.say("account.timeZone.unknown", Text.abbreviate(chosen, 80)),
                    null);
        }
        account.changeTimeZone(chosen, clock.instant());
        return chosen;
    }

    /** Sets where reminders to the person go; blank removes the address. Answers the address stored. */
    @Transactional
    public String changeEmail(String username, String address) {
        UserAccount account = users.findByUsername(UserAccount.normalise(username))
                .orElseThrow(() -> new InvalidInputException("email", Words.say("account.notFound"), null));
        String typed = Text.singleLine(address);
        if (typed != null && typed.length() > dev.mpem.portal.shared.EmailAddress.MAX) {
            throw new InvalidInputException("email", Words.say("email.size"), Text.abbreviate(typed, 80));
        }
        if (typed != null && !dev.mpem.portal.shared.EmailAddress.valid(typed)) {
            throw new InvalidInputException("email", Words.say("email.invalid"), typed);
        }
        account.changeEmail(typed, clock.instant());
        return typed;
    }

    /** Ends a lock after failed sign-ins (and the run of failures) before its time. */
    @Transactional
    public UserView unlock(long id) {
        UserAccount account = find(id);
        users.unlock(id);
        events.publishEvent(new AccountEvents.AccountUnlocked(account.username()));
        return find(id).view();
    }

    /** Who has signed in on the sign-in page at least once: once true, it stays true. */
    private volatile boolean anyoneSignedIn;

    /** Whether anyone has ever signed in on the sign-in page (the first-start hint is shown until then). */
    @Transactional(readOnly = true)
    public boolean anyoneSignedIn() {
        if (!anyoneSignedIn) {
            anyoneSignedIn = users.existsByLastSignedInAtIsNotNull();
        }
        return anyoneSignedIn;
    }

    @Transactional
    void recordSignIn(String username) {
        users.recordSignIn(UserAccount.normalise(username), clock.instant());
        anyoneSignedIn = true;
    }

    /**
     * A sign-in through the OpenID Connect provider: the account linked to the person's issuer and
     * subject, made now at their first sign-in (a free username from the names the provider gives,
     * no usable password), its name and role following the provider at every sign-in. A disabled
     * account is refused ({@link ProviderAccountDisabledException}).
     */
    @Transactional(noRollbackFor = ProviderAccountDisabledException.class)
    public PortalUser signInFromProvider(ProviderIdentity who, String address) {
        Instant now = clock.instant();
        String displayName = Text.abbreviate(Text.singleLine(Text.clean(
                who.name() != null ? who.name() : who.shownAs())), 200);
        UserAccount account = users.findByOidcIssuerAndOidcSubject(who.issuer(), who.subject()).orElse(null);
        if (account == null) {
            account = new UserAccount(freeUsername(who), displayName,
                    passwordEncoder.encode(dev.mpem.portal.shared.Secrets.newToken()), who.role(), now);
            account.linkProvider(who.issuer(), who.subject());
            users.saveAndFlush(account);
            events.publishEvent(new AccountEvents.AccountCreatedAtSignIn(account.username(), who.role(),
                    java.net.URI.create(who.issuer()).getHost()));
            return PortalUserDetailsService.principal(account, now);
        }
        if (!account.enabled()) {
            events.publishEvent(new AccountEvents.SignInRefused(account.username(), AccountEvents.Refusal.DISABLED,
                    address));
            throw new ProviderAccountDisabledException();
        }
        Phrase before = describe(account.view());
        Role was = account.role();
        account.followProvider(displayName, who.role(), now);
        users.flush();
        if (was != who.role()) {
            // Whatever the person was signed in with elsewhere had the old role: it ends now.
            endAccess(account, "system");
        }
        Phrase after = describe(account.view());
        if (!before.equals(after)) {
            events.publishEvent(new AccountEvents.AccountChanged(account.username(), before, after));
        }
        return PortalUserDetailsService.principal(account, now);
    }

    /**
     * A sign-in through the provider refused because none of the person's groups gives a role. If
     * the person has an account here (they were taken out of the groups), whatever they were signed
     * in with ends: their sessions, on every instance, and their API tokens.
     */
    @Transactional
    public void providerSignInRefused(ProviderIdentity who, String address) {
        UserAccount linked = users.findByOidcIssuerAndOidcSubject(who.issuer(), who.subject()).orElse(null);
        events.publishEvent(new AccountEvents.SignInRefused(linked != null ? linked.username()
                : Text.abbreviate("(single sign-on) " + who.shownAs(), 100), AccountEvents.Refusal.NO_GROUP, address));
        if (linked != null) {
            endAccess(linked, "system");
        }
    }

    /** Every session of the account ends, on every instance, and its API tokens are revoked. */
    private void endAccess(UserAccount account, String by) {
        events.publishEvent(new AccountAccessChanged(account.username(), null));
        tokens.revokeAllOf(account.id(), clock.instant(), by);
    }

    /** The provider's name for the person as a username the portal accepts, numbered when it is taken. */
    private String freeUsername(ProviderIdentity who) {
        String wanted = who.preferredUsername() != null ? who.preferredUsername()
                : who.email() != null ? who.email() : "sso-" + who.subject();
        String base = UserAccount.normalise(wanted).replaceAll("[^a-z0-9._@-]", "");
        base = base.isEmpty() ? "sso-user" : base.substring(0, Math.min(base.length(), 90));
        String candidate = base;
        for (int n = 2; users.findByUsername(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The account linked to this person at the provider is disabled. */
    public static class ProviderAccountDisabledException extends RuntimeException {

        ProviderAccountDisabledException() {
            super("The portal account is disabled");
        }
    }

    /** Enabled consultants and admins, by name: who may look after an organisation. */
    public List<Colleague> colleagues() {
        return users.colleagues(List.of(Role.CONSULTANT, Role.ADMIN));
    }

    /** The account with this username (any case), if there is one. */
    public java.util.Optional<UserView> find(String username) {
        return users.findByUsername(UserAccount.normalise(username)).map(UserAccount::view);
    }

    public UserView byUsername(String username) {
        return users.findByUsername(UserAccount.normalise(username)).map(UserAccount::view)
                .orElseThrow(() -> new InvalidInputException("username", Words.say("account.notFound"), null));
    }

    /**
     * Creates the first admin account when there is none; false when an account already existed. A
     * password the portal made up must be changed at the first sign-in.
     */
    @Transactional
    boolean createFirstAdmin(String password, boolean oneTime) {
        if (users.count() > 0) {
            return false;
        }
        UserAccount admin = new UserAccount("admin", "Administrator", passwordEncoder.encode(password), Role.ADMIN,
                clock.instant());
        if (oneTime) {
            admin.requirePasswordChange();
        }
        users.saveAndFlush(admin);
        events.publishEvent(new AccountEvents.FirstAdminCreated(admin.username()));
        return true;
    }

    private Set<Long> grants(UserForm form, Role role, List<FieldProblem> problems) {
        if (role == null) {
            problems.add(new FieldProblem("role", Words.say("users.role.required"), form.role()));
            return Set.of();
        }
        Set<Long> granted = new LinkedHashSet<>();
        Map<Long, String> known = organisations.namesOf(form.organisations());
        for (Long id : form.organisations()) {
            if (!known.containsKey(id)) {
                problems.add(new FieldProblem("organisations", Words.say("users.organisation.unknown", id), id));
            }
            else {
                granted.add(id);
            }
        }
        return granted;
    }

    private static Role roleOf(UserForm form) {
        if (form.role() == null) {
            return null;
        }
        try {
            return Role.valueOf(form.role().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String displayName(UserForm form) {
        return form.displayName() == null ? form.username() : form.displayName();
    }

    /** An account as the audit trail tells it: words and names, not codes and ids. */
    private Phrase describe(UserView user) {
        return AccountEvents.described(user, names(user.organisations()));
    }

    /** The names of granted organisations, sorted (an id stands in for one that no longer exists). */
    private List<String> names(Collection<Long> ids) {
        Map<Long, String> known = organisations.namesOf(ids);
        return ids.stream().sorted().map(id -> known.getOrDefault(id, "#" + id)).toList();
    }

    private UserAccount find(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    static class UserNotFoundException extends NotFoundException {
        UserNotFoundException(long id) {
            super(Words.say("users.notFound", id), "userId");
        }
    }
}
