package id.peduli.innovation.selection;

/** Why a proposal fails the administrative selection (S3); each failure carries one or more of these and a note. */
public enum FailReason {
    /** The innovation has run for less than one year at the submission deadline. */
    UNDER_ONE_YEAR,
    /** Questions of the rubric left unanswered. */
    INCOMPLETE,
    /** Answers too thin to be assessed. */
    PERFUNCTORY,
    /** The same innovation or title entered twice. */
    DUPLICATE,
    /** Already a top winner, or in the Top 99 twice. */
    INELIGIBLE_HISTORY,
    /** Entered in a group it does not belong to. */
    WRONG_GROUP
}
