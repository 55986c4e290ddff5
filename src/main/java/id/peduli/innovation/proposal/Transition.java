package id.peduli.innovation.proposal;

import java.time.Instant;

/** One recorded move of a proposal: from where to where, who made it in which role, when and why. */
public record Transition(
        ProposalState from,
        ProposalState to,
        Long actorId,
        String actorName,
        String actorRole,
        String reason,
        Instant at) {}
