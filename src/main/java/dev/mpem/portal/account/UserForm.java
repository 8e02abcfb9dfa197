package dev.mpem.portal.account;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.shared.PlainName;
import dev.mpem.portal.shared.EmailAddress;
import dev.mpem.portal.shared.Text;

/**
 * An account as an admin types it (page) or sends it ({@code POST /api/users}). The password is
 * required when the account is created and optional when it is edited (blank keeps it).
 */
public record UserForm(
        @NotBlank(message = "{users.username.required}")
        @Size(max = 100, message = "{users.username.size}")
        @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{users.username.characters}")
        String username,
        @Size(max = 200, message = "{users.displayName.size}")
        @PlainName("The name")
        String displayName,
        String password,
        String role,
        List<Long> organisations,
        Boolean enabled,
        @Pattern(regexp = "|" + EmailAddress.REGEXP, message = "{email.invalid}")
        @Size(max = EmailAddress.MAX, message = "{email.size}")
        String email) {

    public UserForm {
        username = Text.singleLine(username);
        displayName = Text.singleLine(displayName);
        role = Text.singleLine(role);
        organisations = organisations == null ? List.of()
                : organisations.stream().filter(Objects::nonNull).distinct().toList();
        // Blank is "no address" (""); null is "not sent" (an API client from before the field existed): kept.
        email = email == null ? null : Objects.requireNonNullElse(Text.singleLine(email), "");
    }

    /** Without an e-mail address (an update then keeps the stored one). */
    public UserForm(String username, String displayName, String password, String role, List<Long> organisations,
            Boolean enabled) {
        this(username, displayName, password, role, organisations, enabled, null);
    }

    static UserForm empty() {
        return new UserForm(null, null, null, Role.CONSULTANT.name(), List.of(), true, "");
    }

    static UserForm of(UserView user) {
        return new UserForm(user.username(), user.displayName(), null, user.role().name(),
                List.copyOf(user.organisations()), user.enabled(), user.email() == null ? "" : user.email());
    }

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
