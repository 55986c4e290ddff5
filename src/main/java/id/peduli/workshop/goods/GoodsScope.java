package id.peduli.workshop.goods;

import id.peduli.access.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scope checks for the goods' security expressions, run before anything of the object is loaded: each finds only the
 * unit the object belongs to (its site, or the centre of a gallery sale) and answers true, "not found" (404, exactly as
 * for a missing id) when the unit lies outside the caller's grants for the roles, or false (403) when the caller holds
 * none of the roles anywhere.
 */
@Component("goodsScope")
class GoodsScope {

    static final String NOT_FOUND = "goods.notFound";

    private final Access access;
    private final JdbcClient jdbc;

    GoodsScope(Access access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    /** A workshop site. */
    public boolean site(Long id, String... roles) {
        return checked(unit("select site_id from workshop.site_profile where site_id = ?", id), roles);
    }

    /** The gallery shop of a centre that runs workshop sites. */
    public boolean gallery(Long id, String... roles) {
        return checked(unit("select centre_id from workshop.site_profile where centre_id = ? limit 1", id), roles);
    }

    public boolean material(Long id, String... roles) {
        return checked(unit("select site_id from workshop.material where id = ?", id), roles);
    }

    public boolean workOrder(Long id, String... roles) {
        return checked(unit("select site_id from workshop.work_order where id = ?", id), roles);
    }

    public boolean sale(Long id, String... roles) {
        return checked(unit("select location_id from workshop.sale where id = ?", id), roles);
    }

    private Long unit(String sql, Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.sql(sql).param(id).query(Long.class).optional().orElse(null);
    }

    private boolean checked(Long unitId, String... roles) {
        // a missing object answers as one outside the caller's units
        return access.coversOrNotFound(unitId == null ? -1L : unitId, NOT_FOUND, roles);
    }
}
