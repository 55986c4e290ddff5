package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.InnovationRoles;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S9, the replication register: a unit operator registers that their unit replicates an innovation of the public
 * catalogue — the source innovation, the adopting unit, since when, what was adapted, where it stands (planned,
 * running, completed, stopped) and what it achieved. Operators and verifiers see the replications of their units;
 * the secretariat sees all of them; the catalogue counts the replications of each innovation (a stopped one no longer
 * counts). Later changes of status and reported results are {@link ReplicationFollowUps}.
 */
@Service
public class Replications {

    /** Where a replication stands. */
    @Schema(name = "InnovationReplicationStatus")
    public enum Status {
        PLANNED,
        RUNNING,
        COMPLETED,
        STOPPED
    }

    /** A registered replication as operators and verifiers see it. */
    @Schema(name = "InnovationReplication")
    public record View(
            long id,
            long sourceInnovationId,
            String sourceTitle,
            String sourceAgency,
            long adopterUnitId,
            String adopterUnit,
            LocalDate startedOn,
            String adaptation,
            Status status,
            String results,
            int version) {}

    /** A replication as a proposal of the replication group links to it: the adopting unit's registration. */
    @Schema(name = "InnovationReplicationLink")
    public record Link(long id, Status status, LocalDate startedOn) {}

    /** What an operator sends to register a replication. */
    @Schema(name = "InnovationReplicationForm")
    public record Form(
            Long sourceInnovationId,
            Long adopterUnitId,
            LocalDate startedOn,
            String adaptation,
            Status status,
            String results) {}

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Organizations organizations;
    private final Access access;
    private final InnovationAudit audit;
    private final Clock clock;
    private final ZoneId zone;

    Replications(
            JdbcClient jdbc,
            Catalogue catalogue,
            Organizations organizations,
            Access access,
            InnovationAudit audit,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * The replications of the units the caller acts for as operator or verifier; every replication for the
     * secretariat.
     */
    public List<View> visible() {
        return list(null);
    }

    /** One replication, read after its scope was checked ({@link ReplicationFollowUps#unitInScope}). */
    View one(long id) {
        return list(id).stream().findFirst().orElseThrow(() -> ReplicationFollowUps.notFound(id));
    }

    /**
     * The replication that unit {@code unitId} registered of innovation {@code sourceInnovationId}: the one a proposal
     * of the replication group by that unit with that source links to.
     */
    public Optional<Link> linkFor(long unitId, Long sourceInnovationId) {
        if (sourceInnovationId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, status, started_on from innovation.replication where adopter_unit_id = ? and "
                        + "source_innovation_id = ?")
                .params(unitId, sourceInnovationId)
                .query((rs, n) -> new Link(
                        rs.getLong(1),
                        Status.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate()))
                .optional();
    }

    private List<View> list(Long id) {
        boolean secretariat = access.hasAnyRole("SECRETARIAT");
        var scope = access.scope(InnovationRoles.UNIT);
        if (!secretariat && scope.none()) {
            return List.of();
        }
        List<Long> units = secretariat || scope.all()
                ? null
                : organizations.subtrees(scope.roots()).stream()
                        .map(OrgUnit::id)
                        .toList();
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String where = (units == null ? " where true" : " where r.adopter_unit_id in (:units)")
                + (id == null ? "" : " and r.id = :id");
        var sql = jdbc.sql("""
                        select r.id, r.source_innovation_id, i.title, i.unit_id, r.adopter_unit_id, r.started_on,
                            r.adaptation, r.status, r.results, r.version
                        from innovation.replication r join innovation.innovation i on i.id = r.source_innovation_id
                        """ + where + " order by r.started_on desc, r.id desc");
        if (units != null) {
            sql = sql.param("units", units);
        }
        if (id != null) {
            sql = sql.param("id", id);
        }
        return sql.query((rs, n) -> new View(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        organizations.name(rs.getLong(4)),
                        rs.getLong(5),
                        organizations.name(rs.getLong(5)),
                        rs.getDate(6).toLocalDate(),
                        rs.getString(7),
                        Status.valueOf(rs.getString(8)),
                        rs.getString(9),
                        rs.getInt(10)))
                .list();
    }

    /**
     * Registers a replication for a unit the caller operates for (another unit answers as a missing one), checked whole
     * before it is written; refused when the source is not in the catalogue, is the unit's own innovation, or the unit
     * registered it already.
     */
    @Transactional
    View register(Form form) {
        Long unit = form.adopterUnitId();
        if (unit == null) {
            throw BusinessException.invalid("adopterUnitId", "validation.required");
        }
        access.coversOrNotFound(unit, "org.notFound", "UNIT_OPERATOR");
        String adaptation = form.adaptation() == null ? "" : form.adaptation().strip();
        String results = form.results() == null ? "" : form.results().strip();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            if (form.sourceInnovationId() == null || !catalogue.catalogued(form.sourceInnovationId())) {
                throw BusinessException.invalid("sourceInnovationId", "innovation.replication.notCatalogued");
            }
            long sourceUnit = jdbc.sql("select unit_id from innovation.innovation where id = ?")
                    .param(form.sourceInnovationId())
                    .query(Long.class)
                    .single();
            if (sourceUnit == unit) {
                throw BusinessException.invalid("sourceInnovationId", "innovation.replication.ownInnovation");
            }
            if (form.startedOn() == null) {
                throw BusinessException.invalid("startedOn", "validation.required");
            }
            if (form.startedOn().isAfter(today.plusYears(1))) {
                throw BusinessException.invalid("startedOn", "innovation.replication.startTooLate");
            }
            if (adaptation.isEmpty() || adaptation.length() > 4000) {
                throw BusinessException.invalid("adaptation", "innovation.replication.adaptationRequired");
            }
            if (form.status() == null) {
                throw BusinessException.invalid("status", "innovation.replication.statusRequired");
            }
            if (results.length() > 4000) {
                throw BusinessException.invalid("results", "innovation.replication.resultsTooLong");
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.REGISTER, "Replication", "new", unit, e);
            throw e;
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into innovation.replication (source_innovation_id, adopter_unit_id, started_on,
                                adaptation, status, results, registered_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id
                            """)
                    .params(
                            form.sourceInnovationId(),
                            unit,
                            Date.valueOf(form.startedOn()),
                            adaptation,
                            form.status().name(),
                            results,
                            access.currentUser().map(p -> p.userId()).orElse(null))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            BusinessException refused =
                    BusinessException.conflict("sourceInnovationId", "innovation.replication.already");
            audit.refused(InnovationAudit.REGISTER, "Replication", "new", unit, refused);
            throw refused;
        }
        audit.record(AuditRecord.of(InnovationAudit.REGISTER, "Replication", id)
                .unit(unit)
                .change("sourceInnovation", null, form.sourceInnovationId())
                .change("status", null, form.status().name()));
        return one(id);
    }
}
