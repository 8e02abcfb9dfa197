package dev.mpem.portal.portfolio;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.organisation.Industry;
import dev.mpem.portal.shared.Csv;
import dev.mpem.portal.shared.Downloads;
import dev.mpem.portal.shared.InvalidInputException;

/** The portfolio page and its CSV, for consultants and admins (the security configuration keeps executives out). */
@Controller
class PortfolioController {

    private final PortfolioService portfolio;
    private final ModelService models;
    private final java.time.Clock clock;

    PortfolioController(PortfolioService portfolio, ModelService models, java.time.Clock clock) {
        this.portfolio = portfolio;
        this.models = models;
        this.clock = clock;
    }

    @ModelAttribute("industries")
    Industry[] industries() {
        return Industry.values();
    }

    @GetMapping("/portfolio")
    String page(@ModelAttribute("query") PortfolioRequest query,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model, HttpServletResponse response) {
        model.addAttribute("mpem", models.model());
        try {
            PortfolioFilter filter = query.filter();
            model.addAttribute("chosenIndustry", filter.industry() == null ? null : filter.industry().name());
            Portfolio shown = portfolio.page(filter, query.sort(), query.descending(), page);
            model.addAttribute("portfolio", shown);
            model.addAttribute("chart", SpreadChart.of(shown.spread()));
            model.addAttribute("links", new PortfolioLinks(query, shown.sort(), shown.descending()));
        }
        catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
        }
        return "portfolio/portfolio";
    }

    /** The heat map's table, every organisation the filter covers, in the page's order. */
    @GetMapping("/portfolio.csv")
    ResponseEntity<String> csv(@ModelAttribute("query") PortfolioRequest query) {
        PortfolioFilter filter = query.filter();
        List<Dimension> dimensions = models.model().dimensions();
        List<Category> categories = models.model().categories();
        List<Object> header = new java.util.ArrayList<>(List.of("organisation_id", "organisation", "industry",
                "industry_other", "assessment_id", "assessment_title", "assessed_on"));
        dimensions.forEach(d -> header.add(d.code() + "_current"));
        dimensions.forEach(d -> header.add(d.code() + "_target"));
        categories.forEach(c -> header.add(c.code() + "_current_average"));
        header.add("overall_current_average");
        header.add("next_assessment_due");
        Csv csv = new Csv().row(header);
        portfolio.eachRow(filter, query.sort(), query.descending(), row -> {
            List<Object> fields = new java.util.ArrayList<>(List.of(row.organisationId(), row.name(),
                    row.industry() == null ? "" : row.industry().name(), row.industryOther() == null ? "" : row.industryOther(),
                    row.assessmentId(), row.title(), row.assessedOn()));
            fields.addAll(row.current());
            fields.addAll(row.target());
            row.categories().forEach(average -> fields.add(Portfolio.decimal(average)));
            fields.add(Portfolio.decimal(row.overall()));
            fields.add(row.nextDue());
            csv.row(fields);
        });
        String name = "MPEM portfolio" + (filter.industry() == null ? "" : " - " + filter.industry().label())
                + " - " + java.time.LocalDate.now(clock) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name))
                .body(csv.toString());
    }
}
