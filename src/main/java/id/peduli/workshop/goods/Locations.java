package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stock locations: workshop sites and the gallery shops of the centres that run them. */
@Service
class Locations {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Access access;

    Locations(JdbcClient jdbc, Organizations organizations, Access access) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.access = access;
    }

    Optional<Location> findSite(long siteId) {
        return jdbc.sql("select centre_id from workshop.site_profile where site_id = ?")
                .param(siteId)
                .query(Long.class)
                .optional()
                .map(centre ->
                        new Location(siteId, organizations.name(siteId), false, centre, organizations.name(centre)));
    }

    Location site(long siteId) {
        return findSite(siteId).orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, siteId));
    }

    Optional<Location> findGallery(long centreId) {
        boolean runsSites = jdbc.sql("select count(*) from workshop.site_profile where centre_id = ?")
                        .param(centreId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!runsSites) {
            return Optional.empty();
        }
        String name = organizations.name(centreId);
        return Optional.of(new Location(centreId, name, true, centreId, name));
    }

    Location gallery(long centreId) {
        return findGallery(centreId).orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, centreId));
    }

    /** A site, or a gallery when {@code gallery} is true. */
    Location of(long unitId, boolean gallery) {
        return gallery ? gallery(unitId) : site(unitId);
    }

    /** The sites the caller's grants cover for one of {@code roles}, by name. */
    List<Location> visibleSites(String... roles) {
        if (access.scope(roles).none()) {
            return List.of();
        }
        List<Location> sites = new ArrayList<>();
        for (Long id : jdbc.sql("select site_id from workshop.site_profile")
                .query(Long.class)
                .list()) {
            if (access.covers(id, roles)) {
                findSite(id).ifPresent(sites::add);
            }
        }
        sites.sort(Comparator.comparing(Location::name));
        return sites;
    }

    /** The galleries (centres with workshop sites) the caller's grants cover for one of {@code roles}. */
    List<Location> visibleGalleries(String... roles) {
        if (access.scope(roles).none()) {
            return List.of();
        }
        Set<Long> centres = new LinkedHashSet<>(jdbc.sql("select distinct centre_id from workshop.site_profile")
                .query(Long.class)
                .list());
        List<Location> galleries = new ArrayList<>();
        for (Long id : centres) {
            if (access.covers(id, roles)) {
                findGallery(id).ifPresent(galleries::add);
            }
        }
        galleries.sort(Comparator.comparing(Location::name));
        return galleries;
    }
}
