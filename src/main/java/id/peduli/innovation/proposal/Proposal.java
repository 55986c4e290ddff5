package id.peduli.innovation.proposal;

import id.peduli.access.Role;
import id.peduli.innovation.Actor;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.FailReason;
import id.peduli.shared.BusinessException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A proposal of one innovation in one competition period, as a state machine. Every change of state goes through one
 * of the named moves below; each checks against {@link ProposalTransitions} that the move is legal from the current
 * state, that the actor's role may make it and that it carries what it needs, and refuses otherwise with a {@link
 * BusinessException} (409 for a move not legal now, 422 for a missing comment, reason or justification, 403 for the
 * wrong role). A refused move changes nothing. Accepted moves are kept as {@link #pendingTransitions()} until the
 * repository writes them together with the new state.
 */
public final class Proposal {

    private final Long id;
    private final long periodId;
    private final long unitId;
    private final ProposalGroup group;
    private final int version;
    private ProposalState state;
    private Set<FailReason> failReasons;
    private final List<Transition> pending = new ArrayList<>();

    Proposal(
            Long id,
            long periodId,
            long unitId,
            ProposalGroup group,
            ProposalState state,
            Set<FailReason> failReasons,
            int version) {
        this.id = id;
        this.periodId = periodId;
        this.unitId = unitId;
        this.group = Objects.requireNonNull(group);
        this.state = Objects.requireNonNull(state);
        this.failReasons = failReasons.isEmpty() ? EnumSet.noneOf(FailReason.class) : EnumSet.copyOf(failReasons);
        this.version = version;
    }

    /** A new draft of a unit operator; the first transition records who started it. */
    static Proposal draft(long periodId, long unitId, ProposalGroup group, Actor actor, Instant now) {
        requireRole(actor, Role.UNIT_OPERATOR);
        Proposal proposal = new Proposal(null, periodId, unitId, group, ProposalState.DRAFT, Set.of(), 0);
        proposal.pending.add(new Transition(
                null,
                ProposalState.DRAFT,
                actor.userId(),
                actor.username(),
                actor.role().name(),
                null,
                now));
        return proposal;
    }

    // ---------------------------------------------------------------------------------------- S1 and S2: unit, agency

    /** The unit sends its complete draft to the agency verifier, on or before the deadline. */
    void sendToAgency(Actor actor, Instant now, LocalDate today, LocalDate deadline, int missingAnswers) {
        requireLegal(ProposalState.WITH_AGENCY, actor);
        requireOnTime(today, deadline);
        if (missingAnswers > 0) {
            throw BusinessException.invalid(null, "innovation.proposal.incomplete", missingAnswers);
        }
        move(ProposalState.WITH_AGENCY, actor, null, now);
    }

    /** The unit withdraws its draft. */
    void withdraw(Actor actor, Instant now, String reason) {
        move(ProposalState.WITHDRAWN, actor, reason, now);
    }

    /** The agency verifier returns the proposal to the unit with comments. */
    void returnToUnit(Actor actor, Instant now, String comment) {
        move(ProposalState.RETURNED, actor, comment, now);
    }

    /** The agency verifier submits the proposal to the ministry, on or before the deadline. */
    void submit(Actor actor, Instant now, LocalDate today, LocalDate deadline) {
        requireLegal(ProposalState.SUBMITTED, actor);
        requireOnTime(today, deadline);
        move(ProposalState.SUBMITTED, actor, null, now);
    }

    // ------------------------------------------------------------------------------------- S3: administrative
    // selection

    void passScreening(Actor actor, Instant now, String note) {
        move(ProposalState.ADMIN_PASSED, actor, note, now);
    }

    void failScreening(Actor actor, Instant now, Set<FailReason> reasons, String note) {
        requireLegal(ProposalState.ADMIN_FAILED, actor);
        if (reasons == null || reasons.isEmpty()) {
            throw BusinessException.invalid("reasons", "innovation.screening.reasonRequired");
        }
        String codes = reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String reason = note == null || note.isBlank() ? codes : codes + ": " + note.trim();
        move(ProposalState.ADMIN_FAILED, actor, reason, now);
        failReasons = EnumSet.copyOf(reasons);
    }

    // ----------------------------------------------------------------------------------------------- S4: assessment

    public void assign(Actor actor, Instant now) {
        move(ProposalState.ASSIGNED, actor, null, now);
    }

    public void completeScoring(Actor actor, Instant now) {
        move(ProposalState.SCORED, actor, null, now);
    }

    // ------------------------------------------------------------------------------------------------- S5: Top 99

    /** Puts the proposal in the Top 99 proposal: by rank from {@code SCORED}, by hand (justified) from not selected. */
    public void shortlist(Actor actor, Instant now, String justification) {
        move(ProposalState.SHORTLISTED, actor, justification, now);
    }

    /** Leaves the proposal out of the Top 99: by rank from {@code SCORED}, by hand (justified) once shortlisted. */
    public void leaveOut(Actor actor, Instant now, String justification) {
        move(ProposalState.NOT_SELECTED, actor, justification, now);
    }

    /** The decree fixes the shortlisted proposal in the Top 99; the objection window must be over. */
    public void decreeTop99(Actor actor, Instant now, boolean objectionWindowClosed, String decreeNumber) {
        requireLegal(ProposalState.TOP99, actor);
        if (!objectionWindowClosed) {
            throw BusinessException.conflict(null, "innovation.decree.windowOpen");
        }
        move(ProposalState.TOP99, actor, decreeNumber, now);
    }

    // ------------------------------------------------------------------------------------------------- S6 to S8

    public void recordPresentation(Actor actor, Instant now) {
        move(ProposalState.PRESENTED, actor, null, now);
    }

    public void verifyInField(Actor actor, Instant now, String note) {
        move(ProposalState.FIELD_VERIFIED, actor, note, now);
    }

    public void award(Actor actor, Instant now, String decreeNumber) {
        move(ProposalState.WINNER, actor, decreeNumber, now);
    }

    public void notAwarded(Actor actor, Instant now) {
        move(ProposalState.NOT_WINNER, actor, null, now);
    }

    public void markOutstanding(Actor actor, Instant now) {
        move(ProposalState.OUTSTANDING, actor, null, now);
    }

    /** The top replication award goes to a proposal of the replication group only. */
    public void markTopReplication(Actor actor, Instant now) {
        requireLegal(ProposalState.TOP_REPLICATION, actor);
        if (group != ProposalGroup.REPLICATION) {
            throw BusinessException.conflict(null, "innovation.award.replicationOnly");
        }
        move(ProposalState.TOP_REPLICATION, actor, null, now);
    }

    // ------------------------------------------------------------------------------------------------- machinery

    private void move(ProposalState target, Actor actor, String reason, Instant now) {
        ProposalTransitions.Step step = requireLegal(target, actor);
        String text = reason == null || reason.isBlank() ? null : reason.trim();
        switch (step.needs()) {
            case COMMENT -> {
                if (text == null) {
                    throw BusinessException.invalid("comment", "innovation.transition.commentRequired");
                }
            }
            case JUSTIFICATION -> {
                if (text == null) {
                    throw BusinessException.invalid("justification", "innovation.transition.justificationRequired");
                }
            }
            case REASONS, NOTHING -> {}
        }
        pending.add(new Transition(
                state, target, actor.userId(), actor.username(), actor.role().name(), text, now));
        state = target;
    }

    private ProposalTransitions.Step requireLegal(ProposalState target, Actor actor) {
        ProposalTransitions.Step step = ProposalTransitions.find(state, target)
                .orElseThrow(() -> BusinessException.conflict(
                        "state", "innovation.transition.illegal", state.name(), target.name()));
        if (!step.roles().contains(actor.role())) {
            throw new BusinessException(
                    403, null, "innovation.transition.role", actor.role().name(), target.name());
        }
        return step;
    }

    private static void requireRole(Actor actor, Role role) {
        if (actor.role() != role) {
            throw new BusinessException(
                    403, null, "innovation.transition.role", actor.role().name(), "DRAFT");
        }
    }

    private static void requireOnTime(LocalDate today, LocalDate deadline) {
        if (deadline != null && today.isAfter(deadline)) {
            throw BusinessException.conflict(null, "innovation.proposal.deadlinePassed", deadline);
        }
    }

    Long id() {
        return id;
    }

    public long periodId() {
        return periodId;
    }

    public long unitId() {
        return unitId;
    }

    ProposalGroup group() {
        return group;
    }

    public ProposalState state() {
        return state;
    }

    Set<FailReason> failReasons() {
        return failReasons.isEmpty() ? Set.of() : EnumSet.copyOf(failReasons);
    }

    int version() {
        return version;
    }

    /** Moves accepted since the proposal was loaded, oldest first. */
    List<Transition> pendingTransitions() {
        return List.copyOf(pending);
    }
}
