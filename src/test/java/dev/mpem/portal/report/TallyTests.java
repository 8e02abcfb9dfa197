package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mpem.portal.assessment.Confidence;
import dev.mpem.portal.report.Tally;

class TallyTests {

    static Tally.Ballot vote(int current, int target) {
        return new Tally.Ballot("p", current, target, null);
    }

    @Test
    void distributionMediansSpreadAndConfidence() {
        // current 2,2,3,3,3 -> median 3; target 3,4,4,4,5 -> median 4; spread max(3-2, 5-3) = 2 -> MEDIUM
        Tally tally = Tally.of(List.of(vote(2, 3), vote(2, 4), vote(3, 4), vote(3, 4), vote(3, 5)), true);

        assertThat(tally.votes()).isEqualTo(5);
        assertThat(tally.current()).containsExactly(java.util.Map.entry(1, 0), java.util.Map.entry(2, 2),
                java.util.Map.entry(3, 3), java.util.Map.entry(4, 0), java.util.Map.entry(5, 0));
        assertThat(tally.target().get(4)).isEqualTo(3);
        assertThat(tally.medianCurrent()).isEqualByComparingTo("3");
        assertThat(tally.medianTarget()).isEqualByComparingTo("4");
        assertThat(tally.spread()).isEqualTo(2);
        assertThat(tally.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(tally.named()).isEmpty();
    }

    @Test
    void allVotesWithinOneLevelIsHighAndThreeOrMoreApartIsLowAndContested() {
        assertThat(Tally.of(List.of(vote(2, 3), vote(3, 3), vote(2, 2)), true).confidence()).isEqualTo(Confidence.HIGH);
        assertThat(Tally.of(List.of(vote(3, 3), vote(3, 3)), true).spread()).isZero();
        Tally contested = Tally.of(List.of(vote(1, 2), vote(4, 4)), true);
        assertThat(contested.spread()).isEqualTo(3);
        assertThat(contested.confidence()).isEqualTo(Confidence.LOW);
        assertThat(contested.contested()).isTrue();
        // The targets alone can make a dimension contested.
        assertThat(Tally.of(List.of(vote(2, 2), vote(2, 5)), true).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void anEvenNumberOfVotesHasAHalfwayMedianAndTheSuggestionRoundsDown() {
        Tally tally = Tally.of(List.of(vote(2, 3), vote(3, 4)), false);

        assertThat(tally.medianCurrent()).isEqualTo(new BigDecimal("2.5"));
        assertThat(Tally.suggestion(tally.medianCurrent())).isEqualTo(2);
        assertThat(tally.named()).extracting(Tally.NamedVote::participant).containsExactly("p", "p");
    }

    @Test
    void noVotesNoMedianNoConfidence() {
        Tally tally = Tally.of(List.of(), false);

        assertThat(tally.votes()).isZero();
        assertThat(tally.medianCurrent()).isNull();
        assertThat(tally.confidence()).isNull();
        assertThat(tally.current().values()).containsOnly(0);
    }
}
