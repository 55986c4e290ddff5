package id.peduli.innovation.award;

import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.proposal.ProposalState;
import id.peduli.organization.Organizations;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * S9, the public catalogue: every innovation that won (Top 40/45, outstanding, top replication) with its title,
 * agency, summary, results, category, year and award, and how many agencies registered a replication of it. It is
 * read without signing in, so it holds only what the agencies published in their proposals: no person's name, no
 * account, no contact.
 */
@Service
public class Catalogue {

    /** One catalogued innovation (its best award, the latest year it won). */
    @Schema(name = "InnovationCatalogueEntry")
    public record Entry(
            long innovationId,
            String title,
            String agency,
            String summary,
            String results,
            String category,
            int year,
            ProposalState award,
            int replications) {}

    /**
     * A replication as the catalogue shows it: the adopting agency, since when, what was adapted, its status, and its
     * latest reported result (with the day it is as of, and a figure with what it counts when one was given); before
     * any result was reported, the results given at registration ({@code resultsAsOf} empty).
     */
    @Schema(name = "InnovationCatalogueReplication")
    public record Replication(
            String adopter,
            LocalDate startedOn,
            String adaptation,
            Replications.Status status,
            String results,

            @Schema(
                    description = "The day the latest reported result is as of; null for the results given at"
                            + " registration")
            LocalDate resultsAsOf,

            @Schema(description = "The latest result's figure, if one was given")
            java.math.BigDecimal figure,

            @Schema(description = "What the figure counts") String figureLabel) {}

    private static final String WINNERS = "('WINNER', 'OUTSTANDING', 'TOP_REPLICATION')";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Periods periods;

    Catalogue(JdbcClient jdbc, Organizations organizations, Periods periods) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.periods = periods;
    }

    /** Whether the innovation is in the catalogue (it won in some year). */
    boolean catalogued(long innovationId) {
        return jdbc.sql("select count(*) from innovation.proposal where innovation_id = ? and state in " + WINNERS)
                        .param(innovationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The catalogue, newest year first, filtered by words of {@code query} (each must appear in the title, agency,
     * summary, results or category) and by {@code year} when given.
     */
    List<Entry> search(String query, Integer year, int limit) {
        List<String> words = query == null
                ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).strip().split("\\s+")).stream()
                        .filter(w -> !w.isEmpty())
                        .toList();
        List<Entry> out = new ArrayList<>();
        for (Entry e : all(year)) {
            String text = String.join(" ", e.title(), e.agency(), e.summary(), e.results(), e.category())
                    .toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(text::contains)) {
                out.add(e);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    Entry entry(long innovationId) {
        return all(null).stream()
                .filter(e -> e.innovationId() == innovationId)
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("innovation.catalogue.notFound", innovationId));
    }

    /** The years the catalogue has winners of, newest first. */
    List<Integer> years() {
        return jdbc.sql("select distinct per.year from innovation.proposal p join innovation.period per on per.id = "
                        + "p.period_id where p.state in " + WINNERS + " order by per.year desc")
                .query(Integer.class)
                .list();
    }

    List<Replication> replications(long innovationId) {
        return jdbc.sql("""
                        select r.adopter_unit_id, r.started_on, r.adaptation, r.status,
                               coalesce(e.text, r.results), e.reported_on, e.figure, e.figure_label
                        from innovation.replication r
                        left join lateral (
                            select x.text, x.reported_on, x.figure, x.figure_label from innovation.replication_event x
                            where x.replication_id = r.id and x.kind = 'RESULT'
                            order by x.reported_on desc, x.id desc limit 1) e on true
                        where r.source_innovation_id = ? and r.status <> 'STOPPED' order by r.started_on, r.id
                        """)
                .param(innovationId)
                .query((rs, n) -> new Replication(
                        organizations.name(rs.getLong(1)),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        Replications.Status.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                        rs.getBigDecimal(7),
                        rs.getString(8)))
                .list();
    }

    private List<Entry> all(Integer year) {
        Map<Long, Period> periodById = new HashMap<>();
        Map<Long, Entry> byInnovation = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.title, i.unit_id, i.problem, i.approach, i.results, p.category_code, per.year,
                            p.state, p.period_id,
                            (select count(*) from innovation.replication r
                             where r.source_innovation_id = i.id and r.status <> 'STOPPED')
                        from innovation.proposal p
                        join innovation.innovation i on i.id = p.innovation_id
                        join innovation.period per on per.id = p.period_id
                        where p.state in %s and (cast(:year as integer) is null or per.year = :year)
                        order by per.year desc, p.decision_score desc nulls last, i.title
                        """.formatted(WINNERS)).param("year", year).query(rs -> {
            long innovation = rs.getLong(1);
            if (byInnovation.containsKey(innovation)) {
                return;
            }
            Period period = periodById.computeIfAbsent(rs.getLong(10), periods::get);
            String problem = rs.getString(4);
            String approach = rs.getString(5);
            byInnovation.put(
                    innovation,
                    new Entry(
                            innovation,
                            rs.getString(2),
                            organizations.name(rs.getLong(3)),
                            summary(problem, approach),
                            rs.getString(6),
                            period.categoryName(rs.getString(7)),
                            rs.getInt(8),
                            ProposalState.valueOf(rs.getString(9)),
                            rs.getInt(11)));
        });
        return List.copyOf(byInnovation.values());
    }

    private static String summary(String problem, String approach) {
        String text = (problem == null ? "" : problem.strip()) + " " + (approach == null ? "" : approach.strip());
        text = text.strip();
        return text.length() <= 400 ? text : text.substring(0, 397).strip() + "…";
    }
}
