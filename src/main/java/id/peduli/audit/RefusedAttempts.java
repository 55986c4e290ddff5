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
import org.springframework.context.event.EventListener;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes a refused request to an endpoint that serves personal data to the processing log, as {@link
 * AuditAction#REFUSED}: answered 403, or 404 raised by a check (a record outside the caller's units answers as a
 * missing one). It keeps the method, the endpoint's pattern and the status, never the ids or the query (ADR 10). Runs
 * after the security filters, so the signed-in user is known.
 *
 * <p>A request that the URL rules of the security filter chain refuse ({@code /admin/**} for a user who is not an
 * administrator) never reaches this filter: it is written when Spring Security publishes its {@link
 * AuthorizationDeniedEvent} for the request, in the same form, with the pattern of the controller method the request
 * would have reached. A user who is not signed in is sent to the sign-in page: that is not a refusal.
 */
@Component
class RefusedAttempts extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedAttempts.class);

    /** Set on a request once it reached this filter, i.e. once the URL rules let it pass. */
    private static final String REACHED = RefusedAttempts.class.getName() + ".reached";

    private final AuditLog audit;
    private final ObjectProvider<PersonalDataEndpoints> declared;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Watched> watched;

    RefusedAttempts(
            AuditLog audit,
            ObjectProvider<PersonalDataEndpoints> declared,
            ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.audit = audit;
        this.declared = declared;
        this.mappings = mappings;
    }

    private record Watched(PathPattern pattern, String subjectType) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(REACHED, Boolean.TRUE);
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

    /**
     * A request refused by the URL rules of the security filter chain, before any controller (answered 403 to a
     * signed-in user). A refusal by a method's own role check happens after this filter was reached and is written by
     * the filter instead, once.
     */
    @EventListener
    void refusedByUrlRule(AuthorizationDeniedEvent<?> event) {
        if (event.getObject() instanceof HttpServletRequest request && request.getAttribute(REACHED) == null) {
            record(request, 403);
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
                    : mappedPattern(request).orElse(match.get().pattern().getPatternString());
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

    /**
     * The pattern of the controller method a request refused before the dispatcher would have reached
     * ({@code /admin/users/{id}}), so that no path value is written.
     */
    private Optional<String> mappedPattern(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return mappings.orderedStream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .map(info -> info.getMatchingCondition(request))
                    .filter(java.util.Objects::nonNull)
                    .min((a, b) -> a.compareTo(b, request))
                    .map(info -> info.getPathPatternsCondition())
                    .filter(java.util.Objects::nonNull)
                    .map(condition -> condition.getFirstPattern().getPatternString());
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
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
