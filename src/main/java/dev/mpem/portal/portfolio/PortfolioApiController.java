package dev.mpem.portal.portfolio;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import dev.mpem.portal.organisation.Industry;

/** The portfolio's spread as JSON, for consultants and admins (executives are answered 403). */
@Tag(name = "Portfolio", description = "Benchmarks across the organisations assessed (never revealing one organisation).")
@RestController
class PortfolioApiController {

    static final String TOO_FEW = "TOO_FEW_ORGANISATIONS";

    private final PortfolioService portfolio;

    PortfolioApiController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/api/portfolio")
    @Operation(summary = "Benchmarks per dimension across the portfolio")
    PortfolioJson portfolio(@ModelAttribute PortfolioRequest query) {
        PortfolioFilter filter = query.filter();
        Portfolio.Spread spread = portfolio.distributions(filter);
        return new PortfolioJson(spread.organisations(), filter.industry(), filter.from(), filter.to(),
                Benchmarks.MIN_ORGANISATIONS, spread.dimensions().stream().map(d -> new DimensionJson(
                        d.dimension().code(), d.n(), d.current(), d.target(), d.shown() ? null : TOO_FEW)).toList());
    }

    /**
     * {@code organisations}: how many organisations the filter covers (by their latest completed
     * assessment); per dimension {@code n} of them rated it. The five figures are null, with the
     * reason, below {@code minimum} organisations.
     */
    record PortfolioJson(int organisations, Industry industry, LocalDate from, LocalDate to, int minimum,
            List<DimensionJson> dimensions) {
    }

    @Schema(name = "PortfolioDimension")
    record DimensionJson(String dimension, int n, Stats current, Stats target, String reason) {
    }
}
