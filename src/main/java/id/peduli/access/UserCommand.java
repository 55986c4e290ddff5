package id.peduli.access;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Profile fields an administrator sets on a user. */
public record UserCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String fullName,

        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.maxLength}")
        String email,

        @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,30}$", message = "{validation.phone}")
        String phone,

        @Pattern(regexp = "^(id|en)$", message = "{validation.locale}")
        String locale,

        Boolean enabled) {

    /** An omitted {@code enabled} means an enabled account. */
    public UserCommand {
        enabled = enabled == null || enabled;
    }
}
