package id.peduli.organization;

/** Who may change the organisation tree: system administrators, within the subtrees their grants cover. */
final class OrganizationRoles {

    static final String[] ADMINISTER = {"SYSTEM_ADMIN"};

    /** Holding {@link #ADMINISTER} for some unit, as a security expression for {@code @PreAuthorize}. */
    static final String ADMINISTER_EXPRESSION = "hasRole('SYSTEM_ADMIN')";

    /** Holding {@link #ADMINISTER} for the unit {@code #id}; a unit outside the grants answers 404. */
    static final String ADMINISTER_UNIT_EXPRESSION = "@unitScope.unit(#id, 'SYSTEM_ADMIN')";

    private OrganizationRoles() {}
}
