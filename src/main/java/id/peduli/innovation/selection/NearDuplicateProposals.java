package id.peduli.innovation.selection;

import id.peduli.organization.Organizations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Near-duplicates through {@link NearDuplicates}: a proposal is compared with every proposal submitted to the ministry
 * in its period or an earlier one, of any agency, on its title and text (the innovation's problem, baseline, approach
 * and results, the adaptation and the answers). Proposals of the same innovation (the same innovation entered again
 * in a later year) are not duplicates of each other.
 *
 * <p>The index of a period is built on the first question about one of its proposals (seconds for 20,000 proposals)
 * and kept; a submission in that period or an earlier one drops it, so the next question rebuilds it. A match needs a
 * similarity of at least {@value #MIN_SIMILARITY} or {@value #MIN_CONTAINMENT} of the proposal found in the other.
 */
@Component
public class NearDuplicateProposals implements SimilarProposals {

    public static final double MIN_SIMILARITY = 0.2;
    public static final double MIN_CONTAINMENT = 0.5;

    /** Proposals that reached the ministry; drafts and proposals still with the agency are not compared with. */
    private static final String SUBMITTED = "p.state not in ('DRAFT', 'WITH_AGENCY', 'RETURNED', 'WITHDRAWN')";

    private static final String DOCUMENT = """
            select p.id, p.unit_id, per.year, i.title, p.innovation_id, p.period_id,
                concat_ws(' ', i.problem, i.baseline, i.approach, i.results, p.adaptation,
                    (select string_agg(a.answer, ' ' order by a.aspect_code)
                     from innovation.proposal_answer a where a.proposal_id = p.id)) as text
            from innovation.proposal p
            join innovation.innovation i on i.id = p.innovation_id
            join innovation.period per on per.id = p.period_id
            """;

    private record Loaded(NearDuplicates.Document document, long innovationId, long periodId) {}

    private record Index(int year, NearDuplicates detector, Map<Long, Long> innovationOf) {}

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Map<Long, Index> indexes = new ConcurrentHashMap<>();

    NearDuplicateProposals(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<SimilarProposal> similarTo(long proposalId, int limit) {
        Optional<Loaded> found = jdbc.sql(DOCUMENT + " where p.id = :id")
                .param("id", proposalId)
                .query((rs, n) -> loaded(rs))
                .optional();
        if (found.isEmpty() || limit <= 0) {
            return List.of();
        }
        Loaded proposal = found.get();
        Index index = indexes.computeIfAbsent(
                proposal.periodId(), period -> build(proposal.document().year()));
        List<SimilarProposal> result = new ArrayList<>();
        // ask for more than the limit: earlier proposals of the same innovation are dropped below
        for (NearDuplicates.Match m : index.detector().similar(proposal.document(), limit + 20)) {
            if (result.size() == limit) {
                break;
            }
            if (Long.valueOf(proposal.innovationId())
                            .equals(index.innovationOf().get(m.id()))
                    || (m.similarity() < MIN_SIMILARITY && m.containment() < MIN_CONTAINMENT)) {
                continue;
            }
            List<SimilarProposal.Passage> passages = m.passages().stream()
                    .map(x -> new SimilarProposal.Passage(x.proposal(), x.earlier(), x.words()))
                    .toList();
            String ours = passages.isEmpty() ? "" : passages.get(0).ours();
            String theirs = passages.isEmpty() ? "" : passages.get(0).theirs();
            result.add(new SimilarProposal(
                    m.id(),
                    m.year(),
                    m.title(),
                    organizations.name(m.agencyId()),
                    m.similarity(),
                    ours,
                    theirs,
                    m.containment(),
                    passages));
        }
        return result;
    }

    @Override
    public void submitted(int year) {
        forget(year);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a question asked before the commit may have rebuilt the index without the new proposal
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(year);
                }
            });
        }
    }

    private void forget(int year) {
        indexes.values().removeIf(index -> index.year() >= year);
    }

    /** Number of periods whose index is kept (for tests). */
    int cached() {
        return indexes.size();
    }

    private Index build(int year) {
        List<Loaded> all = jdbc.sql(DOCUMENT + " where per.year <= :year and " + SUBMITTED + " order by p.id")
                .param("year", year)
                .query((rs, n) -> loaded(rs))
                .list();
        Map<Long, Long> innovationOf = new HashMap<>(all.size() * 2);
        all.forEach(l -> innovationOf.put(l.document().id(), l.innovationId()));
        return new Index(
                year, NearDuplicates.index(all.stream().map(Loaded::document).toList()), Map.copyOf(innovationOf));
    }

    private static Loaded loaded(ResultSet rs) throws SQLException {
        return new Loaded(
                new NearDuplicates.Document(
                        rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(7)),
                rs.getLong(5),
                rs.getLong(6));
    }
}
