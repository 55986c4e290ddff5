package id.peduli.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet half of {@code Idempotency-Key}: for a JSON POST under {@code /api/} that carries the header, it reads
 * the body once (so that it can be hashed and still be read by the controller) and lets the response be copied as it
 * is written. {@link IdempotencyInterceptor}, which knows the operation, decides whether the key applies; when it
 * claimed the key, the answer is kept for the retries if it succeeded, and the key released if not.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY = 1024 * 1024;
    static final String BODY = IdempotencyFilter.class.getName() + ".body";
    static final String RESPONSE = IdempotencyFilter.class.getName() + ".response";
    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** The key a request claimed, set by the interceptor. */
    record Claimed(long userId, String key) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest req = request;
        if (isJson(request.getContentType())) {
            InputStream in = request.getInputStream();
            byte[] head = in.readNBytes(MAX_BODY + 1);
            if (head.length <= MAX_BODY) {
                request.setAttribute(BODY, head);
                req = new BodyRequest(request, new ByteArrayInputStream(head));
            } else {
                req = new BodyRequest(request, new SequenceInputStream(new ByteArrayInputStream(head), in));
            }
        }
        CopyingResponse res = new CopyingResponse(response);
        req.setAttribute(RESPONSE, res);
        boolean settled = false;
        try {
            chain.doFilter(req, res);
            if (req.getAttribute(CLAIM) instanceof Claimed claimed) {
                res.flushBuffer();
                int status = res.getStatus();
                if (status >= 200 && status < 300) {
                    keys.complete(
                            claimed.userId(),
                            claimed.key(),
                            status,
                            res.getHeader(HttpHeaders.LOCATION),
                            res.getContentType(),
                            res.copy());
                } else {
                    keys.release(claimed.userId(), claimed.key());
                }
                settled = true;
            }
        } finally {
            if (!settled && req.getAttribute(CLAIM) instanceof Claimed claimed) {
                keys.release(claimed.userId(), claimed.key());
            }
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A request whose body was read ahead. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final InputStream body;

        BodyRequest(HttpServletRequest request, InputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return body.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return body.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /**
                 * Not supported, on purpose: the body is already read into memory, so there is nothing to wait for,
                 * and the application never reads a request body asynchronously (no servlet 3.1 non-blocking I/O).
                 * A future caller that does would fail here loudly instead of never being called back.
                 */
                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the request body is buffered; read it synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /**
     * A response that, once {@link #startCopying()} was called, keeps a copy of what it sends. The answer still goes
     * out as it is written: nothing is held back.
     */
    static final class CopyingResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean copying;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CopyingResponse(HttpServletResponse response) {
            super(response);
        }

        void startCopying() {
            copying = true;
        }

        byte[] copy() {
            return copy.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        if (copying) {
                            copy.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        if (copying) {
                            copy.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            } else if (stream != null) {
                stream.flush();
            }
            super.flushBuffer();
        }
    }
}
