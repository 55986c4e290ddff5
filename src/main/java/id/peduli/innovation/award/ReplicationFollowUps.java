package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S9 follow-up of a registered replication: the replicating unit's operators and verifiers, and the secretariat,
 * change where it stands and report what it achieved (as of a date, a text, optionally one figure with what it
 * counts). Each change carries the version the caller read, is kept in the replication's history and is audited;
 * the replication also shows the proposals of the replication group its unit sent with the same source.
 */
@Service
public class ReplicationFollowUps {

    private static final AuditAction FOLLOW_UP = InnovationAudit.REPLICATION;
    static final String[] UNIT_ROLES = {"UNIT_OPERATOR", "AGENCY_VERIFIER"};
    static final String SECRETARIAT = "SECRETARIAT";
    static final int TEXT_MAX = 4000;
    static final int NOTE_MAX = 2000;
    static final int LABEL_MAX = 200;
    private static final BigDecimal FIGURE_MAX = new BigDecimal("999999999999.99");

    /** What one entry of the history records. */
    @Schema(name = "InnovationReplicationEventKind")
    public enum Kind {
        STATUS,
        RESULT
    }

    /** One entry of a replication's history: a status change or a reported result. */
    @Schema(name = "InnovationReplicationEvent")
    public record Event(
            long id,
            Kind kind,
            Replications.Status statusFrom,
            Replications.Status statusTo,
            LocalDate reportedOn,
            String text,
            BigDecimal figure,
            String figureLabel,
            String recordedBy,
            Instant recordedAt) {}

    /** A proposal of the replication group that the replicating unit sent with the replication's source. */
    @Schema(name = "InnovationReplicationProposal")
    public record LinkedProposal(long id, int year, String title, ProposalState state) {}

    /** A replication with its history (newest first) and the proposals that name its source. */
    @Schema(name = "InnovationReplicationDetail")
    public record Detail(Replications.View replication, List<Event> history, List<LinkedProposal> proposals) {}

    /** A change of status, with the version the caller read. */
    @Schema(name = "InnovationReplicationStatusChange")
    public record StatusChange(Replications.Status status, String note, Integer version) {}

    /** A reported result, with the version the caller read. */
    @Schema(name = "InnovationReplicationResult")
    public record Result(LocalDate reportedOn, String text, BigDecimal figure, String figureLabel, Integer version) {}

    private final JdbcClient jdbc;
    private final Replications replications;
    private final Access access;
    private final InnovationAudit audit;
    private final Clock clock;
    private final ZoneId zone;

