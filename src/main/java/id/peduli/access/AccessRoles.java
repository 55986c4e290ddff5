package id.peduli.access;

/** Who may administer user accounts and grants: system administrators, within their subtrees (ADR 2). */
final class AccessRoles {

    static final String[] ADMINISTER = {"SYSTEM_ADMIN"};

    /** {@link #ADMINISTER} as a security expression, for {@code @PreAuthorize}. */
    static final String ADMINISTER_EXPRESSION = "hasRole('SYSTEM_ADMIN')";

    private AccessRoles() {}
}
