package id.peduli.registry;

/**
 * Published when two records of the same person were merged: every module that refers to {@code mergedId} moves
 * its references to {@code survivorId}.
 */
public record PersonsMerged(long survivorId, long mergedId) {}
