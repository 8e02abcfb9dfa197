package dev.mpem.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.mpem.portal.shared.Reader;
import dev.mpem.portal.shared.Times;

/** Times are shown in the reader's zone (else the portal's), with the zone named, summer time included. */
class TimesTests {

    static final Instant WINTER = Instant.parse("2026-01-15T09:30:00Z");
    static final Instant SUMMER = Instant.parse("2026-07-15T09:30:05Z");

    record Person(String timeZone) implements Reader {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signedInAs(Reader reader) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reader, null, List.of()));
    }

    @Test
    void withoutAChoiceTimesAreInThePortalZone() {
        Times times = new Times("Europe/Berlin");

        assertThat(times.dateTime(WINTER)).isEqualTo("2026-01-15 10:30 CET");
        assertThat(times.dateTimeSeconds(SUMMER)).isEqualTo("2026-07-15 11:30:05 CEST");
        assertThat(times.date(Instant.parse("2026-07-15T23:30:00Z"))).isEqualTo("2026-07-16");
        signedInAs(new Person(null));
        assertThat(times.dateTime(WINTER)).isEqualTo("2026-01-15 10:30 CET");
    }

    @Test
    void aPersonsOwnZoneWins() {
        Times times = new Times("UTC");
        assertThat(times.dateTime(WINTER)).isEqualTo("2026-01-15 09:30 UTC");

        signedInAs(new Person("America/New_York"));
        assertThat(times.dateTime(WINTER)).isEqualTo("2026-01-15 04:30 EST");
        assertThat(times.dateTime(SUMMER)).isEqualTo("2026-07-15 05:30 EDT");
        assertThat(times.readerZoneName()).startsWith("America/New_York (E");
        assertThat(times.inPortalZone(WINTER)).isEqualTo("2026-01-15 09:30 UTC");
    }

    @Test
    void anUnknownConfiguredZoneStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new Times("Mars/Olympus")).hasMessageContaining("portal.time-zone")
                .hasMessageContaining("Europe/London");
        assertThat(Times.choosable()).contains("UTC", "Europe/London", "Asia/Tokyo").doesNotContain("SystemV/AST4");
        assertThat(Times.choosable().get(0)).isEqualTo("UTC");
    }
}
