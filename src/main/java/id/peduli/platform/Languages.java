package id.peduli.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface languages: Bahasa Indonesia (default) and English. The language of a request comes from the
 * session (set at login from the user's stored choice), then a cookie, then the default.
 */
public class Languages implements LocaleResolver {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, ENGLISH);
    static final String SESSION_ATTRIBUTE = "peduli.locale";
    static final String COOKIE = "peduli_lang";

    public static Locale supportedOrDefault(String tag) {
        if (tag == null) {
            return INDONESIAN;
        }
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equalsIgnoreCase(tag.trim()))
                .findFirst()
                .orElse(INDONESIAN);
    }

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equalsIgnoreCase(tag.trim()));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && isSupported(cookie.getValue())) {
                    return supportedOrDefault(cookie.getValue());
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (request.getRequestURI().startsWith("/api/") && header != null && !header.isBlank()) {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            if (best != null) {
                return best;
            }
        }
        return INDONESIAN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = supportedOrDefault(locale == null ? null : locale.getLanguage());
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, chosen);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            // Over HTTPS (also behind a trusted proxy that says so) the cookie is sent back only over HTTPS.
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
