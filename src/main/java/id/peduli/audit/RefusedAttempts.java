package id.peduli.audit;

import id.peduli.platform.PeduliPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.WebUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes a refused request to an endpoint that serves personal data to the processing log, as {@link
 * AuditAction#REFUSED}: answered 403, or 404 raised by a check (a record outside the caller's units answers as a
 * missing one). It keeps the method, the endpoint's pattern and the status, never the ids or the query (ADR 10). Runs
 * after the security filters, so the signed-in user is known.
 */
@Component
class RefusedAttempts extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedAttempts.class);

    private final AuditLog audit;
    private final ObjectProvider<PersonalDataEndpoints> declared;
    private volatile List<Watched> watched;

    RefusedAttempts(AuditLog audit, ObjectProvider<PersonalDataEndpoints> declared) {
        this.audit = audit;
        this.declared = declared;
    }

    private record Watched(PathPattern pattern, String subjectType) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AccessDeniedException e) {
            record(request, 403);
            throw e;
        } catch (ServletException e) {
            if (e.getCause() instanceof AccessDeniedException) {
                record(request, 403);
            }
            throw e;
        }
        int status = response.getStatus();
        if (status == 403 || (status == 404 && raised(request))) {
            record(request, status);
        }
    }

    /** A 404 from an exception (a scope check, a missing record), not one a handler returned as its answer. */
    private static boolean raised(HttpServletRequest request) {
        return request.getAttribute(RaisedExceptionMarker.RAISED) != null
                || request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) != null
                || request.getAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE) != null;
    }

    private void record(HttpServletRequest request, int status) {
        try {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof PeduliPrincipal user)) {
                return;
            }
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Optional<Watched> match = watched().stream()
                    .filter(w -> w.pattern().matches(PathContainer.parsePath(path)))
                    .findFirst();
            if (match.isEmpty()) {
                return;
            }
            Object handlerPattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String endpoint = handlerPattern instanceof String p
                    ? p
                    : match.get().pattern().getPatternString();
            Long unit = user.grants().stream()
                    .map(PeduliPrincipal.RoleGrant::unitId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            audit.record(AuditRecord.of(AuditAction.REFUSED, match.get().subjectType(), null)
                    .unit(unit)
                    .purpose(request.getMethod() + " " + endpoint + " → " + status));
        } catch (RuntimeException e) {
            // The refusal itself stands; a log that cannot be written is reported, not turned into a 500.
            log.warn("Could not write a refused attempt to the processing log", e);
        }
    }

    private List<Watched> watched() {
        List<Watched> current = watched;
        if (current == null) {
            PathPatternParser parser = PathPatternParser.defaultInstance;
            current = declared.orderedStream()
                    .flatMap(d -> d.endpoints().stream())
                    .map(e -> new Watched(parser.parse(e.pathPattern()), e.subjectType()))
                    .toList();
            watched = current;
        }
        return current;
    }
}
