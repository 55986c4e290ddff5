package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every sign-in attempt costs one password hash, whether the account exists, is locked or is disabled. */
class SignInProviderTest {

    private static final PasswordEncoder BCRYPT = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String HASH = BCRYPT.encode("Rahasia.Kuat.2026");

    private final AtomicInteger hashes = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return BCRYPT.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashes.incrementAndGet();
            return BCRYPT.matches(raw, encoded);
        }
    };

    private final UserDetailsService accounts = username -> switch (username) {
        case "locked" -> account(true, false);
        case "disabled" -> account(false, true);
        case "fine" -> account(true, true);
        default -> throw new UsernameNotFoundException("unknown user");
    };

    @Test
    void theAccountStateIsCheckedOnlyAfterThePassword() throws Exception {
        DaoAuthenticationProvider provider =
                new SecurityConfiguration().signInProvider(accounts, new BcryptLengthGuard(counting));
        provider.afterPropertiesSet();
        hashes.set(0);
        for (String user : List.of("nobody", "locked", "disabled", "fine")) {
            assertThatThrownBy(() -> provider.authenticate(attempt(user, "wrong-password-1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashes).hasValue(4);
        assertThatThrownBy(() -> provider.authenticate(attempt("locked", "Rahasia.Kuat.2026")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> provider.authenticate(attempt("disabled", "Rahasia.Kuat.2026")))
                .isInstanceOf(DisabledException.class);
        assertThat(hashes).hasValue(6);
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static AccountDetails account(boolean enabled, boolean unlocked) {
        return new AccountDetails(1L, "someone", "Some One", HASH, enabled, !unlocked, false, "id", 0, List.of());
    }
}
