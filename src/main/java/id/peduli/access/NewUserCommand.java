package id.peduli.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user: a username, a first password (to be changed at first sign-in) and the profile. */
public record NewUserCommand(
        @NotBlank(message = "{validation.required}")
        @Size(min = 3, max = 60, message = "{validation.lengthBetween}")
        @Pattern(regexp = "^[a-zA-Z0-9._-]*$", message = "{user.usernameChars}")
        String username,

        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.maxLength}")
        String password,

        @NotNull @Valid UserCommand profile,
        Boolean mustChangePassword) {

    /** An omitted {@code mustChangePassword} means the user must change the first password. */
    public NewUserCommand {
        mustChangePassword = mustChangePassword == null || mustChangePassword;
    }
}
