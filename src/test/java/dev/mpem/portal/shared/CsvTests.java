package dev.mpem.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import dev.mpem.portal.shared.Csv;

class CsvTests {

    @Test
    void quotesFieldsWithSeparatorsQuotesAndLineBreaks() {
        String csv = new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", null, 3).toString();

        assertThat(csv).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDisarmed() {
        String csv = new Csv().row("=HYPERLINK(\"x\")", "+1", "-cmd", "@SUM(A1)", -2).toString();

        assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-cmd,'@SUM(A1),-2\r\n");
    }
}
