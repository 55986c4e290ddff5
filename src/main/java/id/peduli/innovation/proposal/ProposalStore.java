package id.peduli.innovation.proposal;

import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.proposal.ProposalView.InnovationView;
import id.peduli.innovation.selection.FailReason;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores proposals: the aggregate with its transitions, views for pages, and the answers. */
@Repository
class ProposalStore implements StoredProposals {

    static final String VIEW_COLUMNS = """
            p.id, p.period_id, per.year, p.innovation_id, p.unit_id, p.grp, p.category_code, p.state, p.fail_reasons,
            p.screening_note, p.assessment_score, p.normalised_score, p.presentation_score, p.field_score,
            p.decision_score, p.source_innovation_id, p.adaptation, p.version, p.updated_at,
            i.title, i.started_on, i.problem, i.baseline, i.approach, i.results, i.sdg_tags, i.priority_tags,
            i.video_url, i.participant_type, i.three_t, i.version as innovation_version
            """;
    static final String VIEW_FROM = """
             from innovation.proposal p join innovation.innovation i on i.id = p.innovation_id
            join innovation.period per on per.id = p.period_id
            """;

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ProposalStore(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The unit of a proposal, without loading anything else (for the scope check before load). */
    @Override
    public Optional<Long> unitOf(long id) {
        return jdbc.sql("select unit_id from innovation.proposal where id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<Proposal> load(long id) {
        return jdbc.sql("select id, period_id, unit_id, grp, state, fail_reasons, version from innovation.proposal "
                        + "where id = ?")
                .param(id)
                .query((rs, n) -> new Proposal(
                        rs.getLong("id"),
                        rs.getLong("period_id"),
                        rs.getLong("unit_id"),
                        ProposalGroup.valueOf(rs.getString("grp")),
                        ProposalState.valueOf(rs.getString("state")),
                        reasons(rs.getString("fail_reasons")),
                        rs.getInt("version")))
                .optional();
    }

    @Override
    public Proposal get(long id) {
        return load(id).orElseThrow(() -> notFound(id));
    }

    static BusinessException notFound(long id) {
        return StoredProposals.notFound(id);
    }

    /** Writes the new state and its transitions; refused when the proposal changed since it was loaded. */
    @Override
    public void save(Proposal proposal) {
        int updated = jdbc.sql("""
                        update innovation.proposal set state = :state, fail_reasons = :reasons,
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("state", proposal.state().name())
                .param("reasons", codes(proposal.failReasons()))
                .param("id", proposal.id())
                .param("version", proposal.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("proposal " + proposal.id() + " changed");
        }
        writeTransitions(proposal.id(), proposal.pendingTransitions());
    }

    void writeTransitions(long proposalId, List<Transition> transitions) {
        for (Transition t : transitions) {
            jdbc.sql("""
                            insert into innovation.proposal_transition (proposal_id, from_state, to_state, actor_id,
                                actor_name, actor_role, reason, occurred_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            proposalId,
                            t.from() == null ? null : t.from().name(),
                            t.to().name(),
                            t.actorId(),
                            t.actorName(),
                            t.actorRole(),
                            t.reason(),
                            Timestamp.from(t.at()))
                    .update();
        }
    }

    List<Transition> history(long proposalId) {
        return jdbc.sql("""
                        select from_state, to_state, actor_id, actor_name, actor_role, reason, occurred_at
                        from innovation.proposal_transition where proposal_id = ? order by id
                        """)
                .param(proposalId)
                .query((rs, n) -> new Transition(
                        rs.getString(1) == null ? null : ProposalState.valueOf(rs.getString(1)),
                        ProposalState.valueOf(rs.getString(2)),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    Optional<ProposalView> view(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + " where p.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .map(this::named);
    }

    /** Proposals of a period in the given units (null: every unit) and states (empty: every state). */
    @Override
    public List<ProposalView> list(long periodId, Collection<Long> unitIds, Set<ProposalState> states, int limit) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select " + VIEW_COLUMNS + VIEW_FROM + " where p.period_id = :period");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", periodId);
        if (unitIds != null) {
            sql.append(" and p.unit_id in (:units)");
            params.put("units", unitIds);
        }
        if (!states.isEmpty()) {
            sql.append(" and p.state in (:states)");
            params.put("states", states.stream().map(Enum::name).toList());
        }
        sql.append(" order by p.normalised_score desc nulls last, p.updated_at desc, p.id limit :limit");
        params.put("limit", limit);
        List<ProposalView> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
        return named(rows);
    }

    @Override
    public Map<String, String> answers(long proposalId) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.sql("select aspect_code, answer from innovation.proposal_answer where proposal_id = ?")
                .param(proposalId)
                .query(rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                });
        return answers;
    }

    private ProposalView named(ProposalView v) {
        return named(List.of(v)).get(0);
    }

    private List<ProposalView> named(List<ProposalView> rows) {
        Map<Long, String> names = new java.util.HashMap<>();
        return rows.stream()
                .map(v -> withUnitName(v, names.computeIfAbsent(v.unitId(), organizations::name)))
                .toList();
    }

    private static ProposalView withUnitName(ProposalView v, String unitName) {
        return new ProposalView(
                v.id(),
                v.periodId(),
                v.periodYear(),
                v.innovationId(),
                v.unitId(),
                unitName,
                v.group(),
                v.categoryCode(),
                v.state(),
                v.failReasons(),
                v.screeningNote(),
                v.assessmentScore(),
                v.normalisedScore(),
                v.presentationScore(),
                v.fieldScore(),
                v.decisionScore(),
                v.sourceInnovationId(),
                v.adaptation(),
                v.version(),
                v.updatedAt(),
                v.innovation());
    }

    static ProposalView map(ResultSet rs) throws SQLException {
        InnovationView innovation = new InnovationView(
                rs.getLong("innovation_id"),
                rs.getString("title"),
                rs.getDate("started_on").toLocalDate(),
                rs.getString("problem"),
                rs.getString("baseline"),
                rs.getString("approach"),
                rs.getString("results"),
                tags(rs.getString("sdg_tags")),
                tags(rs.getString("priority_tags")),
                rs.getString("video_url"),
                ParticipantType.valueOf(rs.getString("participant_type")),
                rs.getBoolean("three_t"),
                rs.getInt("innovation_version"));
        return new ProposalView(
                rs.getLong("id"),
                rs.getLong("period_id"),
                rs.getInt("year"),
                rs.getLong("innovation_id"),
                rs.getLong("unit_id"),
                null,
                ProposalGroup.valueOf(rs.getString("grp")),
                rs.getString("category_code"),
                ProposalState.valueOf(rs.getString("state")),
                List.copyOf(reasons(rs.getString("fail_reasons"))),
                rs.getString("screening_note"),
                rs.getBigDecimal("assessment_score"),
                rs.getBigDecimal("normalised_score"),
                rs.getBigDecimal("presentation_score"),
                rs.getBigDecimal("field_score"),
                rs.getBigDecimal("decision_score"),
                (Long) rs.getObject("source_innovation_id"),
                rs.getString("adaptation"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(),
                innovation);
    }

    static List<String> tags(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    static Set<FailReason> reasons(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<FailReason> reasons = EnumSet.noneOf(FailReason.class);
        for (String code : text.split(",")) {
            reasons.add(FailReason.valueOf(code.trim()));
        }
        return reasons;
    }

    static String codes(Set<FailReason> reasons) {
        return reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
