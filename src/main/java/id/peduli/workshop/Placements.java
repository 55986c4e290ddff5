package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placements of participants into work and their follow-ups at 30, 90, 180 and 365 days. A follow-up is dated on or
 * after the start of the placement and not in the future; a separation ends the placement with a reason.
 */
@Service
class Placements {

    static final AuditAction PLACE = AuditAction.of("PLACE");
    static final AuditAction FOLLOW_UP = AuditAction.of("FOLLOW_UP");
    static final AuditAction SEPARATE = AuditAction.of("SEPARATE");
    static final List<Integer> DAY_MARKS = List.of(30, 90, 180, 365);

    private final JdbcClient jdbc;
    private final Participants participants;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    Placements(JdbcClient jdbc, Participants participants, Access access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    List<PlacementView> ofSite(long siteId) {
        return views(jdbc.sql("select * from workshop.placement where site_id = ? order by started_on desc, id desc")
                .param(siteId)
                .query(Placements::row)
                .list());
    }

    Optional<PlacementView> find(long id) {
        return views(jdbc.sql("select * from workshop.placement where id = ?")
                        .param(id)
                        .query(Placements::row)
                        .list())
                .stream()
                .findFirst();
    }

    PlacementView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("workshop.placementNotFound", id));
    }

    @Transactional
    PlacementView place(long siteId, PlacementCommand command) {
        LocalDate today = LocalDate.now(clock);
        if (command.startedOn().isAfter(today.plusDays(31))) {
            throw BusinessException.invalid("startedOn", "workshop.placement.startTooLate");
        }
        Participant participant = participants
                .find(command.participantId())
                .filter(p -> p.siteId() == siteId)
                .orElseThrow(() -> BusinessException.invalid("participantId", "workshop.entry.participantLeft"));
        long id = jdbc.sql("""
                        insert into workshop.placement (site_id, enrolment_id, person_id, employer_name, sector,
                            region_code, kind, started_on, monthly_wage, hours_per_week, support, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        siteId,
                        participant.enrolmentId(),
                        participant.personId(),
                        command.employerName().trim(),
                        Sites.blankToNull(command.sector()),
                        Sites.blankToNull(command.regionCode()),
                        command.kind().name(),
                        command.startedOn(),
                        command.monthlyWage(),
                        command.hoursPerWeek(),
                        Sites.blankToNull(command.support()),
                        userId())
                .query(Long.class)
                .single();
        for (int mark : DAY_MARKS) {
            jdbc.sql("insert into workshop.follow_up (placement_id, day_mark, due_on) values (?, ?, ?)")
                    .params(id, mark, command.startedOn().plusDays(mark))
                    .update();
        }
        audit.record(AuditRecord.of(PLACE, "WorkshopPlacement", id)
                .unit(siteId)
                .purpose("person " + participant.personId())
                .change("kind", null, command.kind()));
        return get(id);
    }

    @Transactional
    PlacementView followUp(
            long placementId, long followUpId, LocalDate doneOn, Boolean stillEmployed, Long wage, String notes) {
        PlacementView placement = get(placementId);
        PlacementView.FollowUp followUp = placement.followUps().stream()
                .filter(f -> f.id() == followUpId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("workshop.placementNotFound", followUpId));
        if (doneOn == null) {
            throw BusinessException.invalid("doneOn", "validation.required");
        }
        if (doneOn.isBefore(placement.startedOn())) {
            throw BusinessException.invalid("doneOn", "workshop.followUp.beforePlacement");
        }
        if (doneOn.isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("doneOn", "workshop.futureDate");
        }
        if (stillEmployed == null) {
            throw BusinessException.invalid("stillEmployed", "validation.required");
        }
        if (wage != null && (wage < 0 || wage > 1_000_000_000L)) {
            throw BusinessException.invalid("wage", "workshop.priceRange");
        }
        if (notes != null && notes.length() > 1000) {
            throw BusinessException.invalid("notes", "validation.required");
        }
        jdbc.sql("""
                        update workshop.follow_up set done_on = ?, still_employed = ?, wage = ?, notes = ?, recorded_by = ?
                        where id = ?
                        """)
                .params(doneOn, stillEmployed, wage, Sites.blankToNull(notes), userId(), followUp.id())
                .update();
        audit.record(AuditRecord.of(FOLLOW_UP, "WorkshopPlacement", placementId)
                .unit(placement.siteId())
                .change("day", null, followUp.dayMark())
                .change("stillEmployed", null, stillEmployed));
        return get(placementId);
    }

    @Transactional
    PlacementView separate(long placementId, LocalDate on, String reason) {
        PlacementView placement = get(placementId);
        if (placement.separatedOn() != null) {
            throw BusinessException.conflict(null, "workshop.placement.alreadySeparated");
        }
        if (on == null || reason == null || reason.isBlank() || reason.length() > 500) {
            throw BusinessException.invalid("reason", "validation.required");
        }
        if (on.isBefore(placement.startedOn())) {
            throw BusinessException.invalid("separatedOn", "workshop.followUp.beforePlacement");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("separatedOn", "workshop.futureDate");
        }
        jdbc.sql("update workshop.placement set separated_on = ?, separation_reason = ? where id = ?")
                .params(on, reason.trim(), placementId)
                .update();
        audit.record(AuditRecord.of(SEPARATE, "WorkshopPlacement", placementId).unit(placement.siteId()));
        return get(placementId);
    }

    /** Follow-ups not done yet of the enrolments, for the caseload. */
    List<PlacementView> openFor(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return views(jdbc.sql("select * from workshop.placement where enrolment_id in (:ids) and separated_on is null")
                .param("ids", enrolmentIds)
                .query(Placements::row)
                .list());
    }

    private List<PlacementView> views(List<PlacementView> placements) {
        if (placements.isEmpty()) {
            return placements;
        }
        Map<Long, List<PlacementView.FollowUp>> followUps = new HashMap<>();
        jdbc.sql("select * from workshop.follow_up where placement_id in (:ids) order by day_mark")
                .param("ids", placements.stream().map(PlacementView::id).toList())
                .query(rs -> {
                    long wage = rs.getLong("wage");
                    Money money = rs.wasNull() ? null : Money.of(wage);
                    boolean employed = rs.getBoolean("still_employed");
                    Boolean still = rs.wasNull() ? null : employed;
                    followUps
                            .computeIfAbsent(rs.getLong("placement_id"), k -> new ArrayList<>())
                            .add(new PlacementView.FollowUp(
                                    rs.getLong("id"),
                                    rs.getInt("day_mark"),
                                    rs.getObject("due_on", LocalDate.class),
                                    rs.getObject("done_on", LocalDate.class),
                                    still,
                                    money,
                                    rs.getString("notes")));
                });
        return placements.stream()
                .map(p -> new PlacementView(
                        p.id(),
                        p.siteId(),
                        p.enrolmentId(),
                        p.personId(),
                        p.employerName(),
                        p.sector(),
                        p.regionCode(),
                        p.kind(),
                        p.startedOn(),
                        p.monthlyWage(),
                        p.hoursPerWeek(),
                        p.support(),
                        p.separatedOn(),
                        p.separationReason(),
                        List.copyOf(followUps.getOrDefault(p.id(), List.of()))))
                .toList();
    }

    private static PlacementView row(ResultSet rs, int n) throws SQLException {
        return new PlacementView(
                rs.getLong("id"),
                rs.getLong("site_id"),
                rs.getLong("enrolment_id"),
                rs.getLong("person_id"),
                rs.getString("employer_name"),
                rs.getString("sector"),
                rs.getString("region_code"),
                PlacementView.Kind.valueOf(rs.getString("kind")),
                rs.getObject("started_on", LocalDate.class),
                Money.of(rs.getLong("monthly_wage")),
                rs.getInt("hours_per_week"),
                rs.getString("support"),
                rs.getObject("separated_on", LocalDate.class),
                rs.getString("separation_reason"),
                List.of());
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }
}
