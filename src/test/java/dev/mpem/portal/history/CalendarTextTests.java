package dev.mpem.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

/** Text in the re-assessment calendar file: no kind of line break survives unescaped. */
class CalendarTextTests {

    @Test
    void everyKindOfLineBreakIsEscaped() {
        ICalendar calendar = new ICalendar();
        VEvent event = new VEvent();
        event.setDescription(ReassessmentCalendar.description("a\rb\nc\r\nd\u2028e\u2029f\u0085g\u000Bh;i,j\\k"));
        calendar.addEvent(event);

        String written = Biweekly.write(calendar).go();

        assertThat(written).contains("DESCRIPTION:a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\;i\\,j\\\\k\r\n");
        assertThat(Biweekly.parse(written).first().getEvents().get(0).getDescription().getValue())
                .isEqualTo("a\nb\nc\nd\ne\nf\ng\nh;i,j\\k");
    }
}
