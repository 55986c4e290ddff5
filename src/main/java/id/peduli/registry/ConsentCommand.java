package id.peduli.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A lawful basis recorded for one purpose. With basis CONSENT, who gave it and how are required; for an adult with
 * an intellectual disability both the person and their guardian give it.
 */
public record ConsentCommand(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^[A-Z_]{3,40}$", message = "{consent.purposeFormat}")
        String purpose,

        @NotNull(message = "{validation.required}") LawfulBasis basis,
        ConsentGiver givenBy,
        ConsentMethod method,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.maxLength}")
        String noticeVersion,

        @NotNull(message = "{validation.required}") LocalDate givenOn) {

    /** The lawful bases of UU 27/2022 art. 20. */
    public enum LawfulBasis {
        CONSENT,
        PUBLIC_TASK,
        LEGAL_OBLIGATION,
        VITAL_INTEREST,
        CONTRACT,
        LEGITIMATE_INTEREST
    }

    public enum ConsentGiver {
        PERSON,
        PARENT,
        GUARDIAN,
        PERSON_AND_GUARDIAN
    }

    public enum ConsentMethod {
        SIGNATURE,
        THUMBPRINT,
        WITNESSED_VERBAL,
        EASY_READ_FORM
    }
}
