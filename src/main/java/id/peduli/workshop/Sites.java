package id.peduli.workshop;

import id.peduli.access.Access;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.casework.Programmes;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.registry.Registry;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workshop sites: organisation units of type SITE below a rehabilitation centre that the programme runs at, with their
 * MoU, phase dates, community group, mentors and mentor trainings. Callers check the site's scope first
 * ({@link WorkshopScope}); the methods here load and change.
 */
@Service
class Sites {

    static final AuditAction REGISTER_SITE = AuditAction.of("REGISTER_SITE");
    static final AuditAction ADD_MENTOR = AuditAction.of("ADD_MENTOR");
    static final AuditAction RECORD_TRAINING = AuditAction.of("RECORD_TRAINING");

    /** Months of mentoring after launch, when no end date is given. */
    static final int MENTORING_MONTHS = 24;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Access access;
    private final Users users;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final Programmes programmes;

    Sites(
            JdbcClient jdbc,
            Organizations organizations,
            Access access,
            Users users,
            Registry registry,
            AuditLog audit,
            Clock clock,
            Programmes programmes) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.access = access;
        this.users = users;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The workshop sites the caller's grants cover for one of {@code roles}, by name. The scope is resolved in one query
     * for all sites: the units of the caller's subtrees ({@link Organizations#visibleTo}, the same rule as {@link
     * Access#covers}) are read once and the sites among them kept, instead of one check per site.
     */
    List<SiteView> visible(String... roles) {
        Access.Scope scope = access.scope(roles);
        if (scope.none()) {
            return List.of();
        }
        Map<Long, OrgUnit> units =
                organizations.visibleTo(roles).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        List<Long> ids = jdbc.sql("select site_id from workshop.site_profile").query(Long.class).list().stream()
                .filter(units::containsKey)
                .toList();
        return views(ids, units);
    }

    /** The ids of the workshop sites the caller's grants cover for one of {@code roles}, with the rule of {@link #visible}. */
    Set<Long> coveredIds(String... roles) {
        if (access.scope(roles).none()) {
            return Set.of();
        }
        Set<Long> units =
                organizations.visibleTo(roles).stream().map(OrgUnit::id).collect(Collectors.toSet());
        return jdbc.sql("select site_id from workshop.site_profile").query(Long.class).list().stream()
                .filter(units::contains)
                .collect(Collectors.toUnmodifiableSet());
    }

    Optional<SiteView> find(long siteId) {
        return views(List.of(siteId)).stream().findFirst();
    }

    SiteView get(long siteId) {
        return find(siteId).orElseThrow(() -> BusinessException.notFound("workshop.siteNotFound", siteId));
    }

