package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How full the last page of a laid-out PDF is, which decides whether a tighter layout is tried. */
class PdfLayoutTests {

    final PdfRenderer renderer = new PdfRenderer();

    static String page(int paragraphs) {
        return "<html><head><style>@page { size: A4; margin: 16mm 15mm 18mm 15mm; } body { font-size: 10pt; }"
                + " p { margin: 0 0 4mm; }</style></head><body>"
                + "<p>A paragraph of text that fills one line of the page.</p>".repeat(paragraphs) + "</body></html>";
    }

    @Test
    void theFillOfTheLastPageFollowsItsText() {
        PdfRenderer.Laid few = renderer.layOut(page(5));
        PdfRenderer.Laid half = renderer.layOut(page(15));
        PdfRenderer.Laid over = renderer.layOut(page(36));

        assertThat(few.pages()).isEqualTo(1);
        assertThat(few.lastPageFill()).isBetween(0.05, 0.2);
        assertThat(half.lastPageFill()).isBetween(0.3, 0.6);
        assertThat(over.pages()).isEqualTo(2);
        assertThat(over.lastPageFill()).isLessThan(PdfRenderer.NEARLY_EMPTY);
        PdfRenderer.Rules report = new PdfRenderer.Rules(0, true);
        assertThat(report.kept(over)).isFalse();
        assertThat(report.kept(half)).isTrue();
        assertThat(report.kept(few)).as("a single page is never nearly empty").isTrue();
        PdfRenderer.Rules onePage = new PdfRenderer.Rules(1, false);
        assertThat(onePage.kept(over)).isFalse();
        assertThat(onePage.better(few, over)).isTrue();
        assertThat(new PdfRenderer.Rules(2, false).kept(over)).as("two pages allowed, however full").isTrue();
    }
}
