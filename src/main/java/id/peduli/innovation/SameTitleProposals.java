package id.peduli.innovation;

import id.peduli.organization.Organizations;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds proposals entered with the same title (case and spacing ignored) under another innovation, in this period or
 * an earlier one: the "same title twice" rule of the administrative selection. Exact only; see {@link
 * SimilarProposals} for the near-duplicate detector that replaces it.
 */
@Component
class SameTitleProposals implements SimilarProposals {

    private final JdbcClient jdbc;
    private final Organizations organizations;

    SameTitleProposals(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<SimilarProposal> similarTo(long proposalId, int limit) {
        return jdbc.sql("""
                        select o.id, per.year, oi.title, o.unit_id, mi.title as our_title
                        from innovation.proposal m
                        join innovation.innovation mi on mi.id = m.innovation_id
                        join innovation.period mp on mp.id = m.period_id
                        join innovation.innovation oi
                            on regexp_replace(lower(oi.title), '\\s+', ' ', 'g')
                                = regexp_replace(lower(mi.title), '\\s+', ' ', 'g')
                            and oi.id <> mi.id
                        join innovation.proposal o on o.innovation_id = oi.id
                        join innovation.period per on per.id = o.period_id
                        where m.id = :id and per.year <= mp.year
                        order by per.year desc, o.id
                        limit :limit
                        """)
                .param("id", proposalId)
                .param("limit", limit)
                .query((rs, n) -> new SimilarProposal(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        organizations.name(rs.getLong(4)),
                        1.0,
                        rs.getString(5),
                        rs.getString(3)))
                .list();
    }
}
