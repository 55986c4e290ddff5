package id.peduli.registry.search;

import id.peduli.registry.DisabilityType;
import id.peduli.registry.Sex;
import java.time.LocalDate;
import java.util.List;

/**
 * One person in search results and lists: enough to recognise them, with the NIK masked ({@code 3323••••••••••••});
 * the full number is never part of a list. {@code birthDate} is null when only the year is known ({@code
 * approximate}); {@code age} is then counted from the year.
 */
public record PersonSummary(
        long id,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        int birthYear,
        boolean approximate,
        Integer age,
        String nikMasked,
        String regionCode,
        String regionName,
        long orgUnitId,
        String orgUnitName,
        List<DisabilityType> disabilityTypes) {

    public PersonSummary {
        disabilityTypes = disabilityTypes == null ? List.of() : List.copyOf(disabilityTypes);
    }
}
