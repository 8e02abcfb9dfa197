package dev.mpem.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mpem.portal.security.CurrentUser;

@Controller
class LoginController {

    private final CurrentUser currentUser;

    LoginController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/login")
    String login() {
        return currentUser.authentication().isPresent() ? "redirect:/" : "account/login";
    }
}
