package dev.mpem.portal.reminder;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.mpem.portal.shared.Secrets;
import dev.mpem.portal.shared.Times;

/**
 * The daily reminders. Re-assessments: 30 days before the due date, on the day, and once a week
 * when overdue (at most three times). Actions that are open: 7 days before their due date and the
 * day after it. A reminder whose day was missed (the portal was down) still goes out within the
 * week after. Each goes to the organisation's contact e-mail and its consultants' addresses, except
 * those that unsubscribed.
 *
 * <p>Once across instances: the run claims its day in {@code job_runs} (one instance's insert
 * succeeds); each mail to each address is claimed in {@code reminders_sent} before it is sent, so
 * even two runs at once send it once. A mail that cannot be sent gives its claim back for the next
 * run. Without {@code spring.mail.host} nothing is sent (and no day is claimed).
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final String JOB = "REMINDERS";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ReminderMail mail;
    private final Times times;
    private final Clock clock;

    Reminders(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, ReminderMail mail, Times times, Clock clock) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.mail = mail;
        this.times = times;
        this.clock = clock;
    }

    /** What a run did. */
    public record Outcome(boolean mailConfigured, boolean ran, int sent, int failed) {
    }

    @Scheduled(cron = "${portal.reminders.cron:0 0 7 * * *}", zone = "${portal.time-zone:}")
    void daily() {
        Outcome outcome = run(LocalDate.now(clock.withZone(times.portalZone())));
        if (outcome.ran()) {
            log.info("Reminders: {} sent, {} could not be sent", outcome.sent(), outcome.failed());
        }
    }

    /** The reminders due {@code today}, unless this day's run was already claimed. */
    public Outcome run(LocalDate today) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return new Outcome(false, false, 0, 0);
        }
        try {
            jdbc.sql("insert into job_runs (job, run_on, started_at, instance) values (?, ?, ?, ?)")
                    .param(JOB).param(today).param(java.sql.Timestamp.from(clock.instant())).param(instance()).update();
        }
        catch (DuplicateKeyException e) {
            return new Outcome(true, false, 0, 0);
        }
        Set<String> unsubscribed = new java.util.HashSet<>(jdbc.sql("select email from mail_recipients")
                .query(String.class).list());
        int sent = 0;
        int failed = 0;
        for (Reminder reminder : due(today)) {
            for (String recipient : recipients(reminder)) {
                if (unsubscribed.contains(recipient)) {
                    continue;
                }
                String token = Secrets.newToken();
                if (!claim(reminder, recipient, token)) {
                    continue;
                }
                try {
                    sender.send(mail.compose(sender, reminder, recipient, token, today));
                    sent++;
                }
                catch (MailException | IllegalStateException e) {
                    failed++;
                    log.warn("Reminder to {} about {} {} could not be sent: {}", recipient, reminder.kind(),
                            reminder.subjectId(), e.getMessage());
                    jdbc.sql("delete from reminders_sent where unsubscribe_hash = ?").param(Secrets.hash(token)).update();
                }
            }
        }
        return new Outcome(true, true, sent, failed);
    }

    /** Claims one reminder to one address; false when another run has (or this one already had). */
    private boolean claim(Reminder reminder, String recipient, String token) {
        try {
            jdbc.sql("insert into reminders_sent (kind, subject_id, occasion, due_on, recipient, sent_at, unsubscribe_hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .param(reminder.kind().name()).param(reminder.subjectId()).param(reminder.occasion().name())
                    .param(reminder.dueOn()).param(recipient).param(java.sql.Timestamp.from(clock.instant()))
                    .param(Secrets.hash(token)).update();
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Every reminder due today (or missed within the last week). */
    List<Reminder> due(LocalDate today) {
        List<Reminder> due = new ArrayList<>();
        jdbc.sql("select id, name, next_assessment_due, contact_email from organisations"
                + " where next_assessment_due between ? and ?")
                .param(today.minusDays(27)).param(today.plusDays(30))
                .query((rs, n) -> {
                    LocalDate dueOn = rs.getObject("next_assessment_due", LocalDate.class);
                    Reminder.Occasion occasion = occasion(today, dueOn, 30, 3);
                    return occasion == null ? null : new Reminder(Reminder.Kind.REASSESSMENT, rs.getLong("id"),
                            occasion, dueOn, rs.getLong("id"), rs.getString("name"), null, rs.getString("contact_email"));
                }).list().stream().filter(java.util.Objects::nonNull).forEach(due::add);
        jdbc.sql("select a.id, a.title, a.due_on, o.id organisation_id, o.name, o.contact_email from action_items a"
                + " join assessments s on s.id = a.assessment_id join organisations o on o.id = s.organisation_id"
                + " where a.status in ('PLANNED', 'IN_PROGRESS') and a.due_on between ? and ?"
                + " and not exists (select 1 from action_items c where c.carried_from = a.id)")
                .param(today.minusDays(7)).param(today.plusDays(7))
                .query((rs, n) -> {
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    Reminder.Occasion occasion = occasion(today, dueOn, 7, 1);
                    return occasion == null ? null : new Reminder(
                            Reminder.Kind.ACTION, rs.getLong("id"), occasion, dueOn, rs.getLong("organisation_id"),
                            rs.getString("name"), rs.getString("title"), rs.getString("contact_email"));
                }).list().stream().filter(java.util.Objects::nonNull).forEach(due::add);
        return due;
    }

    /**
     * The occasion {@code today} falls in for a due date: SOON from {@code before} days ahead, DUE on
     * the day, then OVERDUE_1.. a week apart ({@code overdue} of them; for actions the first is the
     * day after); each lasts a week (or until the next one), so that a missed day is caught up.
     */
    static Reminder.Occasion occasion(LocalDate today, LocalDate dueOn, int before, int overdue) {
        if (today.isBefore(dueOn)) {
            LocalDate soon = dueOn.minusDays(before);
            return !today.isBefore(soon) && today.isBefore(soon.plusDays(7)) ? Reminder.Occasion.SOON : null;
        }
        if (overdue == 1) {
            return today.isAfter(dueOn) && today.isBefore(dueOn.plusDays(8)) ? Reminder.Occasion.OVERDUE_1 : null;
        }
        long weeks = java.time.temporal.ChronoUnit.DAYS.between(dueOn, today) / 7;
        return weeks == 0 ? Reminder.Occasion.DUE : weeks <= overdue ? Reminder.Occasion.values()[1 + (int) weeks] : null;
    }

    /**
     * The organisation's contact e-mail and its consultants' addresses, each once (compared in lower
     * case): only enabled accounts that are still consultants or admins (one made an executive since
     * may not see the organisation).
     */
    private List<String> recipients(Reminder reminder) {
        Set<String> addresses = new LinkedHashSet<>();
        if (reminder.contactEmail() != null) {
            addresses.add(reminder.contactEmail().toLowerCase(Locale.ROOT));
        }
        jdbc.sql("select u.email from organisation_consultants c join users u on u.id = c.user_id"
                + " where c.organisation_id = ? and u.enabled = true and u.role <> 'EXECUTIVE' and u.email is not null")
                .param(reminder.organisationId()).query(String.class).list()
                .forEach(address -> addresses.add(address.toLowerCase(Locale.ROOT)));
        return List.copyOf(addresses);
    }

    private static String instance() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        }
        catch (java.net.UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
