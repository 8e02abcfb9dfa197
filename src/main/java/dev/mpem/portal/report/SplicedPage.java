package dev.mpem.portal.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.View;

/**
 * A page with large parts that are already rendered and encoded (a gap report's body, the same for
 * every reader): the page around it is rendered as usual, with a mark where the part goes, and the
 * part's bytes are written in place of the mark. The part is neither processed by the template
 * engine nor encoded again on every request.
 */
final class SplicedPage implements View {

    private static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    /** Where a part goes (a mark the page writes once) and the part's bytes. */
    record Part(String mark, byte[] bytes) {
    }

    private final View page;
    private final List<Part> parts;

    /** {@code parts} in the order their marks appear in the page. */
    SplicedPage(View page, List<Part> parts) {
        this.page = page;
        this.parts = parts;
    }

    @Override
    public String getContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        CapturedText around = new CapturedText(response);
        page.render(model, request, around);
        String text = around.text();
        List<byte[]> pieces = new ArrayList<>(parts.size() * 2 + 1);
        int from = 0;
        for (Part part : parts) {
            int at = text.indexOf(part.mark(), from);
            if (at < 0) {
                throw new IllegalStateException("The page has no place marked for its rendered part");
            }
            pieces.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            pieces.add(part.bytes());
            from = at + part.mark().length();
        }
        pieces.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(pieces.stream().mapToInt(piece -> piece.length).sum());
        ServletOutputStream out = response.getOutputStream();
        for (byte[] piece : pieces) {
            out.write(piece);
        }
    }

    /** Keeps what the page writes as text; headers still go to the real response. */
    private static final class CapturedText extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter(8192);
        private final PrintWriter writer = new PrintWriter(text);

        CapturedText(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("The page around a spliced part is written as text");
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public void setContentLength(int length) {
            // The length is only known once the part is in place.
        }

        @Override
        public void setContentLengthLong(long length) {
            // As above.
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        String text() {
            writer.flush();
            return text.toString();
        }
    }
}
