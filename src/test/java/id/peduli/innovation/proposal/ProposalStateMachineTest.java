package id.peduli.innovation.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proposal state machine: every (state, target, role) combination is tried; exactly the moves of the table
 * succeed, in the roles the table names, and every other one is refused without changing the proposal.
 */
class ProposalStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (ProposalState from : ProposalState.values()) {
            for (ProposalState to : ProposalState.values()) {
                if (to == ProposalState.DRAFT) {
                    continue; // a draft is only ever created, never moved to
                }
                for (Role role : Role.values()) {
                    all.add(Arguments.of(from, to, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} as {2}")
    @MethodSource("everyCombination")
    void onlyTheTableMovesAProposal(ProposalState from, ProposalState to, Role role) {
        Proposal proposal = proposal(from, ProposalGroup.REPLICATION);
        var step = ProposalTransitions.find(from, to);
        boolean legal = step.isPresent() && step.get().roles().contains(role);
        if (legal) {
            attempt(proposal, to, actor(role));
            assertThat(proposal.state()).isEqualTo(to);
            Transition recorded = proposal.pendingTransitions().get(0);
            assertThat(recorded.from()).isEqualTo(from);
            assertThat(recorded.to()).isEqualTo(to);
            assertThat(recorded.actorName()).isEqualTo("user-" + role);
            assertThat(recorded.actorRole()).isEqualTo(role.name());
            assertThat(recorded.at()).isEqualTo(NOW);
        } else {
            assertThatThrownBy(() -> attempt(proposal, to, actor(role)))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(
                            e -> assertThat(((BusinessException) e).status()).isEqualTo(step.isPresent() ? 403 : 409));
            assertThat(proposal.state()).isEqualTo(from);
            assertThat(proposal.pendingTransitions()).isEmpty();
        }
    }

    @Test
    void theTableCoversTheStagesFromDraftToTheAwards() {
        assertThat(ProposalTransitions.targets(ProposalState.DRAFT))
                .containsExactly(ProposalState.WITH_AGENCY, ProposalState.WITHDRAWN);
        assertThat(ProposalTransitions.targets(ProposalState.WITH_AGENCY))
                .containsExactly(ProposalState.RETURNED, ProposalState.SUBMITTED);
        assertThat(ProposalTransitions.targets(ProposalState.ADMIN_FAILED)).isEmpty();
        assertThat(ProposalTransitions.targets(ProposalState.OUTSTANDING)).isEmpty();
        assertThat(ProposalTransitions.STEPS).hasSize(21);
    }

    @Test
    void anOperatorCannotSubmitToTheMinistry() {
        Proposal proposal = proposal(ProposalState.WITH_AGENCY, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> proposal.submit(actor(Role.UNIT_OPERATOR), NOW, TODAY, DEADLINE))
                .isInstanceOf(BusinessException.class)
                .hasMessage("innovation.transition.role");
        assertThat(proposal.state()).isEqualTo(ProposalState.WITH_AGENCY);
    }

    @Test
    void nothingIsSubmittedAfterTheDeadline() {
        Proposal proposal = proposal(ProposalState.WITH_AGENCY, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> proposal.submit(actor(Role.AGENCY_VERIFIER), NOW, DEADLINE.plusDays(1), DEADLINE))
                .isInstanceOf(BusinessException.class)
                .hasMessage("innovation.proposal.deadlinePassed");
        proposal.submit(actor(Role.AGENCY_VERIFIER), NOW, DEADLINE, DEADLINE);
        assertThat(proposal.state()).isEqualTo(ProposalState.SUBMITTED);
    }

    @Test
    void anIncompleteDraftOrALateOneIsNotSentToTheAgency() {
        Proposal proposal = proposal(ProposalState.DRAFT, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> proposal.sendToAgency(actor(Role.UNIT_OPERATOR), NOW, TODAY, DEADLINE, 2))
                .hasMessage("innovation.proposal.incomplete");
        assertThatThrownBy(
                        () -> proposal.sendToAgency(actor(Role.UNIT_OPERATOR), NOW, DEADLINE.plusDays(1), DEADLINE, 0))
                .hasMessage("innovation.proposal.deadlinePassed");
        assertThat(proposal.state()).isEqualTo(ProposalState.DRAFT);
    }

    @Test
    void returningNeedsACommentAndFailingNeedsAReason() {
        Proposal returned = proposal(ProposalState.WITH_AGENCY, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> returned.returnToUnit(actor(Role.AGENCY_VERIFIER), NOW, "  "))
                .hasMessage("innovation.transition.commentRequired");
        returned.returnToUnit(actor(Role.AGENCY_VERIFIER), NOW, "Lengkapi data dasar");
        assertThat(returned.pendingTransitions().get(0).reason()).isEqualTo("Lengkapi data dasar");

        Proposal failed = proposal(ProposalState.SUBMITTED, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> failed.failScreening(actor(Role.SECRETARIAT), NOW, Set.of(), "catatan"))
                .hasMessage("innovation.screening.reasonRequired");
        failed.failScreening(
                actor(Role.SECRETARIAT),
                NOW,
                EnumSet.of(FailReason.UNDER_ONE_YEAR, FailReason.INCOMPLETE),
                "Baru berjalan delapan bulan");
        assertThat(failed.state()).isEqualTo(ProposalState.ADMIN_FAILED);
        assertThat(failed.failReasons()).containsExactlyInAnyOrder(FailReason.UNDER_ONE_YEAR, FailReason.INCOMPLETE);
        assertThat(failed.pendingTransitions().get(0).reason())
                .isEqualTo("INCOMPLETE,UNDER_ONE_YEAR: Baru berjalan delapan bulan");
    }

    @Test
    void aManualChangeOfTheTop99NeedsAJustificationButTheRankedProposalDoesNot() {
        Proposal ranked = proposal(ProposalState.SCORED, ProposalGroup.GENERAL);
        ranked.shortlist(actor(Role.PANELIST), NOW, null);
        assertThat(ranked.state()).isEqualTo(ProposalState.SHORTLISTED);
        assertThatThrownBy(() -> ranked.leaveOut(actor(Role.PANELIST), NOW, ""))
                .hasMessage("innovation.transition.justificationRequired");
        ranked.leaveOut(actor(Role.PANELIST), NOW, "Keberatan masyarakat terbukti");
        assertThat(ranked.state()).isEqualTo(ProposalState.NOT_SELECTED);
        assertThatThrownBy(() -> ranked.shortlist(actor(Role.PANELIST), NOW, null))
                .hasMessage("innovation.transition.justificationRequired");
    }

    @Test
    void theDecreeWaitsForTheObjectionWindow() {
        Proposal proposal = proposal(ProposalState.SHORTLISTED, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> proposal.decreeTop99(actor(Role.PANELIST), NOW, false, "SK 1/2026"))
                .hasMessage("innovation.decree.windowOpen");
        proposal.decreeTop99(actor(Role.PANELIST), NOW, true, "SK 1/2026");
        assertThat(proposal.state()).isEqualTo(ProposalState.TOP99);
    }

    @Test
    void theTopReplicationAwardGoesToTheReplicationGroupOnly() {
        Proposal general = proposal(ProposalState.WINNER, ProposalGroup.GENERAL);
        assertThatThrownBy(() -> general.markTopReplication(actor(Role.PANELIST), NOW))
                .hasMessage("innovation.award.replicationOnly");
        Proposal replication = proposal(ProposalState.WINNER, ProposalGroup.REPLICATION);
        replication.markTopReplication(actor(Role.PANELIST), NOW);
        assertThat(replication.state()).isEqualTo(ProposalState.TOP_REPLICATION);
    }

    @Test
    void aDraftIsStartedByAUnitOperatorOnly() {
        Proposal draft = Proposal.draft(1, 2, ProposalGroup.GENERAL, actor(Role.UNIT_OPERATOR), NOW);
        assertThat(draft.state()).isEqualTo(ProposalState.DRAFT);
        assertThat(draft.pendingTransitions())
                .singleElement()
                .satisfies(t -> assertThat(t.from()).isNull());
        assertThatThrownBy(() -> Proposal.draft(1, 2, ProposalGroup.GENERAL, actor(Role.AGENCY_VERIFIER), NOW))
                .hasMessage("innovation.transition.role");
    }

    @Test
    void aWholeWayFromDraftToOutstandingIsRecordedStepByStep() {
        Proposal p = Proposal.draft(1, 2, ProposalGroup.GENERAL, actor(Role.UNIT_OPERATOR), NOW);
        p.sendToAgency(actor(Role.UNIT_OPERATOR), NOW, TODAY, DEADLINE, 0);
        p.returnToUnit(actor(Role.AGENCY_VERIFIER), NOW, "Perbaiki bagian hasil");
        p.sendToAgency(actor(Role.UNIT_OPERATOR), NOW, TODAY, DEADLINE, 0);
        p.submit(actor(Role.AGENCY_VERIFIER), NOW, TODAY, DEADLINE);
        p.passScreening(actor(Role.SECRETARIAT), NOW, null);
        p.assign(actor(Role.SECRETARIAT), NOW);
        p.completeScoring(actor(Role.EVALUATOR), NOW);
        p.shortlist(actor(Role.PANELIST), NOW, null);
        p.decreeTop99(actor(Role.PANELIST), NOW, true, "SK 2");
        p.recordPresentation(actor(Role.PANELIST), NOW);
        p.verifyInField(actor(Role.EVALUATOR), NOW, "Sesuai");
        p.award(actor(Role.PANELIST), NOW, "SK 3");
        p.markOutstanding(actor(Role.PANELIST), NOW);
        assertThat(p.pendingTransitions())
                .extracting(Transition::to)
                .containsExactly(
                        ProposalState.DRAFT,
                        ProposalState.WITH_AGENCY,
                        ProposalState.RETURNED,
                        ProposalState.WITH_AGENCY,
                        ProposalState.SUBMITTED,
                        ProposalState.ADMIN_PASSED,
                        ProposalState.ASSIGNED,
                        ProposalState.SCORED,
                        ProposalState.SHORTLISTED,
                        ProposalState.TOP99,
                        ProposalState.PRESENTED,
                        ProposalState.FIELD_VERIFIED,
                        ProposalState.WINNER,
                        ProposalState.OUTSTANDING);
    }

    /** Makes the move to {@code to} through its named operation, with everything the move needs. */
    private static void attempt(Proposal p, ProposalState to, Actor actor) {
        switch (to) {
            case WITH_AGENCY -> p.sendToAgency(actor, NOW, TODAY, DEADLINE, 0);
            case WITHDRAWN -> p.withdraw(actor, NOW, null);
            case RETURNED -> p.returnToUnit(actor, NOW, "Mohon dilengkapi");
            case SUBMITTED -> p.submit(actor, NOW, TODAY, DEADLINE);
            case ADMIN_PASSED -> p.passScreening(actor, NOW, null);
            case ADMIN_FAILED -> p.failScreening(actor, NOW, EnumSet.of(FailReason.INCOMPLETE), null);
            case ASSIGNED -> p.assign(actor, NOW);
            case SCORED -> p.completeScoring(actor, NOW);
            case SHORTLISTED -> p.shortlist(actor, NOW, "Kuota daerah 3T");
            case NOT_SELECTED -> p.leaveOut(actor, NOW, "Keberatan terbukti");
            case TOP99 -> p.decreeTop99(actor, NOW, true, "SK 1");
            case PRESENTED -> p.recordPresentation(actor, NOW);
            case FIELD_VERIFIED -> p.verifyInField(actor, NOW, null);
            case WINNER -> p.award(actor, NOW, "SK 2");
            case NOT_WINNER -> p.notAwarded(actor, NOW);
            case OUTSTANDING -> p.markOutstanding(actor, NOW);
            case TOP_REPLICATION -> p.markTopReplication(actor, NOW);
            case DRAFT -> throw new IllegalArgumentException("not a move");
        }
    }

    private static Proposal proposal(ProposalState state, ProposalGroup group) {
        return new Proposal(7L, 1, 2, group, state, Set.of(), 3);
    }

    private static Actor actor(Role role) {
        return new Actor(10L, "user-" + role, role);
    }
}
