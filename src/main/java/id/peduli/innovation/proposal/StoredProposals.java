package id.peduli.innovation.proposal;

import id.peduli.shared.BusinessException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The proposal aggregate as the later stages (assessment, award) and the scope check load and store it. The
 * implementation, {@link ProposalStore}, stays inside this package.
 */
public interface StoredProposals {

    /** The unit of a proposal, without loading anything else (for the scope check before load). */
    Optional<Long> unitOf(long id);

    Optional<Proposal> load(long id);

    Proposal get(long id);

    /** Writes the new state and its transitions; refused when the proposal changed since it was loaded. */
    void save(Proposal proposal);

    /** Proposals of a period in the given units (null: every unit) and states (empty: every state). */
    List<ProposalView> list(long periodId, Collection<Long> unitIds, Set<ProposalState> states, int limit);

    Map<String, String> answers(long proposalId);

    /** The answer for a proposal that does not exist or lies outside the caller's scope. */
    static BusinessException notFound(long id) {
        return BusinessException.notFound("innovation.proposal.notFound", id);
    }
}
