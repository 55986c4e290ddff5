package id.peduli.organization;

/** The organisation unit form as browsers post it. */
public record UnitForm(
        Long parentId,
        String name,
        String shortName,
        OrgUnitType type,
        String regionCode,
        String address,
        Boolean active,
        Boolean threeT,
        Integer version) {

    OrgUnitCommand command() {
        return new OrgUnitCommand(
                parentId,
                name,
                shortName,
                type,
                regionCode,
                address,
                Boolean.TRUE.equals(active),
                Boolean.TRUE.equals(threeT));
    }

    static UnitForm of(OrgUnit unit) {
        return new UnitForm(
                unit.parentId(),
                unit.name(),
                unit.shortName(),
                unit.type(),
                unit.regionCode(),
                unit.address(),
                unit.active(),
                unit.threeT(),
                unit.version());
    }
}
