package id.peduli.innovation.award;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.Actor;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.award.StagesView.Member;
import id.peduli.innovation.award.StagesView.Verdict;
import id.peduli.innovation.award.StagesView.Visit;
import id.peduli.innovation.evaluation.ConflictsOfInterest;
import id.peduli.innovation.proposal.Attachments;
import id.peduli.innovation.proposal.Proposal;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.innovation.proposal.Proposals;
import id.peduli.innovation.proposal.StoredProposals;
import id.peduli.shared.BusinessException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * S7, field verification: a panelist or an evaluator of the proposal records a visit to the innovation, made with
 * the other panelists and evaluators named, with a verdict (verified, or a discrepancy between the proposal and what was found), notes and evidence
 * photos taken with the phone. Photos are JPEG or PNG, checked by their content (not by their name or the type the
 * phone claims) and by size. A visit that had both a panelist and an evaluator moves the presented proposal to
 * {@link ProposalState#FIELD_VERIFIED}, the last step before the final plenary; a visit without an evaluator is kept
 * but moves nothing, and {@link #requireCompleteVisit} refuses any other way to the final plenary. Nobody with a
 * conflict of interest with the proposal ({@link StageConflicts}) records a visit or is named in one.
 */
@Service
class FieldVerifications {

    static final int MAX_PHOTOS = 10;

    /** States in which visits are recorded. */
    static final Set<ProposalState> OPEN = EnumSet.of(ProposalState.PRESENTED, ProposalState.FIELD_VERIFIED);

    record Photo(byte[] bytes, String contentType) {}

    private final JdbcClient jdbc;
    private final StoredProposals store;
    private final Proposals proposals;
    private final Users users;
    private final InnovationAudit audit;
    private final StageScores scores;
    private final StageConflicts conflicts;
    private final ConflictsOfInterest rule;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxBytes;

    FieldVerifications(
            JdbcClient jdbc,
            StoredProposals store,
            Proposals proposals,
            Users users,
            InnovationAudit audit,
            StageScores scores,
            StageConflicts conflicts,
            ConflictsOfInterest rule,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone,
            @Value("${peduli.innovation.photo-max-size:5MB}") DataSize max) {
        this.jdbc = jdbc;
        this.store = store;
        this.proposals = proposals;
        this.users = users;
        this.audit = audit;
        this.scores = scores;
        this.conflicts = conflicts;
        this.rule = rule;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.maxBytes = max.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Refuses a move to the final plenary of a proposal no visit with a panelist and an evaluator verified. */
    static void requireCompleteVisit(JdbcClient jdbc, long proposalId) {
        long complete = jdbc.sql("""
                        select count(*) from innovation.field_visit v where v.proposal_id = ?
                            and exists (select 1 from innovation.field_visit_member m
                                        where m.visit_id = v.id and m.role = 'PANELIST')
                            and exists (select 1 from innovation.field_visit_member m
                                        where m.visit_id = v.id and m.role = 'EVALUATOR')
                        """).param(proposalId).query(Long.class).single();
        if (complete == 0) {
            throw BusinessException.conflict(null, "innovation.visit.required");
        }
    }

    List<Visit> visits(long proposalId) {
        Map<Long, List<Member>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.visit_id, m.user_id, m.full_name, m.role from innovation.field_visit_member m
                        join innovation.field_visit v on v.id = m.visit_id where v.proposal_id = ?
                        order by m.role desc, m.full_name
                        """).param(proposalId).query(rs -> {
            members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Member(rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4))));
        });
        Map<Long, List<Long>> photos = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.visit_id, f.id from innovation.field_visit_photo f
                        join innovation.field_visit v on v.id = f.visit_id where v.proposal_id = ? order by f.id
                        """).param(proposalId).query(rs -> {
            photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return jdbc.sql("select id, visited_on, verdict, notes, recorded_by from innovation.field_visit where "
                        + "proposal_id = ? order by visited_on, id")
                .param(proposalId)
                .query((rs, n) -> new Visit(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        Verdict.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        members.getOrDefault(rs.getLong(1), List.of()),
                        photos.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** A photo of a visit of {@code proposalId}; empty when it belongs to another proposal. */
    Optional<Photo> photo(long proposalId, long photoId) {
        return jdbc.sql("""
                        select f.content, f.content_type from innovation.field_visit_photo f
                        join innovation.field_visit v on v.id = f.visit_id where f.id = ? and v.proposal_id = ?
                        """)
                .params(photoId, proposalId)
                .query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    /** Records a visit by the signed-in panelist ({@link #record(long, LocalDate, Verdict, String, List, List, Role)}). */
    @Transactional
    boolean record(
            long proposalId,
            LocalDate visitedOn,
            Verdict verdict,
            String notes,
            List<String> companions,
            List<byte[]> photos) {
        return record(proposalId, visitedOn, verdict, notes, companions, photos, Role.PANELIST);
    }

    /**
     * Records a visit by the signed-in panelist or evaluator ({@code recordedAs}) with the panelists and evaluators named by
     * {@code companions} (usernames), checked whole before anything is written. Returns whether the proposal moved to
     * the final plenary: only a visit with at least one panelist and one evaluator moves it.
     */
    @Transactional
    boolean record(
            long proposalId,
            LocalDate visitedOn,
            Verdict verdict,
            String notes,
            List<String> companions,
            List<byte[]> photos,
            Role recordedAs) {
        Proposal proposal = store.get(proposalId);
        Actor recorder = proposals.actor(recordedAs == Role.EVALUATOR ? Role.EVALUATOR : Role.PANELIST);
        String text = notes == null ? "" : notes.strip();
        List<Member> members = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try {
            if (!OPEN.contains(proposal.state())) {
                throw BusinessException.conflict(null, "innovation.visit.notPresented");
            }
            if (visitedOn == null) {
                throw BusinessException.invalid("visitedOn", "validation.required");
            }
            if (visitedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
                throw BusinessException.invalid("visitedOn", "innovation.visit.future");
            }
            if (verdict == null) {
                throw BusinessException.invalid("verdict", "innovation.visit.verdictRequired");
            }
            if (text.isEmpty() || text.length() > 4000) {
                throw BusinessException.invalid("notes", "innovation.visit.notesRequired");
            }
            ConflictsOfInterest.Units units = rule.lookup();
            UserView me = users.find(recorder.userId()).orElseThrow();
            if (conflicts.conflicted(me, recorder.role(), proposalId, proposal.unitId(), units)) {
                throw BusinessException.conflict(null, "innovation.visit.conflicted");
            }
            members.add(member(me, recorder.role()));
            for (String username : companions == null ? List.<String>of() : companions) {
                String name = username == null ? "" : username.strip();
                if (name.isEmpty()) {
                    continue;
                }
                UserView user = users.findByUsername(name)
                        .filter(UserView::enabled)
                        .orElseThrow(
                                () -> BusinessException.invalid("companions", "innovation.visit.memberUnknown", name));
                Role role = roleOf(user)
                        .orElseThrow(
                                () -> BusinessException.invalid("companions", "innovation.visit.memberRole", name));
                if (conflicts.conflicted(user, role, proposalId, proposal.unitId(), units)) {
                    throw BusinessException.conflict("companions", "innovation.visit.memberConflicted", name);
                }
                if (members.stream().noneMatch(m -> m.userId() == user.id())) {
                    members.add(member(user, role));
                }
            }
            if (photos == null || photos.isEmpty()) {
                throw BusinessException.invalid("photos", "innovation.visit.photoRequired");
            }
            if (photos.size() > MAX_PHOTOS) {
                throw BusinessException.invalid("photos", "innovation.visit.tooManyPhotos", MAX_PHOTOS);
            }
            for (byte[] bytes : photos) {
                if (bytes.length > maxBytes) {
                    throw BusinessException.invalid(
                            "photos",
                            "innovation.visit.photoTooLarge",
                            DataSize.ofBytes(maxBytes).toMegabytes());
                }
                String type = Attachments.sniff(bytes);
                if (!"image/jpeg".equals(type) && !"image/png".equals(type)) {
                    throw BusinessException.invalid("photos", "innovation.visit.photoType");
                }
                types.add(type);
            }
        } catch (BusinessException e) {
            audit.refused(InnovationAudit.AWARD, "Proposal", proposalId, proposal.unitId(), e);
            throw e;
        }
        long visit = jdbc.sql("""
                        insert into innovation.field_visit (proposal_id, visited_on, verdict, notes, recorded_by,
                            recorded_at)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        proposalId,
                        Date.valueOf(visitedOn),
                        verdict.name(),
                        text,
                        recorder.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        for (Member m : members) {
            jdbc.sql(
                            "insert into innovation.field_visit_member (visit_id, user_id, full_name, role) values (?, ?, ?, ?)")
                    .params(visit, m.userId(), m.fullName(), m.role().name())
                    .update();
        }
        for (int i = 0; i < photos.size(); i++) {
            jdbc.sql(
                            "insert into innovation.field_visit_photo (visit_id, content_type, size_bytes, content) values (?, "
                                    + "?, ?, ?)")
                    .params(visit, types.get(i), photos.get(i).length, photos.get(i))
                    .update();
        }
        boolean complete = members.stream().anyMatch(m -> m.role() == Role.EVALUATOR)
                && members.stream().anyMatch(m -> m.role() == Role.PANELIST);
        boolean moved = false;
        if (complete && proposal.state() == ProposalState.PRESENTED) {
            proposal.verifyInField(recorder, clock.instant(), null);
            store.save(proposal);
            moved = true;
        }
        scores.refresh(proposalId);
        audit.record(AuditRecord.of(InnovationAudit.AWARD, "Proposal", proposalId)
                .unit(proposal.unitId())
                // a yes/no rather than the verdict's code: the audit page shows values as they are
                .change("fieldVisitVerified", null, verdict == Verdict.VERIFIED)
                .change("photos", null, photos.size()));
        return moved;
    }

    private static Member member(UserView user, Role role) {
        return new Member(user.id(), user.fullName(), role);
    }

    /** The competition role a companion takes part in the visit with: panelist first, then evaluator. */
    private static Optional<Role> roleOf(UserView user) {
        if (user.grants().stream().anyMatch(g -> g.role() == Role.PANELIST)) {
            return Optional.of(Role.PANELIST);
        }
        if (user.grants().stream().anyMatch(g -> g.role() == Role.EVALUATOR)) {
            return Optional.of(Role.EVALUATOR);
        }
        return Optional.empty();
    }
}
