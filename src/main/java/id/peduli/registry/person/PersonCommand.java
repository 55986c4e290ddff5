package id.peduli.registry.person;

import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
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

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.maxLength}")
        String fullName,

        @Size(max = 300, message = "{validation.maxLength}") String otherNames,
        @NotNull(message = "{validation.required}") Sex sex,
        @Size(max = 100, message = "{validation.maxLength}") String birthPlace,
        LocalDate birthDate,

        @Min(value = 1900, message = "{person.birthYearRange}") @Max(value = 2100, message = "{person.birthYearRange}")
        Integer birthYear,

        @Size(max = 40, message = "{validation.maxLength}") String nik,

        @Pattern(regexp = "^$|^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$", message = "{region.invalidFormat}")
        String regionCode,

        @Pattern(regexp = "^$|^\\d{1,3}$", message = "{person.rtRw}")
        String rt,

        @Pattern(regexp = "^$|^\\d{1,3}$", message = "{person.rtRw}")
        String rw,

        @Size(max = 200, message = "{validation.maxLength}") String street,

        @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,30}$", message = "{validation.phone}")
        String phone,

        List<DisabilityType> disabilityTypes,

        @Pattern(regexp = "^$|^(MILD|MODERATE|SEVERE|PROFOUND)$", message = "{person.severity}")
        String disabilitySeverity,

        @Size(max = 1000, message = "{validation.maxLength}")
        String supportNeeds,

        Long guardianId,
        @Size(max = 30, message = "{validation.maxLength}") String guardianRelationship,
        @Size(max = 64, message = "{validation.maxLength}") String externalId,
        Boolean acceptWarnings) {

    public PersonCommand {
        disabilityTypes = disabilityTypes == null ? List.of() : List.copyOf(disabilityTypes);
        acceptWarnings = acceptWarnings != null && acceptWarnings;
    }

    PersonCommand withNik(String value) {
        return new PersonCommand(
                orgUnitId,
                fullName,
                otherNames,
                sex,
                birthPlace,
                birthDate,
                birthYear,
                value,
                regionCode,
                rt,
                rw,
                street,
                phone,
                disabilityTypes,
                disabilitySeverity,
                supportNeeds,
                guardianId,
                guardianRelationship,
                externalId,
                acceptWarnings);
    }

    PersonCommand withGuardian(Long id, String relationship) {
        return new PersonCommand(
                orgUnitId,
                fullName,
                otherNames,
                sex,
                birthPlace,
                birthDate,
                birthYear,
                nik,
                regionCode,
                rt,
                rw,
                street,
                phone,
                disabilityTypes,
                disabilitySeverity,
                supportNeeds,
                id,
                relationship,
                externalId,
                acceptWarnings);
    }
}
