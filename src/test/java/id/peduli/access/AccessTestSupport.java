package id.peduli.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs test requests in as a real user of the database, with the grants they really hold. */
public final class AccessTestSupport {

    private AccessTestSupport() {}

    /** A page request signed in as {@code username} (session-style authentication). */
    public static RequestPostProcessor as(ApplicationContext context, String username) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        return authentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    /** A fresh personal access token of {@code username}, valid for {@code days}. */
    public static String tokenFor(ApplicationContext context, String username, int days) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        long userId = ((AccountDetails) details).userId();
        return context.getBean(ApiTokens.class).create(userId, "test", days).secret();
    }

    /** Adds {@code Authorization: Bearer <token>} for {@code username}. */
    public static MockHttpServletRequestBuilder bearer(
            MockHttpServletRequestBuilder request, ApplicationContext context, String username) {
        return request.header("Authorization", "Bearer " + tokenFor(context, username, 1));
    }
}
