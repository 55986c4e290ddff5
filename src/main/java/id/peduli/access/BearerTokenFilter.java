package id.peduli.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A token that is unknown, expired or
 * revoked is refused with a problem detail that says which.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ApiProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, ApiProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Authentication result =
                tokens.authenticate(header.substring(7).trim());
        switch (result.outcome()) {
            case VALID -> {
                AccountDetails details = result.details();
                var authentication =
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case EXPIRED -> problems.write(request, response, 401, "token.expired");
            case REVOKED -> problems.write(request, response, 401, "token.revoked");
            case ACCOUNT_UNUSABLE -> problems.write(request, response, 401, "token.accountUnusable");
            default -> problems.write(request, response, 401, "token.invalid");
        }
    }
}
