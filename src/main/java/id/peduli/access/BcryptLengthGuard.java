package id.peduli.access;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt looks at the first 72 bytes of a password only, and Spring Security refuses longer ones with an exception.
 * {@link PasswordPolicy} keeps such passwords from being set; here a longer password presented at sign-in or as the
 * current password simply does not match (after the same hashing work as any other attempt), instead of failing the
 * request.
 */
final class BcryptLengthGuard implements PasswordEncoder {

    static final int MAX_BYTES = 72;
    private static final String STAND_IN = "not-a-password-of-anyone";

    private final PasswordEncoder delegate;

    BcryptLengthGuard(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (tooLong(rawPassword)) {
            delegate.matches(STAND_IN, encodedPassword);
            return false;
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
