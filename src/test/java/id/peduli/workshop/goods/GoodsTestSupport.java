package id.peduli.workshop.goods;

import id.peduli.organization.Organizations;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Sign-in and unit lookups for the goods tests. */
final class GoodsTestSupport {

    static final String MANAGER = "manajer.kartini";
    static final String HEAD = "kepala.kartini";
    static final String MENTOR = "pendamping.temanggung";
    static final String LOGISTICS = "logistik.alyatama";

    private GoodsTestSupport() {}

    static long unit(ApplicationContext context, String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Goods at the named site, made by a national administrator. */
    static GoodsFixtures.Objects fixtures(ApplicationContext context, String siteName) {
        long site = unit(context, siteName);
        return asUser(context, "admin", () -> GoodsFixtures.create(context, site));
    }

    static <T> T asUser(ApplicationContext context, String username, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
