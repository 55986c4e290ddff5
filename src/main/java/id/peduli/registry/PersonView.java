package id.peduli.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as pages and the API show them. {@code nik} is the masked NIK unless the viewer's role needs the full
 * number; the plain number never appears in lists. A guardian registered in a unit the viewer cannot read is shown
 * only by {@code guardianOutsideScope} (no number, no name).
 */
public record PersonView(
        long id,
        long orgUnitId,
        String orgUnitName,
        String fullName,
        String otherNames,
        Sex sex,
        String birthPlace,
        LocalDate birthDate,
        int birthYear,
        boolean birthDateApproximate,
        Integer age,
        String nik,
        boolean nikMasked,
        String regionCode,
        String regionName,
        String rt,
        String rw,
        String street,
        String phone,
        List<DisabilityType> disabilityTypes,
        String disabilitySeverity,
        String supportNeeds,
        Long guardianId,
        String guardianName,
        boolean guardianOutsideScope,
        String guardianRelationship,
        String externalId,
        boolean hasPhoto,
        Long mergedInto,
        int version) {}
