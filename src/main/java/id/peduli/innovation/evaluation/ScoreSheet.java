package id.peduli.innovation.evaluation;

import id.peduli.innovation.period.Period;
import id.peduli.innovation.proposal.ProposalView;
import java.util.List;
import java.util.Map;

/** What an evaluator sees for one assignment: the proposal, its answers and the scores given so far. */
public record ScoreSheet(
        AssignmentView assignment,
        ProposalView proposal,
        List<Period.Aspect> aspects,
        Map<String, String> answers,
        Map<String, Integer> scores,
        Map<String, String> comments,
        int scaleMax,
        boolean open) {}
