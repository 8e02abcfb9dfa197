package dev.mpem.portal.overview;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.mpem.portal.history.HistoryService;
import dev.mpem.portal.history.TimelineEntry;
import dev.mpem.portal.organisation.OrganisationService;

/**
 * An organisation's page: its details (organisation module) with its assessments over time
 * (history module), composed here above both so that neither depends on the other.
 */
@Controller
class OrganisationPageController {

    private final OrganisationService organisations;
    private final HistoryService history;
    private final Clock clock;

    private final dev.mpem.portal.organisation.OrganisationConsultants consultants;

    OrganisationPageController(OrganisationService organisations, HistoryService history, Clock clock,
            dev.mpem.portal.organisation.OrganisationConsultants consultants) {
        this.consultants = consultants;
        this.organisations = organisations;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/organisations/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("organisation", organisations.get(id));
        model.addAttribute("timeline", TimelineEntry.newestFirst(history.timeline(id)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("consultants", consultants.of(id));
        return "organisation/organisation";
    }
}
