package id.peduli.registry;

/**
 * Who may do what with the registry; every check also requires the person's unit to be within the grant. Public for
 * the registry's own sub-packages; other modules name their own roles (see "How to add a module").
 */
public final class RegistryRoles {

    public static final String[] READ = {
        "SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER", "UNIT_HEAD", "LOGISTICS_OFFICER", "DPO"
    };
    public static final String[] WRITE = {"SOCIAL_WORKER", "SITE_MENTOR", "PROGRAM_MANAGER"};
    public static final String[] MERGE = {"PROGRAM_MANAGER"};
    public static final String[] IMPORT = {"SOCIAL_WORKER", "PROGRAM_MANAGER"};
    /** Who may open the import pages and reports: importers, and the DPO who oversees what was imported. */
    public static final String[] IMPORT_READ = {"SOCIAL_WORKER", "PROGRAM_MANAGER", "DPO"};

    public static final String[] EXPORT = {"PROGRAM_MANAGER", "UNIT_HEAD", "DPO"};
    /** Roles that see NIK and KK in full (in a profile and in exports); everyone else sees them masked. */
    public static final String[] FULL_IDENTIFIERS = {"PROGRAM_MANAGER", "DPO"};

    /** {@link #READ} as a security expression, for {@code @PreAuthorize}. */
    public static final String READ_EXPRESSION = "@access.hasAnyRole('SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER',"
            + " 'UNIT_HEAD', 'LOGISTICS_OFFICER', 'DPO')";
    /** {@link #WRITE} as a security expression, for {@code @PreAuthorize}. */
    public static final String WRITE_EXPRESSION =
            "@access.hasAnyRole('SOCIAL_WORKER', 'SITE_MENTOR', 'PROGRAM_MANAGER')";
    /** {@link #MERGE} as a security expression, for {@code @PreAuthorize}. */
    public static final String MERGE_EXPRESSION = "@access.hasAnyRole('PROGRAM_MANAGER')";
    /** {@link #IMPORT} as a security expression, for {@code @PreAuthorize}. */
    public static final String IMPORT_EXPRESSION = "@access.hasAnyRole('SOCIAL_WORKER', 'PROGRAM_MANAGER')";
    /** {@link #IMPORT_READ} as a security expression, for {@code @PreAuthorize}. */
    public static final String IMPORT_READ_EXPRESSION = "@access.hasAnyRole('SOCIAL_WORKER', 'PROGRAM_MANAGER', 'DPO')";
    /** {@link #EXPORT} as a security expression, for {@code @PreAuthorize}. */
    public static final String EXPORT_EXPRESSION = "@access.hasAnyRole('PROGRAM_MANAGER', 'UNIT_HEAD', 'DPO')";

    private RegistryRoles() {}
}
