package id.peduli.innovation;

import java.util.List;

/**
 * Seam for near-duplicate detection in the administrative selection: proposals of this period or an earlier one whose
 * title and text closely match the given one, across agencies, most similar first. The implementation in use is
 * {@link SameTitleProposals} (exact title, ignoring case and spacing); the near-duplicate detector of the {@code
 * selection} package is meant to replace it behind this interface.
 */
interface SimilarProposals {

    /** At most {@code limit} proposals similar to {@code proposalId}, most similar first. */
    List<SimilarProposal> similarTo(long proposalId, int limit);
}
