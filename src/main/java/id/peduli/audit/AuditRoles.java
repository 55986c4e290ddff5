package id.peduli.audit;

/** Who may read the processing log: auditors and data protection officers, for the units their grants cover. */
final class AuditRoles {

    static final String[] READ = {"AUDITOR", "DPO"};

    /** {@link #READ} as a security expression, for {@code @PreAuthorize}. */
    static final String READ_EXPRESSION = "hasAnyRole('AUDITOR', 'DPO')";

    private AuditRoles() {}
}
