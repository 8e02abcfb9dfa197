package dev.mpem.portal.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.View;

/**
 * A page with a large part that is already rendered and encoded (a gap report's body, the same for
 * every reader): the page around it is rendered as usual, with a mark where the part goes, and the
 * part's bytes are written in place of the mark. The part is neither processed by the template
 * engine nor encoded again on every request.
 */
final class SplicedPage implements View {

    private static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    private final View page;
    private final String mark;
    private final byte[] part;

    SplicedPage(View page, String mark, byte[] part) {
        this.page = page;
        this.mark = mark;
        this.part = part;
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
        int at = text.indexOf(mark);
        if (at < 0) {
            throw new IllegalStateException("The page has no place marked for its rendered part");
        }
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + mark.length()).getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(before.length + part.length + after.length);
        ServletOutputStream out = response.getOutputStream();
        out.write(before);
        out.write(part);
        out.write(after);
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
