package id.peduli.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Puts the {@link Ui} helper into the model of every rendered page (as {@code ui}), unless the controller already
 * made one. JSON responses are left alone.
 */
@Component
class UiAdvice implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    private final MessageSource messages;
    private final List<NavContributor> contributors;
    private final ObjectProvider<NavBadgeSource> badgeSources;
    private final ZoneId zone;

    UiAdvice(
            MessageSource messages,
            List<NavContributor> contributors,
            ObjectProvider<NavBadgeSource> badgeSources,
            @Value("${peduli.time-zone}") String zone) {
        this.messages = messages;
        this.contributors = contributors;
        this.badgeSources = badgeSources;
        this.zone = ZoneId.of(zone);
    }

    Ui ui(HttpServletRequest request) {
        Object existing = request.getAttribute(Ui.class.getName());
        if (existing instanceof Ui ui) {
            return ui;
        }
        Ui ui = build(request, messages, contributors, badgeSources, zone);
        request.setAttribute(Ui.class.getName(), ui);
        return ui;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        if (modelAndView != null && !modelAndView.getModel().containsKey("ui")) {
            modelAndView.addObject("ui", ui(request));
        }
    }

    static Ui build(
            HttpServletRequest request,
            MessageSource messages,
            List<NavContributor> contributors,
            ObjectProvider<NavBadgeSource> badgeSources,
            ZoneId zone) {
        PeduliPrincipal principal = currentPrincipal();
        List<NavItem> nav = principal == null
                ? List.of()
                : contributors.stream()
                        .flatMap(c -> c.navItems().stream())
                        .filter(item -> item.visibleTo(principal))
                        .sorted(Comparator.comparingInt(NavItem::order))
                        .toList();
        Map<String, String> flash = new HashMap<>();
        Map<String, ?> input = RequestContextUtils.getInputFlashMap(request);
        if (input != null) {
            input.forEach((k, v) -> {
                if (v instanceof String s) {
                    flash.put(k, s);
                }
            });
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Ui(
                RequestContextUtils.getLocale(request),
                messages,
                csrf,
                principal,
                nav,
                shownPath(request),
                shownQuery(request),
                zone,
                flash,
                () -> badges(principal, badgeSources));
    }

    /**
     * The menu's counts for the user, by the entry's href. A source that fails costs its count, not the page: the
     * menu is shown on every page, including the error pages.
     */
    private static Map<String, NavBadgeSource.NavBadge> badges(
            PeduliPrincipal principal, ObjectProvider<NavBadgeSource> sources) {
        if (principal == null) {
            return Map.of();
        }
        Map<String, NavBadgeSource.NavBadge> badges = new HashMap<>();
        sources.orderedStream().forEach(source -> {
            try {
                source.badges(principal).forEach(badge -> badges.putIfAbsent(badge.href(), badge));
            } catch (RuntimeException e) {
                log.warn(
                        "The menu count of {} could not be read",
                        source.getClass().getSimpleName(),
                        e);
            }
        });
        return badges;
    }

    /** The path of the page asked for: on an error page, that of the request that failed rather than /error. */
    private static String shownPath(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
    }

    private static String shownQuery(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) instanceof String failed ? failed : null;
        }
        return request.getQueryString();
    }

    static PeduliPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PeduliPrincipal p) {
            return p;
        }
        return null;
    }
}
