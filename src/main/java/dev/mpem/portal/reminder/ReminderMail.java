package dev.mpem.portal.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.mpem.portal.shared.Words;

/**
 * A reminder as a mail: a subject that says what falls due when, a plain-text body and the same in
 * HTML, a link to the page to act on, and the recipient's own unsubscribe link.
 */
@Component
class ReminderMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final String from;
    private final String baseUrl;

    ReminderMail(@Value("${portal.mail.from:MPEM portal <mpem-portal@localhost>}") String from,
            @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    MimeMessage compose(JavaMailSender sender, Reminder reminder, String recipient, String unsubscribeToken,
            LocalDate today) {
        String key = "reminder." + reminder.kind().name() + "." + reminder.occasion().name();
        String date = DATE.format(reminder.dueOn());
        long days = Math.abs(ChronoUnit.DAYS.between(today, reminder.dueOn()));
        String what = reminder.kind() == Reminder.Kind.ACTION ? reminder.actionTitle() : reminder.organisationName();
        String subject = Words.say(key + ".subject", what, reminder.organisationName(), date, days);
        String lead = Words.say(key + ".text", what, reminder.organisationName(), date, days);
        String next = Words.say("reminder." + reminder.kind().name() + ".next");
        String link = baseUrl + (reminder.kind() == Reminder.Kind.ACTION ? "/actions/" + reminder.subjectId()
                : "/organisations/" + reminder.organisationId());
        String unsubscribe = baseUrl + "/unsubscribe/" + unsubscribeToken;
        String why = Words.say("reminder.why", recipient);
        String stop = Words.say("reminder.unsubscribe");
        String text = lead + "\n\n" + next + "\n" + link + "\n\n-- \n" + why + "\n" + stop + " " + unsubscribe + "\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family: sans-serif; line-height: 1.5\">"
                + "<p>" + escape(lead) + "</p>"
                + "<p><a href=\"" + escape(link) + "\">" + escape(next) + "</a></p>"
                + "<hr><p style=\"color: #555; font-size: 0.9em\">" + escape(why) + " <a href=\"" + escape(unsubscribe)
                + "\">" + escape(Words.say("reminder.unsubscribe.link")) + "</a></p></body></html>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(text, html);
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("Auto-Submitted", "auto-generated");
            return message;
        }
        catch (MessagingException e) {
            throw new IllegalStateException("The reminder to " + recipient + " could not be written", e);
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
