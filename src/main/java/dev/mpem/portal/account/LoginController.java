package dev.mpem.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


@Controller
class LoginController {

    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final SingleSignOn sso;

    LoginController(CurrentUser currentUser, AccountService accounts, SingleSignOn sso) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (currentUser.authentication().isPresent()) {
            return "redirect:/";
        }
        // How the first account gets its password matters only until someone has signed in.
        model.addAttribute("firstStart", !accounts.anyoneSignedIn());
        model.addAttribute("sso", sso.enabled() ? sso : null);
        return "account/login";
    }

    /** Why single sign-on did not sign someone in: no mapped group, a disabled account, the provider unreachable or refusing. */
    @GetMapping("/login/sso-refused")
    String ssoRefused(@RequestParam(name = "reason", defaultValue = "failed") String reason, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String why = switch (reason) {
            case "no-group", "disabled", "unreachable" -> reason;
            default -> "failed";
        };
        model.addAttribute("reason", why);
        model.addAttribute("title", dev.mpem.portal.shared.Words.say(why.equals("no-group") || why.equals("disabled")
                ? "sso.refused.title" : "sso.refused.title.failed"));
        model.addAttribute("sso", sso.enabled() ? sso : null);
        response.setStatus(403);
        return "account/sso-refused";
    }
}