    ReplicationFollowUps(
            JdbcClient jdbc,
            Replications replications,
            Access access,
            InnovationAudit audit,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone) {
        this.jdbc = jdbc;
        this.replications = replications;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    static BusinessException notFound(long id) {
        return BusinessException.notFound("innovation.replication.notFound", id);
    }

    /**
     * Scope before load: only the replication's unit is read, and a caller who is neither of the secretariat nor an
     * operator or verifier of that unit is told it does not exist, exactly as for a missing id.
     */
    long unitInScope(long id) {
        boolean secretariat = access.hasAnyRole(SECRETARIAT);
        if (!secretariat && !access.hasAnyRole(UNIT_ROLES)) {
            throw notFound(id);
        }
        Long unit = jdbc.sql("select adopter_unit_id from innovation.replication where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> notFound(id));
        if (!secretariat && !access.covers(unit, UNIT_ROLES)) {
            throw notFound(id);
        }
        return unit;
    }

    Detail detail(long id) {
        unitInScope(id);
        Replications.View view = replications.one(id);
        return new Detail(view, history(id), proposals(view));
    }

    /** Moves the replication to another status; stopping it needs a note saying why. */
    @Transactional
    Detail changeStatus(long id, StatusChange change) {
        long unit = unitInScope(id);
        Replications.View before = replications.one(id);
        String note = strip(change.note());
        try {
            if (change.status() == null) {
                throw BusinessException.invalid("status", "innovation.replication.statusRequired");
            }
            if (change.status() == before.status()) {
                throw BusinessException.invalid("status", "innovation.replication.statusUnchanged");
            }
            if (change.status() == Replications.Status.STOPPED && note.isEmpty()) {
                throw BusinessException.invalid("note", "innovation.replication.stopReason");
            }
            if (note.length() > NOTE_MAX) {
                throw BusinessException.invalid("note", "innovation.replication.noteTooLong");
            }
            bumpVersion(id, change.version(), change.status());
        } catch (BusinessException e) {
            audit.refused(FOLLOW_UP, "Replication", id, unit, e);
            throw e;
        }
        jdbc.sql("""
                        insert into innovation.replication_event (replication_id, kind, status_from, status_to, text,
                            recorded_by)
                        values (?, 'STATUS', ?, ?, ?, ?)
                        """)
                .params(id, before.status().name(), change.status().name(), note, username())
                .update();
        audit.record(AuditRecord.of(FOLLOW_UP, "Replication", id)
                .unit(unit)
                .change("status", before.status().name(), change.status().name()));
        return detail(id);
    }

    /** Records a result as of a date between the replication's start and today, with an optional figure. */
    @Transactional
    Detail addResult(long id, Result result) {
        long unit = unitInScope(id);
        Replications.View before = replications.one(id);
        String text = strip(result.text());
        String label = strip(result.figureLabel());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            if (result.reportedOn() == null) {
                throw BusinessException.invalid("reportedOn", "validation.required");
            }
            if (result.reportedOn().isAfter(today)) {
                throw BusinessException.invalid("reportedOn", "innovation.replication.resultInFuture");
            }
            if (result.reportedOn().isBefore(before.startedOn())) {
                throw BusinessException.invalid("reportedOn", "innovation.replication.resultBeforeStart");
            }
            if (text.isEmpty() || text.length() > TEXT_MAX) {
                throw BusinessException.invalid("text", "innovation.replication.resultTextRequired");
            }
            if (result.figure() != null
                    && (result.figure().signum() < 0
                            || result.figure().compareTo(FIGURE_MAX) > 0
                            || result.figure().stripTrailingZeros().scale() > 2)) {
                throw BusinessException.invalid("figure", "innovation.replication.figureInvalid");
            }
            if (result.figure() != null && (label.isEmpty() || label.length() > LABEL_MAX)) {
                throw BusinessException.invalid("figureLabel", "innovation.replication.figureLabelRequired");
            }
            if (result.figure() == null && !label.isEmpty()) {
                throw BusinessException.invalid("figure", "innovation.replication.figureRequired");
            }
            bumpVersion(id, result.version(), before.status());
        } catch (BusinessException e) {
            audit.refused(FOLLOW_UP, "Replication", id, unit, e);
            throw e;
        }
        jdbc.sql("""
                        insert into innovation.replication_event (replication_id, kind, reported_on, text, figure,
                            figure_label, recorded_by)
                        values (?, 'RESULT', ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        Date.valueOf(result.reportedOn()),
                        text,
                        result.figure(),
                        result.figure() == null ? null : label,
                        username())
                .update();
        audit.record(AuditRecord.of(FOLLOW_UP, "Replication", id)
                .unit(unit)
                .change("result", null, result.reportedOn().toString()));
        return detail(id);
    }

    private void bumpVersion(long id, Integer version, Replications.Status status) {
        int updated = jdbc.sql("""
                        update innovation.replication set status = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?
                        """)
                .params(status.name(), id, version == null ? -1 : version)
                .update();
        if (updated == 0) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
    }

    private List<Event> history(long id) {
        return jdbc.sql("""
                        select id, kind, status_from, status_to, reported_on, text, figure, figure_label, recorded_by,
                            recorded_at
                        from innovation.replication_event where replication_id = ? order by id desc
                        """)
                .param(id)
                .query((rs, n) -> new Event(
                        rs.getLong(1),
                        Kind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Replications.Status.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Replications.Status.valueOf(rs.getString(4)),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    private List<LinkedProposal> proposals(Replications.View view) {
        return jdbc.sql("""
                        select p.id, per.year, i.title, p.state
                        from innovation.proposal p
                        join innovation.period per on per.id = p.period_id
                        join innovation.innovation i on i.id = p.innovation_id
                        where p.unit_id = ? and p.source_innovation_id = ? and p.grp = 'REPLICATION'
                        order by per.year desc, p.id desc
                        """)
                .params(view.adopterUnitId(), view.sourceInnovationId())
                .query((rs, n) -> new LinkedProposal(
                        rs.getLong(1), rs.getInt(2), rs.getString(3), ProposalState.valueOf(rs.getString(4))))
                .list();
    }

    private String username() {
        return access.currentUser().map(p -> p.username()).orElse("system");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
