package dev.mpem.portal.overview;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
class DashboardDueOrderTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    long organisation(String tag, String name, LocalDate completedOn) {
        long id = organisations.create(new OrganisationForm(tag + " " + name, null, null, null)).id();
        if (completedOn != null) {
            AssessmentView assessment = fixtures.assessment(id, completedOn.toString());
            fixtures.rateAll(assessment.id(), 2, 3);
            fixtures.complete(assessment.id());
        }
        return id;
    }

    @Test
    void overdueAndSoonDueOrganisationsComeFirstThenTheRestByName() throws Exception {
        String tag = Fixtures.unique("Due");
        LocalDate today = LocalDate.now();
        organisation(tag, "A never assessed", null);
        organisation(tag, "B due in five months", today.minusMonths(1));
        LocalDate soonCompleted = today.minusMonths(6).plusDays(10);
        long soonDays = java.time.temporal.ChronoUnit.DAYS.between(today, soonCompleted.plusMonths(6));
        organisation(tag, "C due in ten days", soonCompleted);
        organisation(tag, "D overdue a month", today.minusMonths(7));
        organisation(tag, "E overdue a week", today.minusMonths(6).minusDays(7));

        Document page = Html.of(mvc.perform(get("/").param("q", tag).with(signedInAs(fixtures.user(Role.CONSULTANT)))));

        assertThat(page.select("table.dashboard-table tbody th").eachText()).containsExactly(tag + " D overdue a month",
                tag + " E overdue a week", tag + " C due in ten days", tag + " A never assessed",
                tag + " B due in five months");
        assertThat(page.select("td.due.overdue").eachText()).hasSize(2).allMatch(text -> text.startsWith("Overdue since"));
        assertThat(page.select("td.due.soon").eachText()).containsExactly("Due in " + soonDays + " days");
    }

    @Test
    void theDashboardsPagesListEveryOrganisationOnceDueOnesFirst() throws Exception {
        String tag = Fixtures.unique("Paged");
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 26; i++) {
            organisation(tag, String.format("F%02d later", i), null);
        }
        organisation(tag, "D overdue a month", today.minusMonths(7));
        organisation(tag, "E overdue a week", today.minusMonths(6).minusDays(7));
        organisation(tag, "C due in ten days", today.minusMonths(6).plusDays(10));
        var consultant = fixtures.user(Role.CONSULTANT);

        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Boolean> due = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Document html = Html.of(mvc.perform(get("/").param("page", String.valueOf(page)).with(signedInAs(consultant))));
            var rows = html.select("table.dashboard-table tbody tr");
            if (rows.isEmpty()) {
                break;
            }
            assertThat(rows).hasSizeLessThanOrEqualTo(25);
            rows.forEach(row -> {
                names.add(row.selectFirst("th").text());
                due.add(row.selectFirst("td.due.overdue, td.due.soon") != null);
            });
        }

        assertThat(names).doesNotHaveDuplicates().hasSize(organisations.all().size());
        assertThat(due.indexOf(false)).isGreaterThan(due.lastIndexOf(true));
        assertThat(names.stream().filter(name -> name.startsWith(tag)).toList())
                .startsWith(tag + " D overdue a month", tag + " E overdue a week", tag + " C due in ten days")
                .endsWith(java.util.stream.IntStream.range(0, 26)
                        .mapToObj(i -> String.format("%s F%02d later", tag, i)).toArray(String[]::new));
    }
}
