package dev.mpem.portal.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;

/**
 * Reminders through a real SMTP server (GreenMail) from two instances of the portal on one database,
 * whose daily jobs run at the same moment: each mail goes out once.
 */
class ReminderMailTests {

    static GreenMail smtp;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    /** A day of its own for each run of this test, far from other tests' due dates (and from earlier runs' job days). */
    static final LocalDate TODAY = LocalDate.of(2200, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--portal.base-url=https://portal.example/", "--portal.mail.from=MPEM portal <portal@consultancy.example>",
                "--portal.reminders.cron=-"));
        if (!System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
            arguments.add("--spring.datasource.url=jdbc:h2:mem:reminders-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
        first = new SpringApplicationBuilder(PortalApplication.class).run(arguments.toArray(String[]::new));
        second = new SpringApplicationBuilder(PortalApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : Arrays.asList(second, first)) {
            if (context != null) {
                context.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static List<MimeMessage> to(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    static Map<String, String> parts(MimeMessage message) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        String all = GreenMailUtil.getBody(message);
        return Map.of("text", extract(mixed, "text/plain"), "html", extract(mixed, "text/html"), "raw", all);
    }

    private static String extract(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart inner) {
                String found = extract(inner, type);
                if (found != null) {
                    return found;
                }
            }
            else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    Reminders.Outcome[] runBothAtOnce(LocalDate day) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        List<Callable<Reminders.Outcome>> runs = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            Reminders reminders = instance.getBean(Reminders.class);
            runs.add(() -> {
                ready.countDown();
                ready.await();
                return reminders.run(day);
            });
        }
        try {
            List<Future<Reminders.Outcome>> outcomes = pool.invokeAll(runs);
            return new Reminders.Outcome[] { outcomes.get(0).get(), outcomes.get(1).get() };
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void twoInstancesSendEachReminderOnceAndAnAddressCanStopThem() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        Fixtures fixtures = first.getBean(Fixtures.class);
        AccountService accounts = first.getBean(AccountService.class);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // An organisation due for re-assessment in 30 days, with a contact e-mail and two consultants.
        OrganisationView client = fixtures.organisation();
        String contact = "cx-" + run + "@client.example";
        jdbc.update("update organisations set contact_email = ?, next_assessment_due = ? where id = ?", contact,
                java.sql.Date.valueOf(TODAY.plusDays(30)), client.id());
        UserView consultant = accounts.create(new UserForm("consultant-" + run, "Casey Consultant",
                "a long consultant passphrase", Role.CONSULTANT.name(), List.of(), true));
        accounts.changeEmail(consultant.username(), "Casey-" + run + "@Consultancy.example");
        UserView gone = accounts.create(new UserForm("gone-" + run, "Gone Consultant", "a long consultant passphrase",
                Role.CONSULTANT.name(), List.of(), false));
        accounts.changeEmail(gone.username(), "gone-" + run + "@consultancy.example");
        UserView demoted = accounts.create(new UserForm("demoted-" + run, "Made Executive", "a long consultant passphrase",
                Role.EXECUTIVE.name(), List.of(), true));
        accounts.changeEmail(demoted.username(), "demoted-" + run + "@consultancy.example");
        for (UserView user : List.of(consultant, gone, demoted)) {
            jdbc.update("insert into organisation_consultants (organisation_id, user_id) values (?, ?)", client.id(),
                    user.id());
        }
        // Another organisation with an open action due in 7 days, and one done (no reminder).
        AssessmentView assessment = fixtures.assessment();
        String ops = "ops-" + run + "@client2.example";
        jdbc.update("update organisations set contact_email = ? where id = ?", ops, assessment.organisationId());
        for (String[] action : List.of(new String[] { "Launch the loyalty pilot", "PLANNED" },
                new String[] { "Hire a data lead", "DONE" })) {
            jdbc.update("insert into action_items (assessment_id, dimension_code, title, due_on, status, created_at,"
                    + " updated_at, version) values (?, 'STRATEGY', ?, ?, ?, current_timestamp, current_timestamp, 0)",
                    assessment.id(), action[0], java.sql.Date.valueOf(TODAY.plusDays(7)), action[1]);
        }

        Reminders.Outcome[] outcomes = runBothAtOnce(TODAY);

        // One instance claimed the day; the other did nothing.
        assertThat(Arrays.stream(outcomes).filter(Reminders.Outcome::ran)).hasSize(1);
        assertThat(Arrays.stream(outcomes).mapToInt(Reminders.Outcome::sent).sum()).isEqualTo(3);
        String casey = "casey-" + run + "@consultancy.example";
        List<MimeMessage> toContact = to(contact);
        List<MimeMessage> toCasey = to(casey);
        assertThat(toContact).hasSize(1);
        assertThat(toCasey).hasSize(1);
        assertThat(to("gone-" + run + "@consultancy.example")).as("a disabled account gets nothing").isEmpty();
        assertThat(to("demoted-" + run + "@consultancy.example")).as("an executive now gets nothing").isEmpty();
        String due = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .format(TODAY.plusDays(30));
        MimeMessage reassessment = toContact.get(0);
        assertThat(reassessment.getSubject()).isEqualTo("Re-assessment of " + client.name() + " due on " + due);
        assertThat(reassessment.getFrom()[0].toString()).contains("portal@consultancy.example");
        assertThat(reassessment.getHeader("List-Unsubscribe")[0]).startsWith("<https://portal.example/unsubscribe/");
        Map<String, String> body = parts(reassessment);
        assertThat(body.get("text")).contains("The next MPEM assessment of " + client.name() + " is due on " + due
                + ", in 30 days", "https://portal.example/organisations/" + client.id(), "https://portal.example/unsubscribe/");
        assertThat(body.get("html")).contains("<a href=\"https://portal.example/organisations/" + client.id() + "\">",
                "https://portal.example/unsubscribe/", "\">Stop reminders to this address</a>");
        MimeMessage action = to(ops).get(0);
        assertThat(to(ops)).hasSize(1);
        assertThat(action.getSubject()).startsWith("Action \u201cLaunch the loyalty pilot\u201d for ");
        assertThat(parts(action).get("text")).contains("https://portal.example/actions/");

        // The same day again, on either instance: nothing more.
        Reminders.Outcome[] again = runBothAtOnce(TODAY);
        assertThat(again).noneMatch(Reminders.Outcome::ran);
        assertThat(to(contact)).hasSize(1);

        // Casey stops reminders through the link in the mail (the page asks first).
        Matcher link = Pattern.compile("https://portal\\.example(/unsubscribe/[A-Za-z0-9_-]+)")
                .matcher(parts(toCasey.get(0)).get("text"));
        assertThat(link.find()).isTrue();
        Browser browser = new Browser(Integer.parseInt(first.getEnvironment().getProperty("local.server.port")));
        Document ask = Html.of(browser.get(link.group(1)).body());
        assertThat(ask.selectFirst("main").text()).contains("Stop all reminders from the MPEM portal to " + casey + "?");
        Document stopped = Html.of(browser.submit(link.group(1), link.group(1), Map.of()).body());
        assertThat(stopped.selectFirst(".flash").text()).isEqualTo("No more reminders will be sent to " + casey + ".");
        assertThat(browser.get("/unsubscribe/not-a-token").statusCode()).isEqualTo(404);

        // On the due day the contact hears again; Casey does not.
        Reminders.Outcome onTheDay = second.getBean(Reminders.class).run(TODAY.plusDays(30));
        assertThat(onTheDay.ran()).isTrue();
        assertThat(to(contact)).hasSize(2);
        assertThat(to(contact).get(1).getSubject()).isEqualTo("Re-assessment of " + client.name() + " due today");
        assertThat(to(casey)).hasSize(1);
    }
}
