package id.peduli.innovation.evaluation;

import id.peduli.innovation.proposal.ProposalState;
import java.math.BigDecimal;
import java.time.Instant;

/** One evaluator's assignment to one proposal, with the total once scored. */
public record AssignmentView(
        long id,
        long proposalId,
        String proposalTitle,
        ProposalState proposalState,
        long evaluatorId,
        String evaluatorName,
        boolean secondOpinion,
        Instant assignedAt,
        Instant submittedAt,
        BigDecimal total) {}
