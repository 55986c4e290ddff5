package id.peduli.workshop;

/**
 * Who may do what in the workshop. Every check on an object also requires the object's site (or centre) to be within
 * the grant: a SITE_MENTOR holds the role for their own site only, a UNIT_HEAD or PROGRAM_MANAGER of a centre for all
 * its sites. A LOGISTICS_OFFICER sees sites and products but no participants, sessions or earnings.
 */
final class WorkshopRoles {

    static final String[] READ = {"SITE_MENTOR", "SOCIAL_WORKER", "PROGRAM_MANAGER", "UNIT_HEAD", "LOGISTICS_OFFICER"};
    /** Participants, sessions, production and payouts: personal data, not for logistics. */
    static final String[] CASE_READ = {"SITE_MENTOR", "SOCIAL_WORKER", "PROGRAM_MANAGER", "UNIT_HEAD"};

    static final String[] RECORD = {"SITE_MENTOR", "SOCIAL_WORKER", "PROGRAM_MANAGER"};
    static final String[] MANAGE = {"PROGRAM_MANAGER"};
    static final String[] APPROVE = {"PROGRAM_MANAGER"};
    static final String[] PAY = {"SITE_MENTOR", "SOCIAL_WORKER", "PROGRAM_MANAGER"};

    private static final String READ_LIST =
            "'SITE_MENTOR', 'SOCIAL_WORKER', 'PROGRAM_MANAGER', 'UNIT_HEAD', 'LOGISTICS_OFFICER'";
    private static final String CASE_READ_LIST = "'SITE_MENTOR', 'SOCIAL_WORKER', 'PROGRAM_MANAGER', 'UNIT_HEAD'";
    private static final String RECORD_LIST = "'SITE_MENTOR', 'SOCIAL_WORKER', 'PROGRAM_MANAGER'";
    private static final String MANAGE_LIST = "'PROGRAM_MANAGER'";

    /** {@link #READ} for some unit. */
    static final String READ_EXPRESSION = "@access.hasAnyRole(" + READ_LIST + ")";
    /** {@link #CASE_READ} for some unit. */
    static final String CASE_READ_EXPRESSION = "@access.hasAnyRole(" + CASE_READ_LIST + ")";
    /** {@link #RECORD} for some unit. */
    static final String RECORD_EXPRESSION = "@access.hasAnyRole(" + RECORD_LIST + ")";
    /** {@link #MANAGE} for some unit. */
    static final String MANAGE_EXPRESSION = "@access.hasAnyRole(" + MANAGE_LIST + ")";

    /** {@link #READ} for the site {@code #id}; a site outside the grants answers 404. */
    static final String SITE_READ_EXPRESSION = "@workshopScope.site(#id, " + READ_LIST + ")";
    /** {@link #CASE_READ} for the site {@code #id}. */
    static final String SITE_CASE_READ_EXPRESSION = "@workshopScope.site(#id, " + CASE_READ_LIST + ")";
    /** {@link #RECORD} for the site {@code #id}. */
    static final String SITE_RECORD_EXPRESSION = "@workshopScope.site(#id, " + RECORD_LIST + ")";
    /** {@link #MANAGE} for the site {@code #id}. */
    static final String SITE_MANAGE_EXPRESSION = "@workshopScope.site(#id, " + MANAGE_LIST + ")";
    /** {@link #MANAGE} for the unit {@code #id} (a site, or the centre it belongs to). */
    static final String UNIT_MANAGE_EXPRESSION = "@workshopScope.unit(#id, " + MANAGE_LIST + ")";
    /** {@link #READ} for the unit {@code #id}. */
    static final String UNIT_READ_EXPRESSION = "@workshopScope.unit(#id, " + READ_LIST + ")";
    /** {@link #MANAGE} for the product {@code #id}'s centre. */
    static final String PRODUCT_MANAGE_EXPRESSION = "@workshopScope.product(#id, " + MANAGE_LIST + ")";
    /** {@link #CASE_READ} for the payout run {@code #id}'s site. */
    static final String PAYOUT_READ_EXPRESSION = "@workshopScope.payout(#id, " + CASE_READ_LIST + ")";
    /** {@link #MANAGE} for the payout run {@code #id}'s site (approving is {@link #APPROVE}, the same role). */
    static final String PAYOUT_MANAGE_EXPRESSION = "@workshopScope.payout(#id, " + MANAGE_LIST + ")";
    /** {@link #PAY} for the payout run {@code #id}'s site: recording a receipt. */
    static final String PAYOUT_PAY_EXPRESSION = "@workshopScope.payout(#id, " + RECORD_LIST + ")";

    /** {@link #CASE_READ} for the placement {@code #id}'s site. */
    static final String PLACEMENT_READ_EXPRESSION = "@workshopScope.placement(#id, " + CASE_READ_LIST + ")";
    /** {@link #RECORD} for the placement {@code #id}'s site: follow-ups and separation. */
    static final String PLACEMENT_RECORD_EXPRESSION = "@workshopScope.placement(#id, " + RECORD_LIST + ")";

    private WorkshopRoles() {}
}
