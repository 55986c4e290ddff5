package id.peduli.innovation.award;

import id.peduli.access.Access;
import id.peduli.access.Role;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.Actor;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.award.StagesView.Schedule;
import id.peduli.innovation.award.StagesView.Score;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S6, the presentation and interview of a Top 99 proposal. The secretariat or the panel schedules it (date, time,
 * a place or a link), and the unit is told in its inbox; each panelist then records a presentation and an interview
 * score on the period's scale, with a comment. The first score moves the proposal to {@link ProposalState#PRESENTED};
 * scores can be corrected until the field verification closes the stage. The proposal's presentation score is the
 * mean over panelists of the two scores, expressed on 0–100 ({@link StageScores}). A panelist with a conflict of
 * interest with the proposal ({@link StageConflicts}) does not score it.
 */
@Service
public class Presentations {

    /** States in which the presentation can be scheduled and scored. */
    static final Set<ProposalState> OPEN = EnumSet.of(ProposalState.TOP99, ProposalState.PRESENTED);

    private final JdbcClient jdbc;
    private final StoredProposals store;
    private final Proposals proposals;
    private final Periods periods;
    private final Notifications notifications;
    private final InnovationAudit audit;
    private final StageScores scores;
    private final FieldVerifications visits;
    private final Access access;
    private final StageConflicts conflicts;
    private final Clock clock;
    private final ZoneId zone;

