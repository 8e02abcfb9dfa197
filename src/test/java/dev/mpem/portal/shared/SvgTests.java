package dev.mpem.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import dev.mpem.portal.shared.Svg;

class SvgTests {

    @Test
    void coordinatesHaveOneDecimalAndADot() {
        assertThat(Svg.n(12)).isEqualTo("12.0");
        assertThat(Svg.n(-3.46)).isEqualTo("-3.5");
        assertThat(Svg.n(0.04)).isEqualTo("0.0");
        assertThat(Svg.n(-0.04)).isEqualTo("0.0");
        assertThat(Svg.n(1234.56)).isEqualTo("1234.6");
        assertThat(Svg.n(99.96)).isEqualTo("100.0");
    }

    @Test
    void coordinatesReadAsStringFormatWritesThem() {
        for (int i = -2000; i <= 2000; i++) {
            double value = i / 7.0;
            assertThat(Svg.n(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
        }
    }
}
