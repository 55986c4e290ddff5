package id.peduli.registry.person;

import id.peduli.registry.Sex;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A household with its members, family card history (newest first) and welfare decile. */
public record HouseholdView(
        long id,
        long orgUnitId,
        String regionCode,
        String regionName,
        String rt,
        String rw,
        String street,
        Integer welfareDecile,
        LocalDate decileCheckedOn,
        int version,
        List<Member> members,
        List<FamilyCard> familyCards) {

    /**
     * A member. A member registered in a unit the viewer cannot read has {@code outsideScope} set and no number, name,
     * age or sex.
     */
    @Schema(name = "HouseholdMember")
    public record Member(
            Long personId, String fullName, Relationship relationship, Integer age, Sex sex, boolean outsideScope) {

        public Member(long personId, String fullName, Relationship relationship, Integer age, Sex sex) {
            this(personId, fullName, relationship, age, sex, false);
        }

        static Member outsideScope(Relationship relationship) {
            return new Member(null, null, relationship, null, null, true);
        }
    }

    /** A family card number (masked unless the viewer's role needs it) and its validity. */
    @Schema(name = "FamilyCard")
    public record FamilyCard(long id, String number, LocalDate validFrom, LocalDate validTo) {

        public boolean current() {
            return validTo == null;
        }
    }

    public enum Relationship {
        HEAD,
        SPOUSE,
        CHILD,
        PARENT,
        SIBLING,
        GRANDCHILD,
        GRANDPARENT,
        IN_LAW,
        OTHER_RELATIVE,
        OTHER
    }
}
