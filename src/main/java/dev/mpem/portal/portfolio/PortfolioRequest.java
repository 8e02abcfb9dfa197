package dev.mpem.portal.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.mpem.portal.organisation.Industry;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

/**
 * A portfolio filter as typed (page) or sent (API): an industry code (or English name), dates as
 * YYYY-MM-DD, a sort column and direction. Kept as text so that a page shows what was typed.
 */
public record PortfolioRequest(String industry, String from, String to, String sort, String dir) {

    public PortfolioRequest {
        industry = Text.singleLine(industry);
        from = Text.singleLine(from);
        to = Text.singleLine(to);
    }

    /** The filter, or every problem at once. */
    PortfolioFilter filter() {
        List<FieldProblem> problems = new ArrayList<>();
        Industry chosen = null;
        if (industry != null) {
            chosen = Industry.of(industry).orElse(null);
            if (chosen == null) {
                problems.add(new FieldProblem("industry", Words.say("portfolio.industry.unknown", industry), industry));
            }
        }
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("to", Words.say("portfolio.range"), to));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PortfolioFilter(chosen, start, end);
    }

    boolean descending() {
        return "desc".equalsIgnoreCase(dir);
    }

    private static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, Words.say("portfolio.date", text), text));
            return null;
        }
    }
}
