package dev.mpem.portal.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    private final DashboardService dashboard;
    private final java.time.Clock clock;

    HomeController(DashboardService dashboard, java.time.Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /** The dashboard: organisations with their latest assessment, a page at a time. */
    @GetMapping("/")
    String home(@RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        rows(model, search, page);
        return "system/home";
    }

    @GetMapping("/organisations")
    String organisations(@RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        rows(model, search, page);
        return "organisation/organisations";
    }

    private void rows(Model model, String search, int page) {
        model.addAttribute("rows", dashboard.page(search, page));
        model.addAttribute("q", search);
        model.addAttribute("today", java.time.LocalDate.now(clock));
    }
}
