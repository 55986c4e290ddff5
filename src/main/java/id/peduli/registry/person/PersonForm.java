package id.peduli.registry.person;

import id.peduli.registry.DisabilityType;
import id.peduli.registry.PersonView;
import id.peduli.registry.Sex;
import java.time.LocalDate;
import java.util.List;

/** The registration and edit form as browsers post it. */
public record PersonForm(
        Long orgUnitId,
        String fullName,
        String otherNames,
        Sex sex,
        String birthPlace,
        LocalDate birthDate,
        Integer birthYear,
        String nik,
        String regionCode,
        String rt,
        String rw,
        String street,
        String phone,
        List<DisabilityType> disabilityTypes,
        String disabilitySeverity,
        String supportNeeds,
        Long guardianId,
        String guardianRelationship,
        String externalId,
        Boolean acceptWarnings,
        Integer version) {

    public PersonForm {
        disabilityTypes = disabilityTypes == null ? List.of() : List.copyOf(disabilityTypes);
    }

    PersonCommand command() {
        return new PersonCommand(
                orgUnitId,
                fullName,
                otherNames,
                sex,
                birthPlace,
                birthDate,
                birthDate == null ? birthYear : null,
                nik,
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

    static PersonForm empty(Long unitId) {
        return new PersonForm(
                unitId, "", "", null, "", null, null, "", "", "", "", "", "", List.of(), "", "", null, "", "", false,
                null);
    }

    static PersonForm of(PersonView p) {
        return new PersonForm(
                p.orgUnitId(),
                p.fullName(),
                p.otherNames(),
                p.sex(),
                p.birthPlace(),
                p.birthDate(),
                p.birthDate() == null ? p.birthYear() : null,
                p.nikMasked() ? "" : p.nik(),
                p.regionCode(),
                p.rt(),
                p.rw(),
                p.street(),
                p.phone(),
                p.disabilityTypes(),
                p.disabilitySeverity(),
                p.supportNeeds(),
                p.guardianId(),
                p.guardianRelationship(),
                p.externalId(),
                false,
                p.version());
    }

    /** The same form with {@code id} as the guardian (a person just registered from the guardian picker). */
    PersonForm withGuardian(Long id) {
        return new PersonForm(
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
                guardianRelationship,
                externalId,
                acceptWarnings,
                version);
    }

    public boolean has(DisabilityType type) {
        return disabilityTypes.contains(type);
    }
}
