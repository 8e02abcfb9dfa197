package dev.mpem.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.Times;
import dev.mpem.portal.shared.Words;

@Controller
class AccountController {

    private static final String FORM = "account/password";

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final CurrentUser currentUser;
    private final Times times;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /** A new API token as the account page's form sends it. */
    record TokenForm(String name, Integer expiresInDays) {
    }

    AccountController(AccountService accounts, ApiTokens tokens, CurrentUser currentUser, Times times) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.times = times;
    }

    /** The signed-in session carries the person's settings: it gets the changed ones at once. */
    private void replacePrincipal(HttpServletRequest request, HttpServletResponse response,
            java.util.function.UnaryOperator<PortalUser> change) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            PortalUser changed = change.apply(user);
            UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(changed,
                    null, changed.getAuthorities());
            replaced.setDetails(authentication.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(replaced);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }

    /** True while the person still signs in with the portal's one-time password. */
    @ModelAttribute("mustChangePassword")
    boolean mustChangePassword() {
        return currentUser.authentication().map(a -> a.getPrincipal() instanceof PortalUser user
                && user.mustChangePassword()).orElse(false);
    }

    @GetMapping("/account")
    String account(Model model) {
        return accountPage(model, null, null);
    }

    @PostMapping("/account/time-zone")
    String changeTimeZone(@RequestParam(name = "timeZone", required = false) String timeZone, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return FormSubmission.of(response, problem -> accountPage(model, timeZone, problem)).submit(() -> {
            String chosen = accounts.changeTimeZone(currentUser.username(), timeZone);
            replacePrincipal(request, response, user -> user.withTimeZone(chosen));
            Flash.success(redirect, Words.say("account.timeZone.saved", times.readerZoneName()));
            return "redirect:/account";
        });
    }

    @PostMapping("/account/email")
    String changeEmail(@RequestParam(name = "email", required = false) String email, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return FormSubmission.of(response, problem -> {
            model.addAttribute("typedEmail", email);
            model.addAttribute("emailProblem", problem);
            return accountPage(model, null, null);
        }).submit(() -> {
            String stored = accounts.changeEmail(currentUser.username(), email);
            Flash.success(redirect, stored == null ? Words.say("account.email.removed")
                    : Words.say("account.email.saved", stored));
            return "redirect:/account";
        });
    }

    private String accountPage(Model model, String typedZone, String problem) {
        UserView user = accounts.byUsername(currentUser.username());
        model.addAttribute("user", user);
        model.addAttribute("zones", Times.choosable());
        model.addAttribute("chosenZone", typedZone != null ? typedZone
                : currentUser.authentication().map(a -> a.getPrincipal() instanceof PortalUser p ? p.timeZone() : null)
                        .orElse(null));
        model.addAttribute("portalZone", times.portalZone().getId());
        model.addAttribute("zoneProblem", problem);
        model.addAttribute("tokens", tokens.of(user.username()));
        model.addAttribute("tokenDays", ApiTokens.OFFERED_DAYS);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(null, ApiTokens.DEFAULT_DAYS));
        }
        return "account/account";
    }

    /** A new personal API token: shown once, on the page the browser is sent back to. */
    @PostMapping("/account/tokens")
    String createToken(@ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return FormSubmission.of(result, response, () -> accountPage(model, null, null)).submit(() -> {
            ApiTokens.Created created = tokens.create(currentUser.username(), form.name(), form.expiresInDays());
            // Flash attributes live in the session, which is stored: plain values only.
            redirect.addFlashAttribute("newToken", created.token());
            redirect.addFlashAttribute("newTokenName", created.view().name());
            redirect.addFlashAttribute("newTokenExpiresAt", created.view().expiresAt());
            Flash.success(redirect, Words.say("token.created"));
            return "redirect:/account#tokens";
        });
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        ApiTokenView revoked = tokens.revoke(currentUser.username(), id);
        Flash.success(redirect, Words.say("token.revoked.flash", revoked.name()));
        return "redirect:/account#tokens";
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm(null, null, null));
        return FORM;
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        // The page never writes a password back into its fields.
        return FormSubmission.of(result, response, () -> FORM)
                .answer(AccountService.AccountLockedException.class, e -> {
                    request.getSession().invalidate();
                    SecurityContextHolder.clearContext();
                    return "redirect:/login?locked";
                })
                .submit(() -> {
                    accounts.changeOwnPassword(currentUser.username(), form.currentPassword(), form.newPassword(),
                            request.getSession().getId());
                    replacePrincipal(request, response, PortalUser::withPasswordChanged);
                    Flash.success(redirect, Words.say("password.changed"));
                    return "redirect:/";
                });
    }
}
