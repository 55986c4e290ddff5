package id.peduli.organization;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.region.Regions;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: lookups for every module, and the rules for creating, editing and moving units. Moving a
 * unit re-parents its whole subtree; moving a unit under itself or one of its descendants is refused.
 */
@Service
public class Organizations {

    private static final String COLUMNS =
            "id, parent_id, path, depth, name, short_name, type, region_code, address, active, three_t, version";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditLog audit;

    Organizations(JdbcClient jdbc, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organization.org_unit where id = ?")
                .param(id)
                .query(Organizations::map)
                .optional();
    }

    public OrgUnit get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("org.notFound", id));
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from organization.org_unit where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public String name(long id) {
        return find(id).map(OrgUnit::name).orElse("#" + id);
    }

    /**
     * Of {@code unitIds}, those that exist and are one of {@code ancestorIds} or lie below one of them: one query for
     * any number of units, where {@link #isWithin} asks once per unit.
     */
    public Set<Long> within(java.util.Collection<Long> unitIds, java.util.Collection<Long> ancestorIds) {
        if (unitIds.isEmpty() || ancestorIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select u.id from organization.org_unit u
                        where u.id = any(:units)
                          and exists (select 1 from organization.org_unit a
                                      where a.id = any(:ancestors) and u.path like a.path || '%')
                        """)
                .param("units", unitIds.toArray(Long[]::new))
                .param("ancestors", ancestorIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** Of {@code unitIds}, those that exist. */
    public Set<Long> existing(java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from organization.org_unit where id = any(:units)")
                .param("units", unitIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** True when {@code unitId} is {@code ancestorId} or lies below it. */
    public boolean isWithin(long unitId, long ancestorId) {
        if (unitId == ancestorId) {
            return exists(unitId);
        }
        return jdbc.sql("""
                        select count(*) from organization.org_unit u, organization.org_unit a
                        where u.id = :unit and a.id = :ancestor and u.path like a.path || '%'
                        """)
                        .param("unit", unitId)
                        .param("ancestor", ancestorId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every unit, ordered as a tree (parents before their children, siblings by name). */
    public List<OrgUnit> tree() {
        return jdbc.sql("select " + COLUMNS + " from organization.org_unit order by " + treeOrder())
                .query(Organizations::map)
                .list();
    }

    /** The units at or below any of the given roots, ordered as a tree. */
    public List<OrgUnit> subtrees(Collection<Long> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organization.org_unit u where exists (select 1 from "
                        + "organization.org_unit r where r.id in (:roots) and u.path like r.path || '%') order by "
                        + treeOrder())
                .param("roots", rootIds)
                .query(Organizations::map)
                .list();
    }

    /**
     * The units the signed-in user's grants cover, for any of {@code roles} (no roles: any grant), in tree order. Which
     * grants count is decided by {@link UnitScope}.
     */
    public List<OrgUnit> visibleTo(String... roles) {
        UnitScope.Roots scope = UnitScope.roots(roles);
        return scope.all() ? tree() : subtrees(scope.roots());
    }

    /**
     * Refuses a parent the current administrator may not create or move units under: a unit outside every subtree
     * where he holds SYSTEM_ADMIN is "not found", as a missing one; no parent (a new root) needs a national grant.
     */
    void requireAdministeredParent(Long parentId) {
        UnitScope.Roots scope = UnitScope.roots("SYSTEM_ADMIN");
        boolean allowed =
                scope.all() || (parentId != null && scope.roots().stream().anyMatch(root -> isWithin(parentId, root)));
        if (!allowed) {
            throw parentId == null
                    ? new BusinessException(403, "parentId", "org.rootNotAllowed")
                    : BusinessException.notFound("org.notFound", parentId);
        }
    }

    public List<OrgUnit> children(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from organization.org_unit where parent_id = ? order by name")
                .param(parentId)
                .query(Organizations::map)
                .list();
    }

    @Transactional
    public OrgUnit create(OrgUnitCommand command) {
        OrgUnit parent = command.parentId() == null ? null : parentOrFail(command.parentId());
        String regionCode = normalisedRegion(command.regionCode());
        requireUniqueName(command.parentId(), command.name(), null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into organization.org_unit (parent_id, path, depth, name, short_name, type,
                                region_code, address, active, three_t)
                            values (:parent, 'pending', :depth, :name, :shortName, :type, :region, :address, :active,
                                :threeT)
                            returning id
                            """)
                    .param("parent", command.parentId())
                    .param("depth", parent == null ? 0 : parent.depth() + 1)
                    .param("name", command.name().trim())
                    .param("shortName", blankToNull(command.shortName()))
                    .param("type", command.type().name())
                    .param("region", regionCode)
                    .param("address", blankToNull(command.address()))
                    .param("active", command.active())
                    .param("threeT", command.threeT())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("name", "org.duplicateName", command.name());
        }
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("update organization.org_unit set path = ? where id = ?")
                .params(path, id)
                .update();
        audit.record(AuditRecord.of(AuditAction.CREATE, "OrgUnit", id)
                .unit(id)
                .change("name", null, command.name().trim())
                .change("type", null, command.type())
                .change("parent", null, command.parentId())
                .change("region", null, regionCode));
        return get(id);
    }

    @Transactional
    public OrgUnit update(long id, int expectedVersion, OrgUnitCommand command) {
        OrgUnit current = get(id);
        String regionCode = normalisedRegion(command.regionCode());
        requireUniqueName(current.parentId(), command.name(), id);
        int updated = jdbc.sql("""
                        update organization.org_unit set name = :name, short_name = :shortName, type = :type,
                            region_code = :region, address = :address, active = :active, three_t = :threeT,
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("name", command.name().trim())
                .param("shortName", blankToNull(command.shortName()))
                .param("type", command.type().name())
                .param("region", regionCode)
                .param("address", blankToNull(command.address()))
                .param("active", command.active())
                .param("threeT", command.threeT())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("org_unit " + id + " changed since version " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "OrgUnit", id)
                .unit(id)
                .change("name", current.name(), command.name().trim())
                .change("shortName", current.shortName(), blankToNull(command.shortName()))
                .change("type", current.type(), command.type())
                .change("region", current.regionCode(), regionCode)
                .change("address", current.address(), blankToNull(command.address()))
                .change("active", current.active(), command.active())
                .change("threeT", current.threeT(), command.threeT()));
        return get(id);
    }

    /** Moves a unit and its subtree under a new parent ({@code null}: make it a root). */
    @Transactional
    public OrgUnit move(long id, Long newParentId, int expectedVersion) {
        OrgUnit unit = get(id);
        if (unit.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("org_unit " + id + " changed since version " + expectedVersion);
        }
        OrgUnit newParent = newParentId == null ? null : parentOrFail(newParentId);
        if (newParent != null && newParent.path().startsWith(unit.path())) {
            throw BusinessException.invalid("parentId", "org.cycle", unit.name(), newParent.name());
        }
        requireUniqueName(newParentId, unit.name(), id);
        String newPath = (newParent == null ? "/" : newParent.path()) + id + "/";
        int depthShift = (newParent == null ? 0 : newParent.depth() + 1) - unit.depth();
        jdbc.sql("""
                        update organization.org_unit
                        set path = :newPath || substring(path from char_length(:oldPath) + 1),
                            depth = depth + :shift, updated_at = now()
                        where path like :oldPath || '%'
                        """)
                .param("newPath", newPath)
                .param("oldPath", unit.path())
                .param("shift", depthShift)
                .update();
        int updated = jdbc.sql(
                        "update organization.org_unit set parent_id = :parent, version = version + 1 where id = :id "
                                + "and version = :version")
                .param("parent", newParentId)
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("org_unit " + id + " changed since version " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.MOVE, "OrgUnit", id)
                .unit(id)
                .change("parent", unit.parentId(), newParentId));
        return get(id);
    }

    private OrgUnit parentOrFail(long parentId) {
        return find(parentId).orElseThrow(() -> BusinessException.invalid("parentId", "org.parentNotFound", parentId));
    }

    private void requireUniqueName(Long parentId, String name, Long exceptId) {
        long clashes = jdbc.sql("""
                        select count(*) from organization.org_unit
                        where coalesce(parent_id, 0) = coalesce(cast(:parent as bigint), 0)
                          and lower(name) = lower(:name) and id <> coalesce(cast(:except as bigint), -1)
                        """)
                .param("parent", parentId)
                .param("name", name.trim())
                .param("except", exceptId)
                .query(Long.class)
                .single();
        if (clashes > 0) {
            throw BusinessException.conflict("name", "org.duplicateName", name.trim());
        }
    }

    private String normalisedRegion(String code) {
        String value = blankToNull(code);
        if (value != null) {
            regions.validate(value);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String treeOrder() {
        // Paths end with '/', so sorting by path keeps every subtree together right after its root.
        return "path";
    }

    static OrgUnit map(ResultSet rs, int row) throws SQLException {
        long parentValue = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentValue;
        return new OrgUnit(
                rs.getLong("id"),
                parent,
                rs.getString("path"),
                rs.getInt("depth"),
                rs.getString("name"),
                rs.getString("short_name"),
                OrgUnitType.valueOf(rs.getString("type")),
                rs.getString("region_code"),
                rs.getString("address"),
                rs.getBoolean("active"),
                rs.getBoolean("three_t"),
                rs.getInt("version"));
    }
}
