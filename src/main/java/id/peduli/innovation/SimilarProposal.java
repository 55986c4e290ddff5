package id.peduli.innovation;

/** A proposal similar to another: how similar (0 to 1) and the passages that match, side by side. */
public record SimilarProposal(
        long proposalId, int year, String title, String unitName, double similarity, String ours, String theirs) {}
