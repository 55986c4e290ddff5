package id.peduli.innovation.proposal;

import static id.peduli.innovation.proposal.ProposalState.ADMIN_FAILED;
import static id.peduli.innovation.proposal.ProposalState.ADMIN_PASSED;
import static id.peduli.innovation.proposal.ProposalState.ASSIGNED;
import static id.peduli.innovation.proposal.ProposalState.DRAFT;
import static id.peduli.innovation.proposal.ProposalState.FIELD_VERIFIED;
import static id.peduli.innovation.proposal.ProposalState.NOT_SELECTED;
import static id.peduli.innovation.proposal.ProposalState.NOT_WINNER;
import static id.peduli.innovation.proposal.ProposalState.OUTSTANDING;
import static id.peduli.innovation.proposal.ProposalState.PRESENTED;
import static id.peduli.innovation.proposal.ProposalState.RETURNED;
import static id.peduli.innovation.proposal.ProposalState.SCORED;
import static id.peduli.innovation.proposal.ProposalState.SHORTLISTED;
import static id.peduli.innovation.proposal.ProposalState.SUBMITTED;
import static id.peduli.innovation.proposal.ProposalState.TOP99;
import static id.peduli.innovation.proposal.ProposalState.TOP_REPLICATION;
import static id.peduli.innovation.proposal.ProposalState.WINNER;
import static id.peduli.innovation.proposal.ProposalState.WITHDRAWN;
import static id.peduli.innovation.proposal.ProposalState.WITH_AGENCY;

import id.peduli.access.Role;
import id.peduli.innovation.selection.FailReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The legal moves of a proposal: from which state to which, in which role, and what the move must carry. Anything not
 * listed is refused by {@link Proposal}. This table is the state machine; the docs (docs/innovation.md) draw it.
 */
final class ProposalTransitions {

    /** What a move must carry besides the actor. */
    enum Needs {
        NOTHING,
        /** A comment for the unit (returning a proposal). */
        COMMENT,
        /** At least one {@link FailReason} (failing the administrative selection). */
        REASONS,
        /** A written justification (a manual change of the Top 99 proposal). */
        JUSTIFICATION
    }

    record Step(ProposalState from, ProposalState to, Set<Role> roles, Needs needs) {}

    static final List<Step> STEPS = List.of(
            step(DRAFT, WITH_AGENCY, Needs.NOTHING, Role.UNIT_OPERATOR),
            step(DRAFT, WITHDRAWN, Needs.NOTHING, Role.UNIT_OPERATOR),
            step(RETURNED, WITH_AGENCY, Needs.NOTHING, Role.UNIT_OPERATOR),
            step(RETURNED, WITHDRAWN, Needs.NOTHING, Role.UNIT_OPERATOR),
            step(WITH_AGENCY, RETURNED, Needs.COMMENT, Role.AGENCY_VERIFIER),
            step(WITH_AGENCY, SUBMITTED, Needs.NOTHING, Role.AGENCY_VERIFIER),
            step(SUBMITTED, ADMIN_PASSED, Needs.NOTHING, Role.SECRETARIAT),
            step(SUBMITTED, ADMIN_FAILED, Needs.REASONS, Role.SECRETARIAT),
            step(ADMIN_PASSED, ASSIGNED, Needs.NOTHING, Role.SECRETARIAT),
            step(ASSIGNED, SCORED, Needs.NOTHING, Role.EVALUATOR, Role.SECRETARIAT),
            step(SCORED, SHORTLISTED, Needs.NOTHING, Role.PANELIST),
            step(SCORED, NOT_SELECTED, Needs.NOTHING, Role.PANELIST),
            step(SHORTLISTED, NOT_SELECTED, Needs.JUSTIFICATION, Role.PANELIST),
            step(NOT_SELECTED, SHORTLISTED, Needs.JUSTIFICATION, Role.PANELIST),
            step(SHORTLISTED, TOP99, Needs.NOTHING, Role.PANELIST),
            step(TOP99, PRESENTED, Needs.NOTHING, Role.PANELIST),
            step(PRESENTED, FIELD_VERIFIED, Needs.NOTHING, Role.PANELIST, Role.EVALUATOR),
            step(FIELD_VERIFIED, WINNER, Needs.NOTHING, Role.PANELIST),
            step(FIELD_VERIFIED, NOT_WINNER, Needs.NOTHING, Role.PANELIST),
            step(WINNER, OUTSTANDING, Needs.NOTHING, Role.PANELIST),
            step(WINNER, TOP_REPLICATION, Needs.NOTHING, Role.PANELIST));

    private ProposalTransitions() {}

    private static Step step(ProposalState from, ProposalState to, Needs needs, Role... roles) {
        return new Step(from, to, Set.of(roles), needs);
    }

    static Optional<Step> find(ProposalState from, ProposalState to) {
        return STEPS.stream().filter(s -> s.from() == from && s.to() == to).findFirst();
    }

    /** The states a proposal in {@code from} may move to, in the order of the table. */
    static List<ProposalState> targets(ProposalState from) {
        return STEPS.stream().filter(s -> s.from() == from).map(Step::to).toList();
    }
}
