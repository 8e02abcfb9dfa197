package dev.mpem.portal.account;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Accounts over the API (admins only). Password hashes never leave the portal. */
@Tag(name = "Accounts", description = "Portal accounts (admins only).")
@RestController
class UserApiController {

    private final AccountService accounts;

    UserApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/users")
    @Operation(summary = "Create an account")
    ResponseEntity<UserJson> create(@Valid @RequestBody UserForm form) {
        UserView created = accounts.create(form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/users/" + created.id()).build().toUri()).body(UserJson.of(created));
    }

    @PostMapping("/api/users/{id}/unlock")
    @Operation(summary = "Unlock an account locked after wrong passwords")
    UserJson unlock(@org.springframework.web.bind.annotation.PathVariable long id) {
        return UserJson.of(accounts.unlock(id));
    }

    @GetMapping("/api/users")
    @Operation(summary = "List the accounts")
    List<UserJson> list() {
        return accounts.all().stream().map(UserJson::of).toList();
    }

    record UserJson(long id, String username, String displayName, Role role, boolean enabled,
            List<Long> organisations, Instant lockedUntil, Instant createdAt, String email) {

        static UserJson of(UserView user) {
            return new UserJson(user.id(), user.username(), user.displayName(), user.role(), user.enabled(),
                    user.organisations().stream().sorted().toList(), user.lockedUntil(), user.createdAt(), user.email());
        }
    }
}
