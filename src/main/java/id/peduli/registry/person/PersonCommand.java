package id.peduli.registry.person;

import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.Birth;
import id.peduli.registry.identity.PersonFields;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a user enters to register or edit a person. Either a birth date or a birth year (then flagged approximate)
 * is required. {@code acceptWarnings} confirms warnings shown on an earlier attempt (NIK mismatches, possible
 * duplicates).
 */
public record PersonCommand(
        @NotNull(message = "{validation.required}") Long orgUnitId,

        @NotBlank(message = "{validation.required}")
        @Size(max = PersonFields.FULL_NAME_MAX, message = "{validation.maxLength}")
        String fullName,

        @Size(max = PersonFields.OTHER_NAMES_MAX, message = "{validation.maxLength}")
        String otherNames,

        @NotNull(message = "{validation.required}") Sex sex,

        @Size(max = PersonFields.BIRTH_PLACE_MAX, message = "{validation.maxLength}")
        String birthPlace,

        LocalDate birthDate,

        @Min(value = Birth.MIN_YEAR, message = "{person.birthYearRange}")
        @Max(value = Birth.MAX_YEAR, message = "{person.birthYearRange}")
        Integer birthYear,

        @Size(max = 40, message = "{validation.maxLength}") String nik,

        @Pattern(regexp = "^$|^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$", message = "{region.invalidFormat}")
        String regionCode,

        @Pattern(regexp = "^$|" + PersonFields.RT_RW, message = "{person.rtRw}")
        String rt,

        @Pattern(regexp = "^$|" + PersonFields.RT_RW, message = "{person.rtRw}")
        String rw,

        @Size(max = PersonFields.STREET_MAX, message = "{validation.maxLength}")
        String street,

        @Pattern(regexp = "^$|" + PersonFields.PHONE, message = "{validation.phone}")
        String phone,

        List<DisabilityType> disabilityTypes,

        @Pattern(regexp = "^$|^(MILD|MODERATE|SEVERE|PROFOUND)$", message = "{person.severityUnknown}")
        String disabilitySeverity,

        @Size(max = PersonFields.SUPPORT_NEEDS_MAX, message = "{validation.maxLength}")
        String supportNeeds,

        Long guardianId,

        @Size(max = PersonFields.GUARDIAN_RELATIONSHIP_MAX, message = "{validation.maxLength}")
        String guardianRelationship,

        @Size(max = PersonFields.EXTERNAL_ID_MAX, message = "{validation.maxLength}")
        String externalId,

        Boolean acceptWarnings) {

    public PersonCommand {
        disabilityTypes = disabilityTypes == null ? List.of() : List.copyOf(disabilityTypes);
        acceptWarnings = acceptWarnings != null && acceptWarnings;
    }

    PersonCommand withNik(String value) {
        return with(value, guardianId, guardianRelationship);
    }

    PersonCommand withGuardian(Long id, String relationship) {
        return with(nik, id, relationship);
    }

    private PersonCommand with(String nikValue, Long guardian, String relationship) {
        return new PersonCommand(
                orgUnitId,
                fullName,
                otherNames,
                sex,
                birthPlace,
                birthDate,
                birthYear,
                nikValue,
                regionCode,
                rt,
                rw,
                street,
                phone,
                disabilityTypes,
                disabilitySeverity,
                supportNeeds,
                guardian,
                relationship,
                externalId,
                acceptWarnings);
    }
}
