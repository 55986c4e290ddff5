package id.peduli.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user whose password was reset by an administrator must choose a new one before doing anything else. */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String CHANGE_PATH = "/account/password";
    private static final List<String> ALLOWED =
            List.of(CHANGE_PATH, "/logout", "/language", "/error", "/css/", "/js/", "/webjars/", "/favicon.svg");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AccountDetails details
                && details.mustChangePassword()
                && ALLOWED.stream().noneMatch(request.getRequestURI()::startsWith)) {
            response.sendRedirect(CHANGE_PATH);
            return;
        }
        chain.doFilter(request, response);
    }
}