    Presentations(
            JdbcClient jdbc,
            StoredProposals store,
            Proposals proposals,
            Periods periods,
            Notifications notifications,
            InnovationAudit audit,
            StageScores scores,
            FieldVerifications visits,
            Access access,
            StageConflicts conflicts,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone) {
        this.jdbc = jdbc;
        this.store = store;
        this.proposals = proposals;
        this.periods = periods;
        this.notifications = notifications;
        this.audit = audit;
        this.scores = scores;
        this.visits = visits;
        this.access = access;
        this.conflicts = conflicts;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * S6 and S7 on the page of a Top 99 proposal (null for others): the unit sees the schedule; the secretariat and
     * the panel also see the scores and the field visits; panelists score and record visits.
     */
    public StagesView view(ProposalView p) {
        if (!ProposalState.TOP99_OR_LATER.contains(p.state())) {
            return null;
        }
        boolean competition = access.hasAnyRole(InnovationRoles.COMPETITION);
        boolean panelist = access.hasAnyRole("PANELIST");
        Schedule planned = schedule(p.id()).orElse(null);
        boolean conflicted = panelist && conflicts.currentConflicted(Role.PANELIST, p.id(), p.unitId());
        boolean open = OPEN.contains(p.state()) || FieldVerifications.OPEN.contains(p.state());
        return new StagesView(
                planned,
                competition ? scores(p.id()) : List.of(),
                competition ? visits.visits(p.id()) : List.of(),
                competition && OPEN.contains(p.state()),
                panelist && !conflicted && OPEN.contains(p.state()) && planned != null,
                panelist && !conflicted && FieldVerifications.OPEN.contains(p.state()),
                conflicted,
                panelist && open && !conflicts.declaredByPanelist(p.id()));
    }

    Optional<Schedule> schedule(long proposalId) {
        return jdbc.sql(
                        "select proposal_id, starts_at, place, link, scheduled_by from innovation.presentation_schedule "
                                + "where proposal_id = ?")
                .param(proposalId)
                .query((rs, n) -> new Schedule(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private int scoreVersion(long proposalId, long panelistId) {
        return jdbc.sql("select version from innovation.presentation_score where proposal_id = ? and panelist_id = ?")
                .params(proposalId, panelistId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    List<Score> scores(long proposalId) {
        return jdbc.sql(
                        "select panelist_id, panelist_name, presentation, interview, comment, recorded_at, version from "
                                + "innovation.presentation_score where proposal_id = ? order by panelist_name")
                .param(proposalId)
                .query((rs, n) -> new Score(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getInt(7)))
                .list();
    }

    /** The version of the proposal's schedule; 0 while there is none. */
    int scheduleVersion(long proposalId) {
        return jdbc.sql("select version from innovation.presentation_schedule where proposal_id = ?")
                .param(proposalId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Schedules (or moves) the presentation of a Top 99 proposal and tells its unit. */
    @Transactional
    Schedule plan(long proposalId, LocalDate date, LocalTime time, String place, String link, Role role) {
        return plan(proposalId, date, time, place, link, role, null);
    }

    /**
     * As {@link #plan(long, LocalDate, LocalTime, String, String, Role)}, refused when {@code expectedVersion} (0: no
     * schedule yet) is given and is not the schedule's current version.
     */
    @Transactional
    Schedule plan(
            long proposalId,
            LocalDate date,
            LocalTime time,
            String place,
            String link,
            Role role,
            Integer expectedVersion) {
        Proposal proposal = store.get(proposalId);
        String where = strip(place);
        String url = strip(link);
        Actor actor = proposals.actor(role);
        try {
            if (!OPEN.contains(proposal.state())) {
                throw BusinessException.conflict(null, "innovation.presentation.notTop99");
            }
            if (date == null) {
                throw BusinessException.invalid("date", "validation.required");
            }
            if (time == null) {
                throw BusinessException.invalid("time", "validation.required");
            }
            if (where == null && url == null) {
                throw BusinessException.invalid("place", "innovation.presentation.placeRequired");
            }
            if (where != null && where.length() > 300) {
                throw BusinessException.invalid("place", "innovation.presentation.placeTooLong");
            }
            if (url != null && !isWebLink(url)) {
                throw BusinessException.invalid("link", "innovation.presentation.linkInvalid");
            }
            if (expectedVersion != null && expectedVersion != scheduleVersion(proposalId)) {
                throw BusinessException.conflict("version", "error.staleVersion");
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.AWARD, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        Instant startsAt = date.atTime(time).atZone(zone).toInstant();
        // the version is checked again in the write itself, so that two edits at once cannot both pass
        int written = jdbc.sql("""
                        insert into innovation.presentation_schedule (proposal_id, starts_at, place, link, scheduled_by,
                            scheduled_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (proposal_id) do update set starts_at = excluded.starts_at, place = excluded.place,
                            link = excluded.link, scheduled_by = excluded.scheduled_by,
                            scheduled_at = excluded.scheduled_at, version = presentation_schedule.version + 1
                        where cast(? as integer) is null or presentation_schedule.version = cast(? as integer)
                        """)
                .params(
                        proposalId,
                        Timestamp.from(startsAt),
                        where,
                        url,
                        actor.username(),
                        Timestamp.from(clock.instant()),
                        expectedVersion,
                        expectedVersion)
                .update();
        requireWritten(written, proposalId, proposal.unitId());
        String detail = date + " " + time + " · " + (where == null ? url : where + (url == null ? "" : " · " + url));
        notifications.proposalResult(proposalId, "innovation.notify.presentation", detail);
        audit.record(AuditRecord.of(InnovationAudit.AWARD, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("presentationAt", null, startsAt.toString()));
        return schedule(proposalId).orElseThrow();
    }

    /**
     * Records (or corrects) the signed-in panelist's presentation and interview scores. The first score of a Top 99
     * proposal moves it to {@link ProposalState#PRESENTED}.
     */
    @Transactional
    void score(long proposalId, Integer presentation, Integer interview, String comment) {
        score(proposalId, presentation, interview, comment, null);
    }

    /**
     * As {@link #score(long, Integer, Integer, String)}, refused when {@code expectedVersion} (0: not scored yet) is
     * given and is not the version of the caller's score.
     */
    @Transactional
    void score(long proposalId, Integer presentation, Integer interview, String comment, Integer expectedVersion) {
        Proposal proposal = store.get(proposalId);
        Period period = periods.get(proposal.periodId());
        Actor panelist = proposals.actor(Role.PANELIST);
        String text = comment == null ? "" : comment.strip();
        try {
            if (!OPEN.contains(proposal.state())) {
                throw BusinessException.conflict(null, "innovation.presentation.closed");
            }
            if (schedule(proposalId).isEmpty()) {
                throw BusinessException.conflict(null, "innovation.presentation.notScheduled");
            }
            if (conflicts.currentConflicted(Role.PANELIST, proposalId, proposal.unitId())) {
                throw BusinessException.conflict(null, "innovation.presentation.conflicted");
            }
            requireOnScale("presentation", presentation, period);
            requireOnScale("interview", interview, period);
            if (text.length() > 4000) {
                throw BusinessException.invalid("comment", "innovation.presentation.commentTooLong");
            }
            if (expectedVersion != null && expectedVersion != scoreVersion(proposalId, panelist.userId())) {
                throw BusinessException.conflict("version", "error.staleVersion");
            }
            if (proposal.state() == ProposalState.TOP99) {
                proposal.recordPresentation(panelist, clock.instant());
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.AWARD, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        store.save(proposal);
        String name = access.currentUser().map(PeduliPrincipal::fullName).orElse(panelist.username());
        int written = jdbc.sql("""
                        insert into innovation.presentation_score (proposal_id, panelist_id, panelist_name, presentation,
                            interview, comment, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (proposal_id, panelist_id) do update set presentation = excluded.presentation,
                            interview = excluded.interview, comment = excluded.comment,
                            recorded_at = excluded.recorded_at, version = presentation_score.version + 1
                        where cast(? as integer) is null or presentation_score.version = cast(? as integer)
                        """)
                .params(
                        proposalId,
                        panelist.userId(),
                        name,
                        presentation,
                        interview,
                        text,
                        Timestamp.from(clock.instant()),
                        expectedVersion,
                        expectedVersion)
                .update();
        requireWritten(written, proposalId, proposal.unitId());
        BigDecimal mean = scores.refresh(proposalId);
        audit.record(AuditRecord.of(InnovationAudit.AWARD, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("presentationScore", null, mean == null ? null : mean.setScale(2, RoundingMode.HALF_UP)));
    }

    /** Refuses an edit whose version changed between the check and the write (someone else saved meanwhile). */
    private void requireWritten(int written, long proposalId, long unitId) {
        if (written == 0) {
            BusinessException e = BusinessException.conflict("version", "error.staleVersion");
            audit.refused(InnovationAudit.AWARD, "Proposal", proposalId, unitId, e);
            throw e;
        }
    }

    private static void requireOnScale(String field, Integer value, Period period) {
        if (value == null || value < 1 || value > period.scaleMax()) {
            throw BusinessException.invalid(field, "innovation.score.outOfScale", 1, period.scaleMax());
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean isWebLink(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
