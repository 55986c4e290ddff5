package id.peduli.platform;

import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@code Idempotency-Key} to the operations marked {@link Idempotent}: claims the key for the caller, replays
 * the stored answer of an earlier success with the same body, and refuses a key reused with another body (422
 * {@code idempotency.keyReused}) or still in use by a running request (409 {@code idempotency.inProgress}). The
 * refusals are thrown, so that they become problem details like every other API error.
 */
@Component
class IdempotencyInterceptor implements HandlerInterceptor {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;

    IdempotencyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String key = request.getHeader(IdempotencyFilter.HEADER);
        if (key == null
                || !(handler instanceof HandlerMethod method)
                || !method.hasMethodAnnotation(Idempotent.class)
                || !"POST".equals(request.getMethod())) {
            return true;
        }
        if (!valid(key)) {
            throw new BusinessException(400, IdempotencyFilter.HEADER, "idempotency.keyInvalid");
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PeduliPrincipal principal)) {
            return true;
        }
        if (!(request.getAttribute(IdempotencyFilter.BODY) instanceof byte[] body)) {
            throw new BusinessException(
                    isJson(request) ? 413 : 415, null, isJson(request) ? "error.413.message" : "error.415.message");
        }
        byte[] hash = IdempotencyKeys.hash(request.getMethod(), request.getRequestURI(), body);
        IdempotencyKeys.Claim claim = keys.claim(principal.userId(), key, hash);
        if (claim instanceof IdempotencyKeys.Replay replay) {
            response.setStatus(replay.status());
            if (replay.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, replay.location());
            }
            if (replay.contentType() != null) {
                response.setContentType(replay.contentType());
            }
            response.setHeader(REPLAYED, "true");
            response.setContentLength(replay.body().length);
            response.getOutputStream().write(replay.body());
            response.flushBuffer();
            return false;
        }
        if (claim instanceof IdempotencyKeys.Mismatch) {
            throw new BusinessException(422, IdempotencyFilter.HEADER, "idempotency.keyReused");
        }
        if (claim instanceof IdempotencyKeys.InProgress) {
            throw BusinessException.conflict(IdempotencyFilter.HEADER, "idempotency.inProgress");
        }
        request.setAttribute(IdempotencyFilter.CLAIM, new IdempotencyFilter.Claimed(principal.userId(), key));
        if (request.getAttribute(IdempotencyFilter.RESPONSE) instanceof IdempotencyFilter.CopyingResponse copying) {
            copying.startCopying();
        }
        return true;
    }

    /** 1 to 100 visible ASCII characters. */
    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > 100) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }
}
