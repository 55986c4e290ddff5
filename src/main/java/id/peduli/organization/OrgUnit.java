package id.peduli.organization;

/** An organisation unit as other modules and pages see it. */
public record OrgUnit(
        long id,
        Long parentId,
        String path,
        int depth,
        String name,
        String shortName,
        OrgUnitType type,
        String regionCode,
        String address,
        boolean active,
        boolean threeT,
        int version) {

    public boolean isWithin(OrgUnit ancestor) {
        return path.startsWith(ancestor.path());
    }
}
