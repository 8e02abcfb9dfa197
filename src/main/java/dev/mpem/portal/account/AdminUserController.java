package dev.mpem.portal.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.Words;

/** Admins create, edit and disable accounts, reset passwords and grant organisations to executives. */
@Controller
class AdminUserController {

    private static final String FORM = "admin/user-form";

    private final AccountService accounts;
    private final GrantableOrganisations organisations;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;
    private final ApiTokens tokens;

    AdminUserController(AccountService accounts, GrantableOrganisations organisations, CurrentUser currentUser,
            java.time.Clock clock, ApiTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("now", clock.instant());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        return form(model, UserForm.empty(), null);
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return FormSubmission.of(result, response, () -> form(model, form, null)).submit(() -> {
            UserView created = accounts.create(form);
            Flash.success(redirect, Words.say("users.created", created.username()));
            return "redirect:/admin/users";
        });
    }

    @GetMapping("/admin/users/{id}")
    String editForm(@PathVariable long id, Model model) {
        UserView user = accounts.get(id);
        return form(model, UserForm.of(user), user);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UserView user = accounts.get(id);
        return FormSubmission.of(result, response, () -> form(model, form, user)).submit(() -> {
            accounts.update(id, form, currentUser.username());
            Flash.success(redirect, Words.say("users.saved", user.username()));
            return "redirect:/admin/users";
        });
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        UserView user = accounts.unlock(id);
        Flash.success(redirect, Words.say("users.unlocked", user.username()));
        return "redirect:/admin/users/" + id;
    }

    /** An admin revokes one of the account's API tokens (e.g. one a script leaked). */
    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
        ApiTokenView revoked = tokens.revokeAsAdmin(id, tokenId, currentUser.username());
        Flash.success(redirect, Words.say("token.revoked.flash", revoked.name()));
        return "redirect:/admin/users/" + id + "#tokens";
    }

    /** The account form; its password field is never filled in from what was typed. */
    private String form(Model model, UserForm form, UserView user) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("now", clock.instant());
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("tokens", user == null ? java.util.List.of() : tokens.ofAccount(user.id()));
        return FORM;
    }
}
