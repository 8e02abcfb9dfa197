package dev.mpem.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;


@Controller
class LoginController {

    private final CurrentUser currentUser;
    private final AccountService accounts;

    LoginController(CurrentUser currentUser, AccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (currentUser.authentication().isPresent()) {
            return "redirect:/";
        }
        // How the first account gets its password matters only until someone has signed in.
        model.addAttribute("firstStart", !accounts.anyoneSignedIn());
        return "account/login";
    }
}
