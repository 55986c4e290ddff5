package id.peduli.innovation.selection;

import java.util.List;

/**
 * Near-duplicate detection in the administrative selection: proposals of this period or an earlier one whose title
 * and text closely match the given one, across agencies, most similar first. Implemented by {@link
 * NearDuplicateProposals} over the detector of the {@code selection} package.
 */
public interface SimilarProposals {

    /** At most {@code limit} proposals similar to {@code proposalId}, most similar first. */
    List<SimilarProposal> similarTo(long proposalId, int limit);

    /** A proposal of a period of {@code year} was submitted: what was computed for it and later years is stale. */
    void submitted(int year);
}
