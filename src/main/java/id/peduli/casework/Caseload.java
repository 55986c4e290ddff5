package id.peduli.casework;

import id.peduli.access.Access;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.registry.PersonView;
import id.peduli.registry.Registry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A worker's caseload: the enrolments assigned to them (or, with {@code all}, every enrolment of the units they may
 * read), with stage and the next due thing: plan and goal reviews of the case core and whatever the {@link
 * CaseloadDueSource} beans add.
 */
@Service
class Caseload {

    static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final Access access;
    private final Organizations organizations;
    private final Registry registry;
    private final Programmes programmes;
    private final Plans plans;
    private final List<CaseloadDueSource> sources;
    private final Enrolments enrolments;

    Caseload(
            JdbcClient jdbc,
            Access access,
            Organizations organizations,
            Registry registry,
            Programmes programmes,
            Plans plans,
            List<CaseloadDueSource> sources,
            Enrolments enrolments) {
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.registry = registry;
        this.programmes = programmes;
        this.plans = plans;
        this.sources = sources;
        this.enrolments = enrolments;
    }

    /** What the caseload page filters by; null fields do not filter. */
    record Filter(boolean all, Stage stage, String programme, boolean overdueOnly, boolean closedToo) {}

    List<CaseloadRow> rows(Filter filter) {
        Access.Scope scope = access.scope(CaseworkRoles.READ);
        if (scope.none()) {
            return List.of();
        }
        long me = access.currentUser().map(u -> u.userId()).orElse(-1L);
        StringBuilder sql = new StringBuilder("""
                select e.*, p.code as programme_code, p.name as programme_name, null as last_change
                from casework.enrolment e join casework.programme p on p.id = e.programme_id where true
                """);
        Map<String, Object> params = new HashMap<>();
        if (!filter.all()) {
            sql.append(" and e.worker_user_id = :me");
            params.put("me", me);
        }
        if (!scope.all()) {
            List<Long> units = organizations.subtrees(scope.roots()).stream()
                    .map(OrgUnit::id)
                    .toList();
            sql.append(" and e.org_unit_id in (:units)");
            params.put("units", units);
        }
        if (filter.stage() != null) {
            sql.append(" and e.stage = :stage");
            params.put("stage", filter.stage().name());
        } else if (!filter.closedToo()) {
            sql.append(" and e.stage <> 'CLOSED'");
        }
        if (filter.programme() != null && !filter.programme().isBlank()) {
            sql.append(" and p.code = :programme");
            params.put("programme", filter.programme());
        }
        sql.append(" order by e.id desc limit ").append(LIMIT);
        Map<Long, String> programmeNames = new HashMap<>();
        List<EnrolmentView> found = jdbc.sql(sql.toString())
                .params(params)
                .query((ResultSet rs, int i) -> {
                    programmeNames.put(rs.getLong("programme_id"), rs.getString("programme_name"));
                    return view(rs);
                })
                .list();
        LocalDate today = enrolments.today();
        Map<Long, CaseloadDueSource.DueItem> next = nextDue(found);
        List<CaseloadRow> rows = new ArrayList<>();
        for (EnrolmentView e : found) {
            CaseloadDueSource.DueItem due = next.get(e.id());
            boolean overdue = due != null && due.due().isBefore(today);
            if (filter.overdueOnly() && !overdue) {
                continue;
            }
            rows.add(new CaseloadRow(
                    e,
                    registry.person(e.personId()).map(PersonView::fullName).orElse("—"),
                    programmeNames.get(e.programmeId()),
                    organizations.find(e.unitId()).map(OrgUnit::name).orElse("—"),
                    due,
                    overdue));
        }
        rows.sort(Comparator.comparing((CaseloadRow r) -> r.due() == null ? LocalDate.MAX : r.due())
                .thenComparing(r -> r.enrolment().id()));
        return rows;
    }

    /** The earliest due thing per enrolment, of the case core and of every contributing module. */
    Map<Long, CaseloadDueSource.DueItem> nextDue(List<EnrolmentView> found) {
        Map<Long, CaseloadDueSource.DueItem> next = new HashMap<>();
        Set<Long> open = found.stream()
                .filter(e -> e.stage() != Stage.CLOSED)
                .map(EnrolmentView::id)
                .collect(Collectors.toSet());
        plans.nextReviews(List.copyOf(open))
                .forEach((id, day) -> next.put(
                        id,
                        new CaseloadDueSource.DueItem(
                                id, day, "casework.due.planReview", "/casework/enrolments/" + id + "#plans")));
        List<EnrolmentView> openEnrolments =
                found.stream().filter(e -> open.contains(e.id())).toList();
        for (CaseloadDueSource source : sources) {
            for (CaseloadDueSource.DueItem item : source.dueFor(openEnrolments)) {
                if (!open.contains(item.enrolmentId()) || item.due() == null) {
                    continue;
                }
                next.merge(item.enrolmentId(), item, (a, b) -> b.due().isBefore(a.due()) ? b : a);
            }
        }
        return next;
    }

    List<ProgrammeView> programmes() {
        return programmes.all();
    }

    private static EnrolmentView view(ResultSet rs) throws SQLException {
        long worker = rs.getLong("worker_user_id");
        Long workerId = rs.wasNull() ? null : worker;
        return new EnrolmentView(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getLong("programme_id"),
                rs.getString("programme_code"),
                rs.getLong("org_unit_id"),
                workerId,
                Stage.valueOf(rs.getString("stage")),
                rs.getObject("enrolled_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                rs.getLong("version"));
    }
}
