package id.peduli.innovation.selection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A proposal similar to another: how similar (0 to 1, the share of three-word phrases the two have in common), how
 * much of this proposal is found in the other (0 to 1), and the matching passages side by side, longest first.
 * {@code ours} and {@code theirs} repeat the longest passage.
 */
public record SimilarProposal(
        long proposalId,
        int year,
        String title,
        String unitName,
        double similarity,
        String ours,
        String theirs,
        double containment,
        List<Passage> passages) {

    /** One passage found in both texts, as written in this proposal and in the other. */
    @Schema(name = "InnovationSimilarPassage")
    public record Passage(String ours, String theirs, int words) {}
}
