package id.peduli.innovation.award;

import id.peduli.access.Role;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.Actor;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.ProposalView;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.innovation.selection.TopSelection;
import id.peduli.platform.RetryLaterException;
import id.peduli.shared.BusinessException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S3 announcement and S5 to S8: the ranked list, the Top 99 proposal (quota floors checked, manual changes
 * justified), the public objection window, the decrees, presentation and field scores, and the final plenary.
 */
@Service
public class Panel {

    public static final Set<ProposalState> RANKED = EnumSet.of(
            ProposalState.SCORED,
            ProposalState.SHORTLISTED,
            ProposalState.NOT_SELECTED,
            ProposalState.TOP99,
            ProposalState.PRESENTED,
            ProposalState.FIELD_VERIFIED,
            ProposalState.WINNER,
            ProposalState.NOT_WINNER,
            ProposalState.OUTSTANDING,
            ProposalState.TOP_REPLICATION);
    static final int OUTSTANDING_COUNT = 5;

    private final JdbcClient jdbc;
    private final Periods periods;
    private final StoredProposals store;
    private final Proposals proposals;
    private final InnovationAudit audit;
    private final Notifications notifications;
    private final Clock clock;
    private final int objectionsPerHour;
    private final MessageSource messages;

    Panel(
            JdbcClient jdbc,
            Periods periods,
            StoredProposals store,
            Proposals proposals,
            InnovationAudit audit,
            Notifications notifications,
            Clock clock,
            @Value("${peduli.innovation.objections-per-hour:5}") int objectionsPerHour,
            MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.periods = periods;
        this.store = store;
        this.proposals = proposals;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.objectionsPerHour = objectionsPerHour;
    }

    public List<ProposalView> ranking(long periodId, int limit) {
        return store.list(periodId, null, RANKED, limit);
    }

    public List<Announcement> announcements(long periodId) {
        return jdbc.sql("select id, period_id, kind, number, issued_on, issued_by from innovation.announcement where "
                        + "period_id = ? order by issued_on, id")
                .param(periodId)
                .query((rs, n) -> new Announcement(
                        rs.getLong(1),
                        rs.getLong(2),
                        Announcement.Kind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getString(6)))
                .list();
    }

    public Optional<Announcement> announcement(long periodId, Announcement.Kind kind) {
        return announcements(periodId).stream().filter(a -> a.kind() == kind).findFirst();
    }

