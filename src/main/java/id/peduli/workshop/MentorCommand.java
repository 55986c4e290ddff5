package id.peduli.workshop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new mentor: a name, and optionally the username of a SITE_MENTOR account of the site or the id of a registry
 * person within the caller's units.
 */
public record MentorCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String name,

        @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,30}$", message = "{validation.phone}")
        String phone,

        @Size(max = 100, message = "{validation.maxLength}") String username,
        Long personId,
        LocalDate since) {}
