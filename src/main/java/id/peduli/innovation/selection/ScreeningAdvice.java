package id.peduli.innovation.selection;

import java.util.List;

/**
 * What the system can compute for the administrative selection of one proposal: the reasons it suggests, the age of
 * the innovation in months at the submission deadline, its earlier results, the missing answers, and similar proposals.
 */
public record ScreeningAdvice(
        List<FailReason> suggested,
        long ageMonths,
        List<String> history,
        int missingAnswers,
        List<SimilarProposal> similar) {}
