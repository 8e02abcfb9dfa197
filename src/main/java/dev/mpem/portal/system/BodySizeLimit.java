package dev.mpem.portal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import dev.mpem.portal.shared.ApiError;
import dev.mpem.portal.shared.BodyTooLargeException;
import dev.mpem.portal.shared.Words;

/**
 * Refuses oversized request bodies before anyone reads them, signed in or not: a body announced
 * larger than its limit gets 413 at once; a body without a length (chunked) is cut off with 413 as
 * soon as it passes the limit while being read. Ordinary API calls and forms get
 * {@code portal.limits.request-body}; the admin import gets {@code portal.limits.import-body}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit extends OncePerRequestFilter {

    private final long requestLimit;
    private final long importLimit;

    BodySizeLimit(@Value("${portal.limits.request-body:1MB}") DataSize requestLimit,
            @Value("${portal.limits.import-body:2GB}") DataSize importLimit) {
        this.requestLimit = requestLimit.toBytes();
        this.importLimit = importLimit.toBytes();
    }

    static boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/admin/import") || path.equals("/admin/data/import");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isImport(request) ? importLimit : requestLimit;
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(announced >= 0 ? request : new Limited(request, limit), response);
    }

    /** 413 in the API's JSON shape under /api, the portal's error page elsewhere. The body is never read. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // Tomcat would otherwise try to swallow the rest of a huge body before answering.
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ApiError.of(413, "PAYLOAD_TOO_LARGE", tooLarge(limit)).json());
            return;
        }
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(limit));
    }

    static String tooLarge(long limit) {
        return Words.say("api.tooLarge", DataSize.ofBytes(limit).toKilobytes());
    }

    /** A request whose body stops with {@link BodyTooLargeException} once more than {@code limit} bytes are read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
