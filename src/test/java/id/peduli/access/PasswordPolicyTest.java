package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.shared.BusinessException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPasswordWithLettersAndDigits() {
        assertThatCode(() -> PasswordPolicy.check("sri", "Temanggung2026")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("sri", "abc123"))
                .isInstanceOf(BusinessException.class)
                .hasMessage("password.tooShort");
    }

    @Test
    void refusesPasswordsWithoutDigitsOrLetters() {
        assertThatThrownBy(() -> PasswordPolicy.check("sri", "onlyletterspassword"))
                .hasMessage("password.lettersAndDigits");
        assertThatThrownBy(() -> PasswordPolicy.check("sri", "12345678901234")).hasMessage("password.lettersAndDigits");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThatThrownBy(() -> PasswordPolicy.check("hendra", "Hendra2026!x"))
                .hasMessage("password.containsUsername");
    }

    @Test
    void refusesWellKnownPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("sri", "Password123")).hasMessage("password.common");
    }

    @Test
    void refusesOverLongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("sri", "a1".repeat(65))).hasMessage("password.tooLong");
    }

    @Test
    void refusesPasswordsLongerThanBcryptReadsInUtf8() {
        // 50 characters but 90 bytes: bcrypt would ignore the end of it.
        String accented = "Sandi2026" + "é".repeat(41);
        assertThat(accented).hasSizeLessThan(PasswordPolicy.MAX_LENGTH);
        assertThatThrownBy(() -> PasswordPolicy.check("sri", accented)).hasMessage("password.tooManyBytes");
        assertThatCode(() -> PasswordPolicy.check("sri", "Sandi2026" + "e".repeat(63)))
                .doesNotThrowAnyException();
    }
}
