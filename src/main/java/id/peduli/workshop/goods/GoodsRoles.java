package id.peduli.workshop.goods;

/**
 * Who may do what with goods. Every check on an object also requires its site (or, for the gallery shop, its centre)
 * to be within the grant: a SITE_MENTOR holds the role for their own site only, a UNIT_HEAD, PROGRAM_MANAGER or
 * LOGISTICS_OFFICER of a centre for all its sites and its gallery. Goods hold no personal data, so the logistics
 * officer, who sees no participants, manages materials, stock, transfers and sales.
 */
final class GoodsRoles {

    static final String[] READ = {"SITE_MENTOR", "SOCIAL_WORKER", "PROGRAM_MANAGER", "UNIT_HEAD", "LOGISTICS_OFFICER"};
    /** Recording movements, work orders, transfers and sales. */
    static final String[] RECORD = {"SITE_MENTOR", "PROGRAM_MANAGER", "LOGISTICS_OFFICER"};
    /** The material list of a site: adding materials and changing their unit cost. */
    static final String[] MANAGE = {"PROGRAM_MANAGER", "LOGISTICS_OFFICER"};

    private static final String READ_LIST =
            "'SITE_MENTOR', 'SOCIAL_WORKER', 'PROGRAM_MANAGER', 'UNIT_HEAD', 'LOGISTICS_OFFICER'";
    private static final String RECORD_LIST = "'SITE_MENTOR', 'PROGRAM_MANAGER', 'LOGISTICS_OFFICER'";
    private static final String MANAGE_LIST = "'PROGRAM_MANAGER', 'LOGISTICS_OFFICER'";

    /** {@link #READ} for some unit. */
    static final String READ_EXPRESSION = "@access.hasAnyRole(" + READ_LIST + ")";

    /** {@link #READ} for the site {@code #id}; a site outside the grants answers 404. */
    static final String SITE_READ = "@goodsScope.site(#id, " + READ_LIST + ")";
    /** {@link #RECORD} for the site {@code #id}. */
    static final String SITE_RECORD = "@goodsScope.site(#id, " + RECORD_LIST + ")";
    /** {@link #MANAGE} for the site {@code #id}. */
    static final String SITE_MANAGE = "@goodsScope.site(#id, " + MANAGE_LIST + ")";

    /** {@link #READ} for the gallery shop of the centre {@code #id}. */
    static final String GALLERY_READ = "@goodsScope.gallery(#id, " + READ_LIST + ")";
    /** {@link #RECORD} for the gallery shop of the centre {@code #id}. */
    static final String GALLERY_RECORD = "@goodsScope.gallery(#id, " + RECORD_LIST + ")";

    /** {@link #READ} for the material {@code #id}'s site. */
    static final String MATERIAL_READ = "@goodsScope.material(#id, " + READ_LIST + ")";
    /** {@link #RECORD} for the material {@code #id}'s site: movements. */
    static final String MATERIAL_RECORD = "@goodsScope.material(#id, " + RECORD_LIST + ")";
    /** {@link #MANAGE} for the material {@code #id}'s site: name and unit cost. */
    static final String MATERIAL_MANAGE = "@goodsScope.material(#id, " + MANAGE_LIST + ")";

    /** {@link #READ} for the work order {@code #id}'s site. */
    static final String WORK_ORDER_READ = "@goodsScope.workOrder(#id, " + READ_LIST + ")";
    /** {@link #RECORD} for the work order {@code #id}'s site. */
    static final String WORK_ORDER_RECORD = "@goodsScope.workOrder(#id, " + RECORD_LIST + ")";

    /** {@link #READ} for the sale {@code #id}'s location (a site, or the centre of a gallery sale). */
    static final String SALE_READ = "@goodsScope.sale(#id, " + READ_LIST + ")";
    /** {@link #RECORD} for the sale {@code #id}'s location: amending buyer and note. */
    static final String SALE_RECORD = "@goodsScope.sale(#id, " + RECORD_LIST + ")";

    private GoodsRoles() {}
}
