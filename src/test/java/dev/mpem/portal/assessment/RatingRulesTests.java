package dev.mpem.portal.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mpem.portal.shared.FieldProblem;

class RatingRulesTests {

    // The rules only need level names from the model; these are the paper's.
    final dev.mpem.portal.model.Mpem mpem = dev.mpem.portal.model.TestModel.mpem();

    final jakarta.validation.Validator validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteRatingWithTargetAtOrAboveCurrentIsValid() {
        assertThat(check(1, 1, null, true)).isEmpty();
        assertThat(check(1, 5, "notes", true)).isEmpty();
        assertThat(check(null, null, "only notes", false)).isEmpty();
        // On the page a planned target may stand alone (a re-assessment starts with last time's targets).
        assertThat(check(null, 3, null, false)).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        assertThat(fields(check(3, 2, null, true))).containsExactly("target");
        assertThat(fields(check(0, 2, null, true))).containsExactly("current");
        assertThat(fields(check(2, 6, null, true))).containsExactly("target");
        assertThat(fields(check(2, null, null, false))).containsExactly("target");
        assertThat(fields(check(null, 2, null, true))).containsExactly("current");
        assertThat(fields(check(null, null, null, true))).containsExactly("current", "target");
        assertThat(fields(check(1, 2, "x".repeat(4001), true))).containsExactly("notes");
        assertThat(check(1, 2, "x".repeat(4000), true)).isEmpty();
    }

    private List<FieldProblem> check(Integer current, Integer target, String notes, boolean levelsRequired) {
        return RatingRules.check(new RatingCommand(current, target, notes, null, levelsRequired, null), mpem, validator);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
