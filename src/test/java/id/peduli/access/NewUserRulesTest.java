package id.peduli.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The page and the API refuse the same usernames and first passwords, with the same messages. */
class NewUserRulesTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();
    private final UserCommand profile = new UserCommand("Nama Lengkap", null, null, "id", true);

    @Test
    void theApiRequestAndTheCommandJudgeAUserAlike() {
        for (String username : List.of("", "ab", "a".repeat(61), "nama pengguna", "nama/pengguna", "ok.name_1-2")) {
            for (String password : List.of("", "x".repeat(129), "Rahasia-123")) {
                NewUserCommand command = new NewUserCommand(username, password, profile, true);
                UserApiController.NewUserRequest request =
                        new UserApiController.NewUserRequest(username, password, profile, Role.SOCIAL_WORKER, 1L, null);
                assertThat(problems(validator.validate(request)))
                        .as("%s / %s", username, password.length())
                        .isEqualTo(problems(validator.validate(command)));
            }
        }
    }

    private static Set<String> problems(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessageTemplate())
                .collect(Collectors.toSet());
    }
}
