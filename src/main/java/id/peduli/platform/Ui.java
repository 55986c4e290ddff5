package id.peduli.platform;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Everything a page template needs from the shell: translation, formatting for the user's language, the CSRF
 * token, the signed-in user, the menu, breadcrumbs and flash messages. One instance per request.
 */
public final class Ui {

    private final Locale locale;
    private final MessageSource messages;
    private final CsrfToken csrf;
    private final PeduliPrincipal principal;
    private final List<NavItem> nav;
    private final String path;
    private final String query;
    private final ZoneId zone;
    private final Map<String, String> flash;
    private final List<Breadcrumb> breadcrumbs = new ArrayList<>();
    private final Supplier<Map<String, NavBadgeSource.NavBadge>> badgeLookup;
    private Map<String, NavBadgeSource.NavBadge> badges;

    Ui(
            Locale locale,
            MessageSource messages,
            CsrfToken csrf,
            PeduliPrincipal principal,
            List<NavItem> nav,
            String path,
            String query,
            ZoneId zone,
            Map<String, String> flash,
            Supplier<Map<String, NavBadgeSource.NavBadge>> badges) {
        this.badgeLookup = badges;
        this.locale = locale;
        this.messages = messages;
        this.csrf = csrf;
        this.principal = principal;
        this.nav = List.copyOf(nav);
        this.path = path;
        this.query = query;
        this.zone = zone;
        this.flash = new LinkedHashMap<>(flash);
    }

    public String t(String key, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** Whether a message exists for {@code key} (in any language: the default file holds every key). */
    public boolean has(String key) {
        try {
            messages.getMessage(key, null, locale);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(date);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(english() ? "d MMM yyyy, HH:mm" : "d MMM yyyy, HH.mm", locale)
                .withZone(zone)
                .format(instant);
    }

    public String isoDateTime(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(instant);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String rupiah(long amount) {
        String digits = NumberFormat.getIntegerInstance(locale).format(Math.abs(amount));
        String sign = amount < 0 ? "-" : "";
        return english() ? sign + "IDR " + digits : sign + "Rp" + digits;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public boolean signedIn() {
        return principal != null;
    }

    public PeduliPrincipal user() {
        return principal;
    }

    public boolean hasRole(String role) {
        return principal != null && principal.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public List<NavItem> nav() {
        return nav;
    }

    /**
     * The count to show beside a menu entry, or null for none. The counts are asked for the first time a page's menu
     * needs one, and once per request.
     */
    public NavBadgeSource.NavBadge badge(NavItem item) {
        if (badges == null) {
            badges = badgeLookup.get();
        }
        NavBadgeSource.NavBadge badge = badges.get(item.href());
        return badge == null || badge.count() <= 0 ? null : badge;
    }

    public boolean active(NavItem item) {
        return path.equals(item.href()) || (!"/".equals(item.href()) && path.startsWith(item.href() + "/"));
    }

    public String path() {
        return path;
    }

    /**
     * The current path with its query string, to come back to the same view (for example after a language switch).
     * On an error page, the path and query of the request that failed.
     */
    public String pathWithQuery() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    public Ui crumb(String labelKey, String href) {
        breadcrumbs.add(new Breadcrumb(t(labelKey), href));
        return this;
    }

    public Ui crumbText(String label, String href) {
        breadcrumbs.add(new Breadcrumb(label, href));
        return this;
    }

    public List<Breadcrumb> breadcrumbs() {
        return List.copyOf(breadcrumbs);
    }

    public String flashSuccess() {
        return flash.get("success");
    }

    public String flashError() {
        return flash.get("error");
    }

    /** Translated messages for a refused form submission. */
    public FormErrors errors(id.peduli.shared.BusinessException e) {
        return FormErrors.of(e, messages, locale);
    }

    /** Translated messages for a form that failed validation. */
    public FormErrors errors(org.springframework.validation.BindingResult result) {
        return FormErrors.of(result, messages, locale);
    }

    public record Breadcrumb(String label, String href) {}
}
