package id.peduli.organization;

/** Who may change the organisation tree: system administrators, within the subtrees their grants cover. */
final class OrganizationRoles {

    static final String[] ADMINISTER = {"SYSTEM_ADMIN"};

    /** Holding {@link #ADMINISTER} for some unit, as a security expression for {@code @PreAuthorize}. */
    static final String ADMINISTER_EXPRESSION = "hasRole('SYSTEM_ADMIN')";

    /** Holding {@link #ADMINISTER} for the unit {@code #id}; a unit outside the grants answers 404. */
    static final String ADMINISTER_UNIT_EXPRESSION = "@unitScope.unit(#id, 'SYSTEM_ADMIN')";

    /**
     * Holding any role for the unit {@code #id}: everyone may read the units their grants cover; a unit outside them
     * answers 404.
     */
    static final String READ_UNIT_EXPRESSION = "@unitScope.unit(#id, 'SYSTEM_ADMIN', 'DPO', 'AUDITOR', 'UNIT_HEAD',"
            + " 'PROGRAM_MANAGER', 'SOCIAL_WORKER', 'SITE_MENTOR', 'LOGISTICS_OFFICER', 'UNIT_OPERATOR',"
            + " 'AGENCY_VERIFIER', 'SECRETARIAT', 'EVALUATOR', 'PANELIST')";

    private OrganizationRoles() {}
}
