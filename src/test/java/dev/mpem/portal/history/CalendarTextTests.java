package dev.mpem.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5545 text in the re-assessment calendar file: no kind of line break survives unescaped. */
class CalendarTextTests {

    @Test
    void everyKindOfLineBreakIsEscaped() {
        assertThat(HistoryService.icsText("a\rb\nc\r\nd\u2028e\u2029f\u0085g\u000Bh;i,j\\k"))
                .isEqualTo("a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\;i\\,j\\\\k");
    }
}