    /** Publishes the result of the administrative selection once every submitted proposal was screened. */
    @Transactional
    public Announcement announceScreening(long periodId, String number, LocalDate issuedOn) {
        Period period = periods.get(periodId);
        long waiting = count(periodId, ProposalState.SUBMITTED);
        try {
            if (waiting > 0) {
                throw BusinessException.conflict(null, "innovation.announce.unscreened", waiting);
            }
            return issue(period, Announcement.Kind.SCREENING, number, issuedOn);
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.ANNOUNCE, "Period", periodId, null, e);
            throw e;
        }
    }

    /**
     * Proposes the Top N from the scored proposals through {@link TopSelection#select}: the period's quota floors
     * (category, group, participant type, 3T) are filled first, the remaining places go by score. Opens the objection
     * window. When a floor cannot be met (too few scored proposals of that kind), a written justification is required.
     */
    @Transactional
    public List<String> proposeTop(long periodId, String justification) {
        Period period = periods.get(periodId);
        List<ProposalView> scored = store.list(periodId, null, EnumSet.of(ProposalState.SCORED), 100_000);
        List<TopSelection.Candidate> candidates =
                scored.stream().map(Panel::candidate).toList();
        TopSelection.Selection selection =
                TopSelection.select(candidates, period.topFirst(), floors(period.quotaFloors()));
        List<Long> chosen = selection.ids();
        Set<Long> chosenSet = new HashSet<>(chosen);
        List<String> unmet = selection.shortfalls().stream()
                .map(f -> words(period, f.key(), f.selected(), f.floor()))
                .toList();
        String text = justification == null ? "" : justification.strip();
        try {
            if (scored.isEmpty()) {
                throw BusinessException.conflict(null, "innovation.top99.nothingScored");
            }
            if (period.objectionOpensAt() != null) {
                throw BusinessException.conflict(null, "innovation.top99.alreadyProposed");
            }
            if (!unmet.isEmpty() && text.isEmpty()) {
                throw BusinessException.invalid(
                        "justification", "innovation.top99.floorsUnmet", String.join("; ", unmet));
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.SHORTLIST, "Period", periodId, null, e);
            throw e;
        }
        Actor panel = proposals.actor(Role.PANELIST);
        Instant now = clock.instant();
        for (ProposalView p : scored) {
            Proposal proposal = store.get(p.id());
            if (chosenSet.contains(p.id())) {
                proposal.shortlist(panel, now, unmet.isEmpty() ? null : text);
            } else {
                proposal.leaveOut(panel, now, null);
            }
            store.save(proposal);
        }
        periods.openObjectionWindow(periodId, now);
        audit.record(AuditRecord.of(InnovationAudit.SHORTLIST, "Period", periodId)
                .change("shortlisted", null, chosen.size())
                .change("unmetFloors", null, unmet.isEmpty() ? null : unmet.size()));
        return unmet;
    }

    /**
     * A manual change of the Top 99 proposal during the objection window, with its written justification. The list as
     * changed is checked against the quota floors ({@link TopSelection#check}); a floor it violates is named in the
     * refusal when the justification is missing and recorded with the change. Returns the violated floors.
     */
    @Transactional
    public List<String> change(long proposalId, boolean include, String justification) {
        Proposal proposal = store.get(proposalId);
        Period period = periods.get(proposal.periodId());
        Actor panel = proposals.actor(Role.PANELIST);
        List<String> violated;
        try {
            if (period.objectionOpensAt() == null
                    || announcement(period.id(), Announcement.Kind.TOP99).isPresent()) {
                throw BusinessException.conflict(null, "innovation.top99.notOpen");
            }
            violated = violatedAfter(period, proposalId, include);
            if (!violated.isEmpty() && (justification == null || justification.isBlank())) {
                throw BusinessException.invalid(
                        "justification", "innovation.top99.floorsViolated", String.join("; ", violated));
            }
            if (include) {
                proposal.shortlist(panel, clock.instant(), justification);
            } else {
                proposal.leaveOut(panel, clock.instant(), justification);
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.SHORTLIST, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        store.save(proposal);
        jdbc.sql("insert into innovation.shortlist_change (proposal_id, included, justification, changed_by) values "
                        + "(?, ?, ?, ?)")
                .params(proposalId, include, justification.strip(), panel.username())
                .update();
        audit.record(AuditRecord.of(InnovationAudit.SHORTLIST, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("included", !include, include)
                .change("violatedFloors", null, violated.isEmpty() ? null : violated.size()));
        return violated;
    }

    /** The floors the period's shortlist violates once {@code proposalId} is put in or left out. */
    private List<String> violatedAfter(Period period, long proposalId, boolean include) {
        List<TopSelection.Candidate> listed = new ArrayList<>();
        for (ProposalView p : store.list(
                period.id(), null, EnumSet.of(ProposalState.SHORTLISTED, ProposalState.NOT_SELECTED), 100_000)) {
            boolean in = p.id() == proposalId ? include : p.state() == ProposalState.SHORTLISTED;
            if (in) {
                listed.add(candidate(p));
            }
        }
        return TopSelection.check(listed, floors(period.quotaFloors())).stream()
                .map(v -> words(period, v.key(), v.actual(), v.floor()))
                .toList();
    }

    /**
     * The period's floors as quotas of the selection: values compared in capitals; a 3T floor counts the proposals
     * from 3T regions (a floor on "not 3T" is not a quota and is left out). Two floors on one quota: the higher holds.
     */
    public static Map<TopSelection.QuotaKey, Integer> floors(List<Period.QuotaFloor> floors) {
        Map<TopSelection.QuotaKey, Integer> keys = new LinkedHashMap<>();
        for (Period.QuotaFloor f : floors) {
            String value = f.value() == null ? "" : f.value().strip().toUpperCase(Locale.ROOT);
            TopSelection.QuotaKey key = switch (f.dimension()) {
                case CATEGORY -> TopSelection.QuotaKey.category(value);
                case GROUP -> TopSelection.QuotaKey.group(value);
                case PARTICIPANT_TYPE -> TopSelection.QuotaKey.participantType(value);
                case THREE_T ->
                    Set.of("TRUE", "3T", "YA", "YES").contains(value) ? TopSelection.QuotaKey.threeT() : null;
            };
            if (key != null) {
                keys.merge(key, f.minimum(), Math::max);
            }
        }
        return keys;
    }

    /**
     * A floor in words, in the caller's language: "Jenis peserta Kementerian/lembaga: 1 dari minimal 5" ("Participant
     * type Ministry/agency: 1 of at least 5"); a category by its name in the period, a group or participant type by its
     * label, the 3T regions by the dimension alone.
     */
    private String words(Period period, TopSelection.QuotaKey key, int actual, int floor) {
        Locale locale = LocaleContextHolder.getLocale();
        String dimension =
                message("innovation.quota.dimension." + key.dimension().name(), locale);
        String value = switch (key.dimension()) {
            case CATEGORY -> period.categoryName(key.value());
            case GROUP -> message("innovation.group." + key.value(), locale);
            case PARTICIPANT_TYPE -> message("innovation.participantType." + key.value(), locale);
            case THREE_T -> null;
        };
        return value == null
                ? messages.getMessage("innovation.quota.floorOnly", new Object[] {dimension, actual, floor}, locale)
                : messages.getMessage("innovation.quota.floor", new Object[] {dimension, value, actual, floor}, locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    public boolean windowOpen(Period period, Instant now) {
        return period.objectionOpensAt() != null
                && now.isBefore(period.objectionClosesAt())
                && announcement(period.id(), Announcement.Kind.TOP99).isEmpty();
    }

    /** Proposals open to objection now, in every period whose window is open. */
    public List<ProposalView> openToObjection() {
        Instant now = clock.instant();
        return periods.list().stream()
                .filter(p -> windowOpen(p, now))
                .flatMap(p -> store.list(p.id(), null, EnumSet.of(ProposalState.SHORTLISTED), 1000).stream())
                .toList();
    }

    /**
     * Files an objection from the public page. A filled spam-trap field is accepted silently and stored nowhere; more
     * than the hourly limit from one address is refused (429). Only proposals in an open window take objections.
     */
    @Transactional
    public boolean fileObjection(
            long proposalId, String name, String contact, String text, String trap, String clientAddress) {
        if (trap != null && !trap.isBlank()) {
            return false;
        }
        String n = name == null ? "" : name.strip();
        String c = contact == null ? "" : contact.strip();
        String t = text == null ? "" : text.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw BusinessException.invalid(
                    "name", n.isEmpty() ? "validation.required" : "innovation.form.tooLong", 200);
        }
        if (c.isEmpty() || c.length() > 200) {
            throw BusinessException.invalid(
                    "contact", c.isEmpty() ? "validation.required" : "innovation.form.tooLong", 200);
        }
        if (t.length() < 20 || t.length() > 5000) {
            throw BusinessException.invalid("text", "innovation.objection.textLength", 20, 5000);
        }
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        List<Instant> recent = jdbc.sql("select created_at from innovation.objection where client_address = ? and "
                        + "created_at > ? order by created_at")
                .params(clientAddress, Timestamp.from(hourAgo))
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
        Proposal proposal = store.load(proposalId).orElse(null);
        try {
            if (recent.size() >= objectionsPerHour) {
                // the oldest of the last hour's objections leaves the count first
                throw RetryLaterException.tooManyRequests(
                        "innovation.objection.tooMany", Duration.between(hourAgo, recent.get(0)));
            }
            if (proposal == null
                    || proposal.state() != ProposalState.SHORTLISTED
                    || !windowOpen(periods.get(proposal.periodId()), clock.instant())) {
                throw BusinessException.notFound("innovation.proposal.notFound", proposalId);
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.OBJECTION, "Proposal", proposalId, null, e);
            throw e;
        }
        long id = jdbc.sql("""
                        insert into innovation.objection (proposal_id, name, contact, text, client_address, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(proposalId, n, c, t, clientAddress, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(InnovationAudit.OBJECTION, "Objection", id).unit(proposal.unitId()));
        return true;
    }

    public List<Objection> objections(long periodId) {
        return jdbc.sql("""
                        select o.id, o.proposal_id, i.title, o.name, o.contact, o.text, o.created_at, o.answer,
                            o.answered_by, o.answered_at
                        from innovation.objection o join innovation.proposal p on p.id = o.proposal_id
                        join innovation.innovation i on i.id = p.innovation_id
                        where p.period_id = ? order by o.answered_at nulls first, o.id
                        """).param(periodId).query((rs, n) -> objection(rs)).list();
    }

    public Optional<Long> proposalOfObjection(long objectionId) {
        return jdbc.sql("select proposal_id from innovation.objection where id = ?")
                .param(objectionId)
                .query(Long.class)
                .optional();
    }

    @Transactional
    public void answer(long objectionId, String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 5000) {
            throw BusinessException.invalid("answer", "innovation.objection.answerRequired");
        }
        int updated = jdbc.sql("update innovation.objection set answer = ?, answered_by = ?, answered_at = ? where "
                        + "id = ?")
                .params(text, proposals.actor(Role.PANELIST).username(), Timestamp.from(clock.instant()), objectionId)
                .update();
        if (updated == 0) {
            throw BusinessException.notFound("innovation.objection.notFound", objectionId);
        }
        audit.record(AuditRecord.of(InnovationAudit.OBJECTION, "Objection", objectionId)
                .change("answered", false, true));
    }

    /** The Top 99 decree: only once the objection window closed and every objection is answered. */
    @Transactional
    public Announcement decreeTop99(long periodId, String number, LocalDate issuedOn) {
        Period period = periods.get(periodId);
        Instant now = clock.instant();
        boolean closed = period.objectionOpensAt() != null && !now.isBefore(period.objectionClosesAt());
        long unanswered = jdbc.sql("select count(*) from innovation.objection o join innovation.proposal p on p.id = "
                        + "o.proposal_id where p.period_id = ? and o.answer is null")
                .param(periodId)
                .query(Long.class)
                .single();
        Announcement decree;
        try {
            if (!closed) {
                throw BusinessException.conflict(null, "innovation.decree.windowOpen");
            }
            if (unanswered > 0) {
                throw BusinessException.conflict(null, "innovation.decree.unanswered", unanswered);
            }
            decree = issue(period, Announcement.Kind.TOP99, number, issuedOn);
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.DECREE, "Period", periodId, null, e);
            throw e;
        }
        Actor panel = proposals.actor(Role.PANELIST);
        for (ProposalView p : store.list(periodId, null, EnumSet.of(ProposalState.SHORTLISTED), 100_000)) {
            Proposal proposal = store.get(p.id());
            proposal.decreeTop99(panel, now, true, decree.number());
            store.save(proposal);
            notifications.proposalResult(p.id(), "innovation.notify.top99", decree.number());
        }
        audit.record(AuditRecord.of(InnovationAudit.DECREE, "Period", periodId).change("top99", null, decree.number()));
        return decree;
    }

    /** S6 and S7: the presentation score, then the field verification (verified or discrepancy) with its score. */
    @Transactional
    public void recordFinalScores(long proposalId, BigDecimal presentation, BigDecimal field, String fieldNote) {
        Proposal proposal = store.get(proposalId);
        Period period = periods.get(proposal.periodId());
        Actor panel = proposals.actor(Role.PANELIST);
        try {
            for (BigDecimal v : new BigDecimal[] {presentation, field}) {
                if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw BusinessException.invalid("score", "innovation.score.outOfScale", 0, 100);
                }
            }
            // S7 needs a visit by a panelist and an evaluator (FieldVerifications); no score typed in replaces it
            FieldVerifications.requireCompleteVisit(jdbc, proposalId);
            proposal.recordPresentation(panel, clock.instant());
            proposal.verifyInField(panel, clock.instant(), fieldNote);
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.AWARD, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        store.save(proposal);
        BigDecimal assessment = jdbc.sql("select coalesce(normalised_score, assessment_score, 0) from "
                        + "innovation.proposal where id = ?")
                .param(proposalId)
                .query(BigDecimal.class)
                .single();
        BigDecimal decision = assessment
                .multiply(BigDecimal.valueOf(period.weightAssessment()))
                .add(presentation.multiply(BigDecimal.valueOf(period.weightPresentation())))
                .add(field.multiply(BigDecimal.valueOf(period.weightField())))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        jdbc.sql("update innovation.proposal set presentation_score = ?, field_score = ?, decision_score = ? where "
                        + "id = ?")
                .params(presentation, field, decision, proposalId)
                .update();
        audit.record(AuditRecord.of(InnovationAudit.AWARD, "Proposal", proposalId)
                .unit(proposal.unitId())
                .change("decisionScore", null, decision));
    }

    /**
     * The final plenary: the field-verified proposals by decision score; the best Top-final win, the best five of them
     * are outstanding, the best replication winner gets the top replication award; decree with its number.
     */
    @Transactional
    public Announcement decreeWinners(long periodId, String number, LocalDate issuedOn) {
        Period period = periods.get(periodId);
        List<ProposalView> finalists =
                store.list(periodId, null, EnumSet.of(ProposalState.FIELD_VERIFIED), 100_000).stream()
                        .sorted((a, b) -> b.decisionScore().compareTo(a.decisionScore()))
                        .toList();
        long pending = count(periodId, ProposalState.TOP99) + count(periodId, ProposalState.PRESENTED);
        Announcement decree;
        try {
            if (finalists.isEmpty() || pending > 0) {
                throw BusinessException.conflict(null, "innovation.decree.finalPending", pending);
            }
            decree = issue(period, Announcement.Kind.WINNERS, number, issuedOn);
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.DECREE, "Period", periodId, null, e);
            throw e;
        }
        Actor panel = proposals.actor(Role.PANELIST);
        Instant now = clock.instant();
        boolean replicationAwarded = false;
        for (int i = 0; i < finalists.size(); i++) {
            ProposalView p = finalists.get(i);
            Proposal proposal = store.get(p.id());
            if (i < period.topFinal()) {
                proposal.award(panel, now, decree.number());
                if (i < OUTSTANDING_COUNT) {
                    proposal.markOutstanding(panel, now);
                } else if (!replicationAwarded && p.group() == ProposalGroup.REPLICATION) {
                    proposal.markTopReplication(panel, now);
                    replicationAwarded = true;
                }
                store.save(proposal);
                notifications.proposalResult(p.id(), "innovation.notify.winner", decree.number());
            } else {
                proposal.notAwarded(panel, now);
                store.save(proposal);
            }
        }
        audit.record(
                AuditRecord.of(InnovationAudit.DECREE, "Period", periodId).change("winners", null, decree.number()));
        return decree;
    }

    private Announcement issue(Period period, Announcement.Kind kind, String number, LocalDate issuedOn) {
        String n = number == null ? "" : number.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw BusinessException.invalid("number", "innovation.announce.numberRequired");
        }
        if (issuedOn == null) {
            throw BusinessException.invalid("issuedOn", "validation.required");
        }
        String by = proposals
                .actor(kind == Announcement.Kind.SCREENING ? Role.SECRETARIAT : Role.PANELIST)
                .username();
        long id;
        try {
            id = jdbc.sql("insert into innovation.announcement (period_id, kind, number, issued_on, issued_by) values "
                            + "(?, ?, ?, ?, ?) returning id")
                    .params(period.id(), kind.name(), n, Date.valueOf(issuedOn), by)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict(null, "innovation.announce.already");
        }
        audit.record(
                AuditRecord.of(InnovationAudit.ANNOUNCE, "Period", period.id()).change("number", null, n));
        return new Announcement(id, period.id(), kind, n, issuedOn, by);
    }

    public long count(long periodId, ProposalState state) {
        return jdbc.sql("select count(*) from innovation.proposal where period_id = ? and state = ?")
                .params(periodId, state.name())
                .query(Long.class)
                .single();
    }

    static TopSelection.Candidate candidate(ProposalView p) {
        BigDecimal score = p.normalisedScore() != null ? p.normalisedScore() : p.assessmentScore();
        return new TopSelection.Candidate(
                p.id(),
                score == null ? 0 : score.doubleValue(),
                p.categoryCode() == null ? null : p.categoryCode().toUpperCase(Locale.ROOT),
                p.group().name(),
                p.innovation().participantType().name(),
                p.innovation().threeT());
    }

    private static Objection objection(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp(10);
        return new Objection(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getString(9),
                answered == null ? null : answered.toInstant());
    }
}
