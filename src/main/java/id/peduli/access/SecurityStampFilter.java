package id.peduli.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as the account's security stamp changed (password reset, account disabled, grant
 * taken away) or the account was disabled: the session is invalidated and the request goes on as anonymous, so it
 * is sent to the sign-in page or refused. Sessions therefore never keep grants an administrator removed.
 */
class SecurityStampFilter extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/", "/favicon.svg");

    private final Accounts accounts;

    SecurityStampFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Public static files need no check (and no database lookup). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AccountDetails details
                && !accounts.sessionStillValid(details.userId(), details.securityStamp())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
