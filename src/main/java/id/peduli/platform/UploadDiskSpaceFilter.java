package id.peduli.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload (a multipart request) whose size would leave less than {@code peduli.disk.min-free-space} free
 * on the disk of the data directory, before any of it is read or written: the API answers 507 with a problem
 * detail, a page goes back with a translated message. A full disk would otherwise stop the database as well.
 */
@Component
class UploadDiskSpaceFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadDiskSpaceFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final long minFreeBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;

    UploadDiskSpaceFilter(
            @Value("${peduli.data-dir}") String dataDir,
            @Value("${peduli.disk.min-free-space:500MB}") DataSize minFree,
            MessageSource messages,
            LocaleResolver locales) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.minFreeBytes = minFree.toBytes();
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = Math.max(0, request.getContentLengthLong());
        long usable = usableSpace();
        if (usable - length >= minFreeBytes) {
            chain.doFilter(request, response);
            return;
        }
        log.warn(
                "Refused an upload of {} bytes: {} bytes free on the disk of {}, at least {} must stay free"
                        + " (peduli.disk.min-free-space)",
                length,
                usable,
                dataDir,
                minFreeBytes);
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("disk.lowSpace.title", null, locale);
        String detail = messages.getMessage("disk.lowSpace", null, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", 507);
            problem.put("detail", detail);
            response.setStatus(507);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.writeValueAsString(problem));
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("error", detail);
        String back = back(request);
        flash.setTargetRequestPath(back);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + back);
    }

    private long usableSpace() {
        try {
            Path existing = dataDir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null
                    ? Long.MAX_VALUE
                    : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The page the form was on (same site only), else the request's own path. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI uri = java.net.URI.create(referer);
                if (uri.getPath() != null
                        && (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName()))) {
                    String path = uri.getPath();
                    String context = request.getContextPath();
                    return path.startsWith(context) ? path.substring(context.length()) : path;
                }
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
