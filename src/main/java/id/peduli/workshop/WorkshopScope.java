package id.peduli.workshop;

import id.peduli.access.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workshop's scope checks for security expressions, run before anything of the object is loaded: each finds only
 * the unit an object belongs to and answers true, "not found" (404, exactly as for a missing id) when that unit lies
 * outside the caller's grants for the roles, or false (403) when the caller holds none of the roles anywhere.
 */
@Component("workshopScope")
class WorkshopScope {

    private final Access access;
    private final JdbcClient jdbc;

    WorkshopScope(Access access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    public boolean site(Long id, String... roles) {
        return access.coversOrNotFound(id, "workshop.siteNotFound", roles);
    }

    public boolean unit(Long id, String... roles) {
        return access.coversOrNotFound(id, "workshop.siteNotFound", roles);
    }

    public boolean product(Long id, String... roles) {
        Long centre = jdbc.sql("select centre_id from workshop.product where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        return checked(centre, "workshop.productNotFound", roles);
    }

    public boolean payout(Long id, String... roles) {
        Long site = jdbc.sql("select site_id from workshop.payout_run where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        return checked(site, "workshop.payoutNotFound", roles);
    }

    public boolean placement(Long id, String... roles) {
        Long site = jdbc.sql("select site_id from workshop.placement where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        return checked(site, "workshop.placementNotFound", roles);
    }

    private boolean checked(Long unitId, String notFoundKey, String... roles) {
        if (unitId == null) {
            // a missing object answers as one outside the caller's units
            return access.coversOrNotFound(-1L, notFoundKey, roles);
        }
        return access.coversOrNotFound(unitId, notFoundKey, roles);
    }
}
