package id.peduli.access;

import id.peduli.shared.BusinessException;
import java.util.Locale;
import java.util.Set;

/**
 * At least 10 characters, letters and digits, not the username, not a well-known password. Long passphrases are
 * welcome up to 128 characters and 72 bytes in UTF-8 (bcrypt ignores anything beyond 72 bytes; letters with
 * accents or other scripts take two or three bytes each).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "password123",
            "password1234",
            "1234567890",
            "qwertyuiop",
            "qwerty1234",
            "admin12345",
            "peduli1234",
            "indonesia1",
            "indonesia123",
            "rahasia123",
            "bismillah1",
            "12345678910",
            "passw0rd123");

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BusinessException.invalid("password", "password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw BusinessException.invalid("password", "password.tooLong", MAX_LENGTH);
        }
        if (BcryptLengthGuard.tooLong(password)) {
            throw BusinessException.invalid("password", "password.tooManyBytes", BcryptLengthGuard.MAX_BYTES);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw BusinessException.invalid("password", "password.lettersAndDigits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw BusinessException.invalid("password", "password.containsUsername");
        }
        if (COMMON.contains(lower)) {
            throw BusinessException.invalid("password", "password.common");
        }
    }
}
