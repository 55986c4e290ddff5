package id.peduli.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user: a username, a first password (to be changed at first sign-in) and the profile. */
public record NewUserCommand(
        @NotBlank(message = "{validation.required}")
        @Size(min = USERNAME_MIN, max = USERNAME_MAX, message = "{validation.lengthBetween}")
        @Pattern(regexp = USERNAME_CHARS, message = "{user.usernameChars}")
        String username,

        @NotBlank(message = "{validation.required}") @Size(max = PASSWORD_MAX, message = "{validation.maxLength}")
        String password,

        @NotNull @Valid UserCommand profile,
        Boolean mustChangePassword) {

    /**
     * The rules of a new username and first password, in one place for the page ({@code NewUserForm} builds this
     * command) and the API ({@code UserApiController.NewUserRequest} repeats the constraints with these values, so
     * that the API description shows them).
     */
    public static final int USERNAME_MIN = 3;

    public static final int USERNAME_MAX = 60;
    public static final String USERNAME_CHARS = "^[a-zA-Z0-9._-]*$";
    public static final int PASSWORD_MAX = 128;

    /** An omitted {@code mustChangePassword} means the user must change the first password. */
    public NewUserCommand {
        mustChangePassword = mustChangePassword == null || mustChangePassword;
    }
}
