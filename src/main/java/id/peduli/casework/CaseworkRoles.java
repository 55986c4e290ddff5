package id.peduli.casework;

/**
 * Who may do what in the case core; every check also requires the enrolment's unit to be within the grant. A
 * LOGISTICS_OFFICER has no role here: case notes, assessments and plans are not theirs to read.
 */
final class CaseworkRoles {

    static final String[] READ = {"SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER", "UNIT_HEAD"};
    static final String[] WRITE = {"SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER"};
    static final String[] MANAGE = {"PROGRAM_MANAGER"};

    /** {@link #READ} as a security expression, for {@code @PreAuthorize}. */
    static final String READ_EXPRESSION =
            "@access.hasAnyRole('SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER', 'UNIT_HEAD')";
    /** {@link #WRITE} as a security expression, for {@code @PreAuthorize}. */
    static final String WRITE_EXPRESSION = "@access.hasAnyRole('SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER')";
    /** {@link #MANAGE} as a security expression, for {@code @PreAuthorize}. */
    static final String MANAGE_EXPRESSION = "@access.hasAnyRole('PROGRAM_MANAGER')";

    private CaseworkRoles() {}
}
