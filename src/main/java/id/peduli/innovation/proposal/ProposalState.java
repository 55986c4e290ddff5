package id.peduli.innovation.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a proposal stands in the competition. The stages of the domain guide map to states as follows: S1 draft by
 * the unit ({@link #DRAFT}, {@link #RETURNED}, {@link #WITHDRAWN}); S2 agency verification ({@link #WITH_AGENCY}
 * then {@link #SUBMITTED} or {@link #RETURNED}); S3 administrative selection ({@link #ADMIN_PASSED}, {@link
 * #ADMIN_FAILED}); S4 assessment ({@link #ASSIGNED}, {@link #SCORED}); S5 Top 99 ({@link #SHORTLISTED} during the
 * objection window, {@link #NOT_SELECTED}, {@link #TOP99} once decreed); S6 {@link #PRESENTED}; S7 {@link
 * #FIELD_VERIFIED}; S8 {@link #WINNER}, {@link #OUTSTANDING}, {@link #TOP_REPLICATION} or {@link #NOT_WINNER}.
 * Which moves are legal, and who makes them, is {@link ProposalTransitions}.
 */
public enum ProposalState {
    DRAFT("S1"),
    WITH_AGENCY("S2"),
    RETURNED("S2"),
    WITHDRAWN("S1"),
    SUBMITTED("S2"),
    ADMIN_PASSED("S3"),
    ADMIN_FAILED("S3"),
    ASSIGNED("S4"),
    SCORED("S4"),
    SHORTLISTED("S5"),
    NOT_SELECTED("S5"),
    TOP99("S5"),
    PRESENTED("S6"),
    FIELD_VERIFIED("S7"),
    WINNER("S8"),
    NOT_WINNER("S8"),
    OUTSTANDING("S8"),
    TOP_REPLICATION("S8");

    private final String stage;

    ProposalState(String stage) {
        this.stage = stage;
    }

    /** The stage of the domain guide (S1 … S8). */
    public String stage() {
        return stage;
    }

    /** States in which the unit may still edit its answers. */
    public boolean editableByUnit() {
        return this == DRAFT || this == RETURNED;
    }

    /** States reached only by proposals that were submitted to the ministry. */
    public boolean submitted() {
        return !EnumSet.of(DRAFT, WITH_AGENCY, RETURNED, WITHDRAWN).contains(this);
    }

    /** States of proposals that are, or were decreed, in the Top 99. */
    public static final Set<ProposalState> TOP99_OR_LATER =
            EnumSet.of(TOP99, PRESENTED, FIELD_VERIFIED, WINNER, NOT_WINNER, OUTSTANDING, TOP_REPLICATION);

    /** States of proposals that won (Top 40/45 and the special awards). */
    public static final Set<ProposalState> WINNERS = EnumSet.of(WINNER, OUTSTANDING, TOP_REPLICATION);
}
