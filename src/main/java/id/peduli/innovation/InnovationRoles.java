package id.peduli.innovation;

/**
 * Who may do what in the competition. Unit operators and agency verifiers act for the units their grants cover;
 * the secretariat and the independent panel act for the whole competition wherever their grant is; evaluators see
 * only the proposals assigned to them.
 */
public final class InnovationRoles {

    public static final String[] UNIT = {"UNIT_OPERATOR", "AGENCY_VERIFIER"};
    public static final String[] COMPETITION = {"SECRETARIAT", "PANELIST"};
    static final String[] EVALUATE = {"EVALUATOR"};
    static final String[] ANY = {"UNIT_OPERATOR", "AGENCY_VERIFIER", "SECRETARIAT", "EVALUATOR", "PANELIST"};

    /** Anyone taking part in the competition. */
    public static final String PARTICIPANT_EXPRESSION =
            "hasAnyRole('UNIT_OPERATOR', 'AGENCY_VERIFIER', 'SECRETARIAT', 'EVALUATOR', 'PANELIST')";

    /** Sets up periods, runs the administrative selection, assigns evaluators. */
    public static final String SECRETARIAT_EXPRESSION = "hasRole('SECRETARIAT')";

    /** Ranks, proposes the Top 99, answers objections, issues decrees. */
    public static final String PANEL_EXPRESSION = "hasRole('PANELIST')";

    /** Secretariat or panel. */
    public static final String COMPETITION_EXPRESSION = "hasAnyRole('SECRETARIAT', 'PANELIST')";

    /** Registers innovations and drafts proposals. */
    public static final String OPERATOR_EXPRESSION = "hasRole('UNIT_OPERATOR')";

    /** Scores assigned proposals. */
    public static final String EVALUATOR_EXPRESSION = "hasRole('EVALUATOR')";

    /** Reads proposal {@code #id}: its unit's operators and verifiers, the secretariat and the panel. */
    public static final String READ_PROPOSAL_EXPRESSION =
            "@innovationScope.proposal(#id, 'UNIT_OPERATOR,AGENCY_VERIFIER', 'SECRETARIAT,PANELIST')";

    /** Edits the draft {@code #id}: its unit's operators. */
    public static final String DRAFT_PROPOSAL_EXPRESSION = "@innovationScope.proposal(#id, 'UNIT_OPERATOR', '')";

    /** Returns or submits proposal {@code #id}: its agency's verifiers. */
    public static final String VERIFY_PROPOSAL_EXPRESSION = "@innovationScope.proposal(#id, 'AGENCY_VERIFIER', '')";

    /** Screens proposal {@code #id}: the secretariat. */
    public static final String SCREEN_PROPOSAL_EXPRESSION = "@innovationScope.proposal(#id, '', 'SECRETARIAT')";

    /** Changes proposal {@code #id} in the Top 99 proposal, answers objections: the panel. */
    public static final String PANEL_PROPOSAL_EXPRESSION = "@innovationScope.proposal(#id, '', 'PANELIST')";

    /** Scores assignment {@code #id}: the evaluator it is assigned to. */
    public static final String OWN_ASSIGNMENT_EXPRESSION = "@innovationScope.assignment(#id)";

    /** A new proposal for unit {@code #unitId}: its operators. */
    static final String OPERATOR_UNIT_EXPRESSION = "@access.coversOrNotFound(#unitId, 'org.notFound', 'UNIT_OPERATOR')";

    /** Operators and verifiers, for the units their grants cover. */
    public static final String UNIT_EXPRESSION = "hasAnyRole('UNIT_OPERATOR', 'AGENCY_VERIFIER')";

    private InnovationRoles() {}
}
