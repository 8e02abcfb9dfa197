package dev.mpem.portal.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.PlainName;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

/**
 * The details of an assessment as typed on the page or sent to the API. The date stays text until
 * it is checked, so that a mistyped date comes back to the form as it was typed.
 */
public record AssessmentForm(
        @NotBlank(message = "{assessment.title.required}")
        @Size(max = 200, message = "{assessment.title.size}")
        @PlainName("The title")
        String title,
        String assessedOn,
        @Size(max = 200, message = "{assessment.assessor.size}")
        String assessor,
        @Size(max = 2000, message = "{assessment.participants.size}")
        String participants,
        List<String> focusOutcomes) {

    public AssessmentForm {
        title = Text.singleLine(title);
        assessedOn = Text.singleLine(assessedOn);
        assessor = Text.singleLine(assessor);
        participants = Text.multiLine(participants);
        focusOutcomes = focusOutcomes == null ? List.of()
                : focusOutcomes.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
    }

    static AssessmentForm startingOn(LocalDate today, String assessor) {
        return new AssessmentForm(null, today.toString(), assessor, null, List.of());
    }

    static AssessmentForm of(AssessmentView assessment) {
        return new AssessmentForm(assessment.title(), assessment.assessedOn().toString(), assessment.assessor(),
                assessment.participants(), assessment.focusOutcomes());
    }

    /** Checks what only the model and the calendar can tell, and gives the details to store. */
    AssessmentDetails toDetails(Mpem mpem, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = today;
        if (assessedOn != null) {
            try {
                date = LocalDate.parse(assessedOn);
                if (date.getYear() < 2000 || date.isAfter(today.plusYears(1))) {
                    problems.add(new FieldProblem("assessedOn", Words.say("assessment.assessedOn.range"), assessedOn));
                }
            }
            catch (DateTimeParseException e) {
                problems.add(new FieldProblem("assessedOn",
                        Words.say("assessment.assessedOn.format", today.toString()), assessedOn));
            }
        }
        List<String> unknown = focusOutcomes.stream().filter(code -> mpem.findOutcome(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("focusOutcomes", Words.say("assessment.focusOutcomes.unknown",
                    String.join(", ", unknown)), unknown));
        }
        if (!problems.isEmpty()) {
            throw new dev.mpem.portal.shared.InvalidInputException(problems);
        }
        List<String> inModelOrder = mpem.outcomes().stream().map(o -> o.code())
                .filter(focusOutcomes::contains).toList();
        return new AssessmentDetails(title, date, assessor, participants, inModelOrder);
    }
}
