package dev.mpem.portal.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A survey takes votes until its closing time, and not after it; a live workshop until it is closed. */
class SurveyClosingTests {

    static final Instant CLOSES = Instant.parse("2026-12-11T00:00:00Z");

    @Test
    void aSurveyTakesVotesUntilItsClosingTimeAndNoLonger() {
        Workshop survey = Workshop.survey(1, "ABCD2345", true, "EXTENT", "pat", Instant.parse("2026-11-26T09:00:00Z"),
                CLOSES);
        assertThat(survey.takesVotes(CLOSES.minusSeconds(1))).isTrue();
        assertThat(survey.takesVotes(CLOSES)).isFalse();
        assertThat(new WorkshopView(1, 1, "ABCD2345", true, "OPEN", "EXTENT", "pat", CLOSES, java.util.Set.of(), "SURVEY", CLOSES).expired(CLOSES)).isTrue();
        assertThat(new WorkshopView(1, 1, "ABCD2345", true, "OPEN", "EXTENT", "pat", CLOSES, java.util.Set.of(), "SURVEY", CLOSES).expired(CLOSES.minusSeconds(1))).isFalse();
        survey.close("pat", CLOSES.minusSeconds(60));
        assertThat(survey.takesVotes(CLOSES.minusSeconds(30))).isFalse();
    }

    @Test
    void aLiveWorkshopTakesVotesWhileOpen() {
        Workshop live = new Workshop(1, "EFGH2345", true, "EXTENT", "pat", Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(live.takesVotes(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(new WorkshopView(2, 1, "EFGH2345", true, "OPEN", "EXTENT", "pat", CLOSES, java.util.Set.of(), "LIVE", null).expired(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
        live.close("pat", Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(live.takesVotes(Instant.parse("2026-11-26T10:00:01Z"))).isFalse();
    }
}
