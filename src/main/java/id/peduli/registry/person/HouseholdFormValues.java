package id.peduli.registry.person;

import java.time.LocalDate;

/**
 * What was typed into one of the household forms of the profile (member, family card or decile), shown again in that
 * form when the server refuses it; {@code form} names which form it was.
 */
public record HouseholdFormValues(
        String form,
        Long memberId,
        HouseholdView.Relationship relationship,
        String kk,
        LocalDate validFrom,
        Integer welfareDecile,
        LocalDate decileCheckedOn) {

    public static final String MEMBER = "member";
    public static final String FAMILY_CARD = "kk";
    public static final String DECILE = "decile";

    static HouseholdFormValues member(Long memberId, HouseholdView.Relationship relationship) {
        return new HouseholdFormValues(MEMBER, memberId, relationship, null, null, null, null);
    }

    static HouseholdFormValues familyCard(String kk, LocalDate validFrom) {
        return new HouseholdFormValues(FAMILY_CARD, null, null, kk, validFrom, null, null);
    }

    static HouseholdFormValues decile(Integer welfareDecile, LocalDate checkedOn) {
        return new HouseholdFormValues(DECILE, null, null, null, null, welfareDecile, checkedOn);
    }

    /** True when these are the values of {@code name}'s form. */
    public boolean of(String name) {
        return name.equals(form);
    }
}
