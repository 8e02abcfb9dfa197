package dev.mpem.portal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns an HTML page (the report's print template) into a PDF with its SVG charts. DejaVu Sans is
 * embedded so that names in any European script print as typed.
 *
 * <p>Parsing the fonts took a sixth of every PDF's time, so they are parsed once, into at most one
 * set per processor, when first needed: a PDF borrows a set while it is rendered (a parsed font is
 * not safe to share between threads). That also keeps no more PDFs rendering at once than there
 * are processors to do it; the others wait their turn in the order they came.
 * Glyph substitution is off: it only forms ligatures such as "fi" in these scripts, and cost a
 * tenth of the time.
 */
@Component
class PdfRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final byte[] regular = font("fonts/DejaVuSans.ttf");
    private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");
    private final Semaphore rendering = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private final ConcurrentLinkedQueue<FontSet> idleFonts = new ConcurrentLinkedQueue<>();

    /** Font metrics, worked out once instead of parsing the fonts again for every PDF's layout. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSCacheEx<>() {
        private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            values.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return values.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                }
                catch (Exception e) {
                    throw new IllegalStateException("Font metrics could not be read", e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return values.get(key);
        }
    };

    byte[] render(String html) {
        return layOut(html).bytes();
    }

    /**
     * A PDF laid out to read well: {@code html} gives the document at a tightness from 0 (as
     * designed) to {@link #MAX_TIGHTNESS}. When the designed layout breaks a rule, tighter layouts are
     * tried and the best one is kept: within {@code maxPages} (0: no limit) first, then (with
     * {@code fillLastPage}) without a nearly empty last page, then the fewest pages.
     */
    byte[] render(java.util.function.IntFunction<String> html, int maxPages, boolean fillLastPage) {
        Rules rules = new Rules(maxPages, fillLastPage);
        Laid best = null;
        int layouts = 0;
        for (int tightness = 0; tightness <= MAX_TIGHTNESS; tightness++) {
            Laid laid = layOut(html.apply(tightness));
            layouts++;
            if (best == null || rules.better(laid, best)) {
                best = laid;
            }
            if (rules.kept(best)) {
                break;
            }
        }
        log.debug("PDF of {} pages after {} layout(s), last page {}% full", best.pages(), layouts,
                Math.round(best.lastPageFill() * 100));
        return best.bytes();
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfRenderer.class);

    /** How much tighter than designed a document may be laid out (see the PDF templates' tight-1 and tight-2). */
    static final int MAX_TIGHTNESS = 2;

    /** A last page filled less than this (of its text area) is nearly empty. */
    static final double NEARLY_EMPTY = 0.25;

    /** A laid-out PDF: its bytes, its pages and how far down the text of its last page goes (0 to 1). */
    record Laid(byte[] bytes, int pages, double lastPageFill) {

        boolean nearlyEmptyLastPage() {
            return pages > 1 && lastPageFill < NEARLY_EMPTY;
        }
    }

    /** What a layout must keep to: at most {@code maxPages} (0: any), and a last page worth printing. */
    record Rules(int maxPages, boolean fillLastPage) {

        boolean fits(Laid laid) {
            return maxPages == 0 || laid.pages() <= maxPages;
        }

        boolean kept(Laid laid) {
            return fits(laid) && !(fillLastPage && laid.nearlyEmptyLastPage());
        }

        boolean better(Laid laid, Laid other) {
            if (fits(laid) != fits(other)) {
                return fits(laid);
            }
            if (kept(laid) != kept(other)) {
                return kept(laid);
            }
            return laid.pages() < other.pages();
        }
    }

    Laid layOut(String html) {
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        acquire();
        FontSet fonts = idleFonts.poll();
        try (PDDocument pdf = new PDDocument()) {
            if (fonts == null) {
                fonts = new FontSet(parse(regular), parse(bold));
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, fonts.regular(), true)), FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, fonts.bold(), true)), FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withW3cDocument(document, "/");
            builder.toStream(out);
            // Written into the document without closing it, so its text can be measured before it is saved.
            try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                double fill = lastPageFill(pdf);
                pdf.save(out);
                return new Laid(out.toByteArray(), pdf.getNumberOfPages(), fill);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        }
        finally {
            if (fonts != null) {
                idleFonts.add(fonts);
            }
            rendering.release();
        }
    }

    /**
     * How far down its text area the last page's text reaches, from 0 (empty) to 1 (full); the
     * running footer in the bottom margin does not count.
     */
    private static double lastPageFill(PDDocument pdf) throws IOException {
        int last = pdf.getNumberOfPages();
        float height = pdf.getPage(last - 1).getMediaBox().getHeight();
        float[] lowest = { 0 };
        org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper() {
            @Override
            protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                for (org.apache.pdfbox.text.TextPosition position : positions) {
                    float y = position.getYDirAdj();
                    if (y < height - MARGIN_BOTTOM && y > lowest[0]) {
                        lowest[0] = y;
                    }
                }
            }
        };
        stripper.setStartPage(last);
        stripper.setEndPage(last);
        stripper.getText(pdf);
        return Math.max(0, (lowest[0] - MARGIN_TOP) / (height - MARGIN_TOP - MARGIN_BOTTOM));
    }

    /** The page margins of the PDF templates, in points (about 15 mm and 16 mm). */
    private static final float MARGIN_TOP = 42;
    private static final float MARGIN_BOTTOM = 46;

    private void acquire() {
        try {
            rendering.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to render a PDF", e);
        }
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            parsed.setEnableGsub(false);
            return parsed;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Unreadable font", e);
        }
    }

    /** The regular and bold face, parsed, for one PDF at a time. */
    private record FontSet(TrueTypeFont regular, TrueTypeFont bold) {
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing font " + path, e);
        }
    }
}
