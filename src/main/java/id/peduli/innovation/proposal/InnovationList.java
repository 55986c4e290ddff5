package id.peduli.innovation.proposal;

import id.peduli.access.Access;
import id.peduli.innovation.InnovationRoles;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A unit's innovations, which persist across the years, each with the proposal it entered per period and how it
 * ended, for the operators and verifiers of the unit (the innovation's history is what the administrative selection
 * reads for eligibility).
 */
@Service
public class InnovationList {

    /** One innovation with its proposals, newest year first. */
    @Schema(name = "InnovationListItem")
    public record Item(
            long id,
            String title,
            long unitId,
            String unitName,
            LocalDate startedOn,
            int replications,
            List<Entry> proposals) {}

    /** The proposal of one year. */
    @Schema(name = "InnovationListProposal")
    public record Entry(long proposalId, int year, ProposalState state) {}

    static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Access access;

    InnovationList(JdbcClient jdbc, Organizations organizations, Access access) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.access = access;
    }

    /** The innovations of the units the caller acts for as operator or verifier, by title. */
    public List<Item> visible() {
        var scope = access.scope(InnovationRoles.UNIT);
        if (scope.none()) {
            return List.of();
        }
        List<Long> units = scope.all()
                ? null
                : organizations.subtrees(scope.roots()).stream()
                        .map(OrgUnit::id)
                        .toList();
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Entry>> proposals = new LinkedHashMap<>();
        String inUnits = units == null ? "" : " and i.unit_id in (:units)";
        var sql = jdbc.sql("""
                        select i.id, i.title, i.unit_id, i.started_on,
                            (select count(*) from innovation.replication r where r.source_innovation_id = i.id
                                and r.status <> 'STOPPED'),
                            p.id, per.year, p.state
                        from innovation.innovation i
                        join innovation.proposal p on p.innovation_id = i.id
                        join innovation.period per on per.id = p.period_id
                        where true""" + inUnits + " order by lower(i.title), i.id, per.year desc");
        if (units != null) {
            sql = sql.param("units", units);
        }
        Map<Long, Item> items = new LinkedHashMap<>();
        sql.query(rs -> {
            long id = rs.getLong(1);
            if (!items.containsKey(id)) {
                if (items.size() == LIMIT) {
                    return;
                }
                List<Entry> entries = new ArrayList<>();
                proposals.put(id, entries);
                items.put(
                        id,
                        new Item(
                                id,
                                rs.getString(2),
                                rs.getLong(3),
                                organizations.name(rs.getLong(3)),
                                rs.getDate(4).toLocalDate(),
                                rs.getInt(5),
                                entries));
            }
            proposals.get(id).add(new Entry(rs.getLong(6), rs.getInt(7), ProposalState.valueOf(rs.getString(8))));
        });
        return List.copyOf(items.values());
    }
}
