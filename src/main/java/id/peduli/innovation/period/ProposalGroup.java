package id.peduli.innovation.period;

/** The competition group a proposal enters: general, replication of an earlier Top 99, special for earlier winners. */
public enum ProposalGroup {
    GENERAL,
    REPLICATION,
    SPECIAL
}
