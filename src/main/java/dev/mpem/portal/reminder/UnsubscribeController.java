package dev.mpem.portal.reminder;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.mpem.portal.shared.Secrets;

/**
 * The unsubscribe link of a reminder, for anyone holding it (no sign-in): the page asks first (a
 * mail scanner that follows links must not unsubscribe anyone), the button stops every reminder to
 * that address.
 */
@Controller
class UnsubscribeController {

    private final JdbcClient jdbc;
    private final Clock clock;

    UnsubscribeController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/unsubscribe/{token}")
    String ask(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> recipient = recipient(token);
        if (recipient.isEmpty()) {
            response.setStatus(404);
            return "reminder/unsubscribe-unknown";
        }
        model.addAttribute("recipient", recipient.get());
        model.addAttribute("token", token);
        model.addAttribute("stopped", stopped(recipient.get()));
        return "reminder/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String stop(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> recipient = recipient(token);
        if (recipient.isEmpty()) {
            response.setStatus(404);
            return "reminder/unsubscribe-unknown";
        }
        boolean already = stopped(recipient.get());
        if (!already) {
            try {
                jdbc.sql("insert into mail_recipients (email, unsubscribed_at) values (?, ?)").param(recipient.get())
                        .param(java.sql.Timestamp.from(clock.instant())).update();
            }
            catch (DuplicateKeyException e) {
                already = true; // the same link pressed twice at once
            }
        }
        model.addAttribute("recipient", recipient.get());
        model.addAttribute("done", true);
        model.addAttribute("already", already);
        return "reminder/unsubscribe";
    }

    private Optional<String> recipient(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select recipient from reminders_sent where unsubscribe_hash = ?").param(Secrets.hash(token))
                .query(String.class).optional();
    }

    private boolean stopped(String recipient) {
        return jdbc.sql("select count(*) from mail_recipients where email = ?").param(recipient).query(Integer.class)
                .single() > 0;
    }
}
