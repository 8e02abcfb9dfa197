package dev.mpem.portal.account;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mpem.portal.security.CurrentUser;
import dev.mpem.portal.system.Flash;
import dev.mpem.portal.system.FormErrors;
import dev.mpem.portal.system.InvalidInputException;

@Controller
class AccountController {

    private static final String FORM = "account/password";

    private final AccountService accounts;
    private final CurrentUser currentUser;

    AccountController(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm(null, null, null));
        return FORM;
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "mismatch", "The two new passwords are not the same.");
        }
        else {
            try {
                accounts.changeOwnPassword(currentUser.username(), form.currentPassword(), form.newPassword());
                Flash.success(redirect, "Your password was changed.");
                return "redirect:/";
            }
            catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        // The page never writes a password back into its fields.
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return FORM;
    }
}