    boolean isSite(long siteId) {
        return jdbc.sql("select count(*) from workshop.site_profile where site_id = ?")
                        .param(siteId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** SITE units in the caller's units for {@code roles} that the programme does not run at yet. */
    List<OrgUnit> candidates(String... roles) {
        return organizations.visibleTo(roles).stream()
                .filter(u -> u.type() == OrgUnitType.SITE && u.parentId() != null)
                .filter(u -> !isSite(u.id()))
                .toList();
    }

    /** Starts the programme at a SITE unit: the site belongs to the centre it lies under. */
    @Transactional
    SiteView register(long siteId, SiteCommand command) {
        OrgUnit unit = organizations
                .find(siteId)
                .orElseThrow(() -> BusinessException.notFound("workshop.siteNotFound", siteId));
        if (unit.type() != OrgUnitType.SITE || unit.parentId() == null) {
            throw BusinessException.invalid("siteId", "workshop.notASite", unit.name());
        }
        if (isSite(siteId)) {
            throw BusinessException.conflict("siteId", "workshop.siteExists", unit.name());
        }
        SiteCommand checked = checked(command);
        programmes.ensure(Participants.PROGRAMME, "Sheltered Workshop Peduli", Programmes.WORKSHOP, unit.parentId());
        jdbc.sql("insert into workshop.site_profile (site_id, centre_id) values (?, ?)")
                .params(siteId, unit.parentId())
                .update();
        write(siteId, checked);
        audit.record(AuditRecord.of(REGISTER_SITE, "WorkshopSite", siteId).unit(siteId));
        return get(siteId);
    }

    @Transactional
    SiteView update(long siteId, int expectedVersion, SiteCommand command) {
        SiteView current = get(siteId);
        SiteCommand checked = checked(command);
        if (current.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("site " + siteId + " changed since " + expectedVersion);
        }
        write(siteId, checked);
        int updated = jdbc.sql(
                        "update workshop.site_profile set version = version + 1 where site_id = ? and version = ?")
                .params(siteId, expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("site " + siteId + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "WorkshopSite", siteId)
                .unit(siteId)
                .change("mouNumber", current.mouNumber(), checked.mouNumber())
                .change("mouDate", current.mouDate(), checked.mouDate())
                .change("launchOn", current.launchOn(), checked.launchOn())
                .change("mentoringEndsOn", current.mentoringEndsOn(), checked.mentoringEndsOn())
                .change("terminatedOn", current.terminatedOn(), checked.terminatedOn())
                .change("groupName", current.groupName(), checked.groupName()));
        return get(siteId);
    }

    private SiteCommand checked(SiteCommand c) {
        LocalDate ends = c.mentoringEndsOn();
        if (ends == null && c.launchOn() != null) {
            ends = c.launchOn().plusMonths(MENTORING_MONTHS);
        }
        before("mentorTrainingOn", c.socialisationOn(), c.mentorTrainingOn());
        before("launchOn", c.mentorTrainingOn(), c.launchOn());
        before("mentoringEndsOn", c.launchOn(), ends);
        before("terminatedOn", c.launchOn(), c.terminatedOn());
        before("followUpOn", c.terminatedOn(), c.followUpOn());
        return new SiteCommand(
                blankToNull(c.mouNumber()),
                c.mouDate(),
                blankToNull(c.costSharingNote()),
                c.socialisationOn(),
                c.mentorTrainingOn(),
                c.launchOn(),
                ends,
                c.terminatedOn(),
                c.followUpOn(),
                blankToNull(c.groupName()));
    }

    private static void before(String field, LocalDate earlier, LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            throw BusinessException.invalid(field, "workshop.phaseOrder");
        }
    }

    private void write(long siteId, SiteCommand c) {
        jdbc.sql("""
                        update workshop.site_profile set mou_number = :mouNumber, mou_date = :mouDate,
                            cost_sharing_note = :note, socialisation_on = :socialisation,
                            mentor_training_on = :training, launch_on = :launch, mentoring_ends_on = :ends,
                            terminated_on = :terminated, follow_up_on = :followUp, group_name = :groupName,
                            updated_at = now()
                        where site_id = :site
                        """)
                .param("mouNumber", c.mouNumber())
                .param("mouDate", c.mouDate())
                .param("note", c.costSharingNote())
                .param("socialisation", c.socialisationOn())
                .param("training", c.mentorTrainingOn())
                .param("launch", c.launchOn())
                .param("ends", c.mentoringEndsOn())
                .param("terminated", c.terminatedOn())
                .param("followUp", c.followUpOn())
                .param("groupName", c.groupName())
                .param("site", siteId)
                .update();
    }

    // --------------------------------------------------------------------------------------------------- mentors

    List<MentorView> mentors(long siteId) {
        return jdbc.sql("""
                        select id, site_id, user_id, person_id, name, phone, since, active from workshop.mentor
                        where site_id = ? order by active desc, name
                        """).param(siteId).query(Sites::mentor).list();
    }

    @Transactional
    MentorView addMentor(long siteId, MentorCommand command) {
        get(siteId);
        Long userId = null;
        if (command.username() != null && !command.username().isBlank()) {
            UserView user = users.findByUsername(command.username().trim())
                    .filter(u -> u.grants().stream()
                            .anyMatch(g -> g.role().name().equals("SITE_MENTOR")
                                    && g.unitId() != null
                                    && organizations.isWithin(siteId, g.unitId())))
                    .orElseThrow(() -> BusinessException.invalid("username", "workshop.mentorUserUnknown"));
            userId = user.id();
        }
        if (command.personId() != null && registry.person(command.personId()).isEmpty()) {
            throw BusinessException.invalid("personId", "workshop.mentorPersonUnknown");
        }
        long id = jdbc.sql("""
                        insert into workshop.mentor (site_id, user_id, person_id, name, phone, since)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        siteId,
                        userId,
                        command.personId(),
                        command.name().trim(),
                        blankToNull(command.phone()),
                        command.since())
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(ADD_MENTOR, "WorkshopMentor", id).unit(siteId));
        return mentors(siteId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- trainings

    List<TrainingView> trainings(long siteId) {
        Map<Long, List<Long>> attendance = new java.util.HashMap<>();
        jdbc.sql("""
                        select a.training_id, a.mentor_id from workshop.mentor_training_attendance a
                        join workshop.mentor_training t on t.id = a.training_id where t.site_id = ?
                        """)
                .param(siteId)
                .query((rs, n) -> attendance
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return jdbc.sql("""
                        select id, site_id, held_on, topic, trainer, hours from workshop.mentor_training
                        where site_id = ? order by held_on desc, id desc
                        """)
                .param(siteId)
                .query((rs, n) -> new TrainingView(
                        rs.getLong("id"),
                        rs.getLong("site_id"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("topic"),
                        rs.getString("trainer"),
                        rs.getInt("hours"),
                        List.copyOf(attendance.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    @Transactional
    TrainingView addTraining(long siteId, TrainingCommand command) {
        get(siteId);
        if (command.heldOn().isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("heldOn", "workshop.futureDate");
        }
        List<Long> mentorIds = mentors(siteId).stream().map(MentorView::id).toList();
        for (Long mentor : command.attendedBy()) {
            if (!mentorIds.contains(mentor)) {
                throw BusinessException.invalid("attendedBy", "workshop.trainingMentorUnknown");
            }
        }
        long id = jdbc.sql("""
                        insert into workshop.mentor_training (site_id, held_on, topic, trainer, hours)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        siteId,
                        command.heldOn(),
                        command.topic().trim(),
                        blankToNull(command.trainer()),
                        command.hours())
                .query(Long.class)
                .single();
        for (Long mentor : command.attendedBy().stream().distinct().toList()) {
            jdbc.sql("insert into workshop.mentor_training_attendance (training_id, mentor_id) values (?, ?)")
                    .params(id, mentor)
                    .update();
        }
        audit.record(AuditRecord.of(RECORD_TRAINING, "WorkshopTraining", id).unit(siteId));
        return trainings(siteId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- reading

    private List<SiteView> views(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = Set.copyOf(ids);
        return views(
                ids,
                organizations.tree().stream()
                        .filter(u -> wanted.contains(u.id()) || u.type() == OrgUnitType.TECHNICAL_UNIT)
                        .collect(Collectors.toMap(OrgUnit::id, Function.identity())));
    }

    /** The sites of {@code ids}, their units (and centres, when known) taken from {@code units}. */
    private List<SiteView> views(Collection<Long> ids, Map<Long, OrgUnit> units) {
        if (ids.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select p.*, (select count(*) from workshop.mentor m where m.site_id = p.site_id and m.active)
                            as mentors
                        from workshop.site_profile p where p.site_id in (:ids)
                        """).param("ids", ids).query((rs, n) -> view(rs, units, today)).list().stream()
                .filter(v -> v != null)
                .sorted(java.util.Comparator.comparing(SiteView::name))
                .toList();
    }

    private SiteView view(ResultSet rs, Map<Long, OrgUnit> units, LocalDate today) throws SQLException {
        long siteId = rs.getLong("site_id");
        OrgUnit unit = units.get(siteId);
        if (unit == null) {
            unit = organizations.find(siteId).orElse(null);
        }
        if (unit == null) {
            return null;
        }
        long centreId = rs.getLong("centre_id");
        OrgUnit centre = units.get(centreId);
        LocalDate ends = rs.getObject("mentoring_ends_on", LocalDate.class);
        return new SiteView(
                siteId,
                unit.name(),
                unit.regionCode(),
                centreId,
                centre == null ? organizations.name(centreId) : centre.name(),
                rs.getString("mou_number"),
                rs.getObject("mou_date", LocalDate.class),
                rs.getString("cost_sharing_note"),
                rs.getObject("socialisation_on", LocalDate.class),
                rs.getObject("mentor_training_on", LocalDate.class),
                rs.getObject("launch_on", LocalDate.class),
                ends,
                rs.getObject("terminated_on", LocalDate.class),
                rs.getObject("follow_up_on", LocalDate.class),
                rs.getString("group_name"),
                ends != null && ends.isBefore(today),
                rs.getInt("mentors"),
                rs.getInt("version"));
    }

    private static MentorView mentor(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new MentorView(
                rs.getLong("id"),
                rs.getLong("site_id"),
                userId,
                personId,
                rs.getString("name"),
                rs.getString("phone"),
                rs.getObject("since", LocalDate.class),
                rs.getBoolean("active"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
