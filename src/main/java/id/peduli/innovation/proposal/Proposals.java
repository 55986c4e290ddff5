package id.peduli.innovation.proposal;

import id.peduli.access.Access;
import id.peduli.access.Role;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditRecord;
import id.peduli.innovation.Actor;
import id.peduli.innovation.InnovationAudit;
import id.peduli.innovation.InnovationRoles;
import id.peduli.innovation.notification.Notifications;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.selection.FailReason;
import id.peduli.innovation.selection.ScreeningAdvice;
import id.peduli.innovation.selection.SimilarProposal;
import id.peduli.innovation.selection.SimilarProposals;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit's innovations and proposals and their way through S1 to S3: drafting, answers with autosave, sending to the
 * agency verifier, returning and submitting, and the administrative selection. Every move goes through {@link
 * Proposal}, is audited (refusals too) and tells operators and verifiers its result.
 */
@Service
public class Proposals {

    static final int MAX_ANSWER = 5000;
    private static final Pattern SDG = Pattern.compile("SDG([1-9]|1[0-7])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{3,490}");

    private final ProposalStore store;
    private final Periods periods;
    private final JdbcClient jdbc;
    private final Access access;
    private final Organizations organizations;
    private final InnovationAudit audit;
    private final Notifications notifications;
    private final SimilarProposals similar;
    private final Clock clock;
    private final ZoneId zone;

    Proposals(
            ProposalStore store,
            Periods periods,
            JdbcClient jdbc,
            Access access,
            Organizations organizations,
            InnovationAudit audit,
            Notifications notifications,
            SimilarProposals similar,
            Clock clock,
            @Value("${peduli.time-zone:Asia/Jakarta}") String zone) {
        this.store = store;
        this.periods = periods;
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.audit = audit;
        this.notifications = notifications;
        this.similar = similar;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ProposalView view(long id) {
        return store.view(id).orElseThrow(() -> ProposalStore.notFound(id));
    }

    List<Transition> history(long id) {
        return store.history(id);
    }

    Map<String, String> answers(long id) {
        return store.answers(id);
    }

    Completeness completeness(long id) {
        ProposalView p = view(id);
        return Completeness.of(periods.get(p.periodId()), p.group(), store.answers(id));
    }

    /** The units the caller may draft for. */
    public List<OrgUnit> operatorUnits() {
        return organizations.visibleTo(Role.UNIT_OPERATOR.name());
    }

    /**
     * The proposals of a period the caller may see: the competition roles see every proposal that reached the ministry
     * (or all, with {@code states}), operators and verifiers those of their units.
     */
    List<ProposalView> visible(long periodId, Set<ProposalState> states, int limit) {
        if (access.hasAnyRole(InnovationRoles.COMPETITION)) {
            Set<ProposalState> wanted = states.isEmpty() ? submittedStates() : states;
            return store.list(periodId, null, wanted, limit);
        }
        var scope = access.scope(InnovationRoles.UNIT);
        if (scope.none()) {
            return List.of();
        }
        List<Long> units = scope.all()
                ? null
                : organizations.subtrees(scope.roots()).stream()
                        .map(OrgUnit::id)
                        .toList();
        return store.list(periodId, units, states, limit);
    }

    static Set<ProposalState> submittedStates() {
        Set<ProposalState> states = EnumSet.noneOf(ProposalState.class);
        for (ProposalState s : ProposalState.values()) {
            if (s.submitted()) {
                states.add(s);
            }
        }
        return states;
    }

    // ---------------------------------------------------------------------------------------------- S1: drafting

    /** Registers an innovation (or reuses the unit's innovation of the same title) and drafts its proposal. */
    @Transactional
    public ProposalView create(long periodId, InnovationForm form) {
        if (form.unitId() == null) {
            throw BusinessException.invalid("unitId", "validation.required");
        }
        if (!access.covers(form.unitId(), Role.UNIT_OPERATOR.name())) {
            throw BusinessException.notFound("org.notFound", form.unitId());
        }
        Period period = periods.get(periodId);
        validate(form, period);
        if (today().isAfter(period.unitDeadline())) {
            throw BusinessException.conflict(null, "innovation.proposal.deadlinePassed", period.unitDeadline());
        }
        Actor actor = actor(Role.UNIT_OPERATOR);
        Long innovationId = jdbc.sql(
                        "select id from innovation.innovation where unit_id = ? and lower(title) = " + "lower(?)")
                .params(form.unitId(), form.title().strip())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (innovationId == null) {
            innovationId = jdbc.sql("""
                            insert into innovation.innovation (unit_id, title, started_on, problem, baseline, approach,
                                results, sdg_tags, priority_tags, video_url, participant_type, three_t, created_by)
                            values (:unit, :title, :started, :problem, :baseline, :approach, :results, :sdg,
                                :priority, :video, :type, :threeT, :by)
                            returning id
                            """)
                    .params(innovationParams(form))
                    .param("unit", form.unitId())
                    .param("by", actor.userId())
                    .query(Long.class)
                    .single();
            audit.record(AuditRecord.of(InnovationAudit.REGISTER, "Innovation", innovationId)
                    .unit(form.unitId())
                    .change("title", null, form.title().strip()));
        } else if (jdbc.sql("select count(*) from innovation.proposal where period_id = ? and innovation_id = ?")
                        .params(periodId, innovationId)
                        .query(Long.class)
                        .single()
                > 0) {
            throw BusinessException.conflict("title", "innovation.proposal.alreadyEntered", period.year());
        }
        Proposal proposal = Proposal.draft(periodId, form.unitId(), form.group(), actor, clock.instant());
        long id = jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, category_code,
                            source_innovation_id, adaptation, state, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id
                        """)
                .params(
                        periodId,
                        innovationId,
                        form.unitId(),
                        form.group().name(),
                        form.categoryCode(),
                        form.sourceInnovationId(),
                        form.adaptation() == null ? "" : form.adaptation().strip(),
                        proposal.state().name(),
                        actor.userId())
                .query(Long.class)
                .single();
        store.writeTransitions(id, proposal.pendingTransitions());
        audit.record(AuditRecord.of(InnovationAudit.DRAFT, "Proposal", id)
                .unit(form.unitId())
                .change("period", null, period.year())
                .change("group", null, form.group()));
        return view(id);
    }

    /** Saves the innovation's fields and the proposal's group and category, while the unit may edit. */
    @Transactional
    ProposalView updateDraft(long id, InnovationForm form) {
        ProposalView current = view(id);
        requireEditable(current);
        Period period = periods.get(current.periodId());
        validate(form, period);
        int updated = jdbc.sql("""
                        update innovation.proposal set grp = :grp, category_code = :category,
                            source_innovation_id = :source, adaptation = :adaptation, version = version + 1,
                            updated_at = now()
                        where id = :id and version = :version
                        """)
                .param("grp", form.group().name())
                .param("category", form.categoryCode())
                .param("source", form.sourceInnovationId())
                .param(
                        "adaptation",
                        form.adaptation() == null ? "" : form.adaptation().strip())
                .param("id", id)
                .param("version", form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            throw BusinessException.conflict(null, "error.staleVersion");
        }
        jdbc.sql("""
                        update innovation.innovation set title = :title, started_on = :started, problem = :problem,
                            baseline = :baseline, approach = :approach, results = :results, sdg_tags = :sdg,
                            priority_tags = :priority, video_url = :video, participant_type = :type,
                            three_t = :threeT, version = version + 1
                        where id = :innovation
                        """)
                .params(innovationParams(form))
                .param("innovation", current.innovationId())
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Proposal", id)
                .unit(current.unitId())
                .change("title", current.title(), form.title().strip())
                .change("group", current.group(), form.group()));
        return view(id);
    }

    /** Autosave of one answer; returns the completeness after the save. */
    @Transactional
    public Completeness saveAnswer(long id, String aspectCode, String answer) {
        ProposalView current = view(id);
        requireEditable(current);
        Period period = periods.get(current.periodId());
        boolean known = period.aspectsFor(current.group()).stream()
                .anyMatch(a -> a.code().equals(aspectCode));
        if (!known) {
            throw BusinessException.invalid("aspect", "innovation.answer.unknownAspect");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.length() > MAX_ANSWER) {
            throw BusinessException.invalid("answer", "innovation.answer.tooLong", MAX_ANSWER);
        }
        jdbc.sql("""
                        insert into innovation.proposal_answer (proposal_id, aspect_code, answer, updated_at)
                        values (?, ?, ?, now())
                        on conflict (proposal_id, aspect_code) do update set answer = excluded.answer,
                            updated_at = now()
                        """).params(id, aspectCode, text).update();
        jdbc.sql("update innovation.proposal set updated_at = now() where id = ?")
                .param(id)
                .update();
        return Completeness.of(period, current.group(), store.answers(id));
    }

    private void requireEditable(ProposalView p) {
        if (!p.state().editableByUnit()) {
            throw BusinessException.conflict(null, "innovation.proposal.notEditable");
        }
    }

    private void validate(InnovationForm form, Period period) {
        if (form.title() == null || form.title().isBlank()) {
            throw BusinessException.invalid("title", "validation.required");
        }
        if (form.title().strip().length() > 300) {
            throw BusinessException.invalid("title", "innovation.form.tooLong", 300);
        }
        if (form.startedOn() == null) {
            throw BusinessException.invalid("startedOn", "validation.required");
        }
        if (form.startedOn().isAfter(today())) {
            throw BusinessException.invalid("startedOn", "innovation.form.startInFuture");
        }
        if (form.group() == null) {
            throw BusinessException.invalid("group", "validation.required");
        }
        if (form.participantType() == null) {
            throw BusinessException.invalid("participantType", "validation.required");
        }
        if (form.categoryCode() != null
                && !form.categoryCode().isBlank()
                && period.categories().stream().noneMatch(c -> c.code().equals(form.categoryCode()))) {
            throw BusinessException.invalid("categoryCode", "innovation.form.categoryUnknown");
        }
        for (String tag : ProposalStore.tags(form.sdgTags())) {
            if (!SDG.matcher(tag.toUpperCase(Locale.ROOT)).matches()) {
                throw BusinessException.invalid("sdgTags", "innovation.form.sdgInvalid", tag);
            }
        }
        if (form.priorityTags() != null && form.priorityTags().length() > 200) {
            throw BusinessException.invalid("priorityTags", "innovation.form.tooLong", 200);
        }
        if (form.videoUrl() != null
                && !form.videoUrl().isBlank()
                && !URL.matcher(form.videoUrl().strip()).matches()) {
            throw BusinessException.invalid("videoUrl", "innovation.form.urlInvalid");
        }
        for (String text : new String[] {form.problem(), form.baseline(), form.approach(), form.results()}) {
            if (text != null && text.length() > MAX_ANSWER) {
                throw BusinessException.invalid(null, "innovation.answer.tooLong", MAX_ANSWER);
            }
        }
        if (form.group() == ProposalGroup.REPLICATION
                && form.sourceInnovationId() != null
                && jdbc.sql("select count(*) from innovation.innovation where id = ?")
                                .param(form.sourceInnovationId())
                                .query(Long.class)
                                .single()
                        == 0) {
            throw BusinessException.invalid("sourceInnovationId", "innovation.form.sourceUnknown");
        }
    }

    private static Map<String, Object> innovationParams(InnovationForm form) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("title", form.title().strip());
        p.put("started", Date.valueOf(form.startedOn()));
        p.put("problem", nz(form.problem()));
        p.put("baseline", nz(form.baseline()));
        p.put("approach", nz(form.approach()));
        p.put("results", nz(form.results()));
        p.put(
                "sdg",
                String.join(
                        ",",
                        ProposalStore.tags(form.sdgTags()).stream()
                                .map(t -> t.toUpperCase(Locale.ROOT))
                                .toList()));
        p.put("priority", String.join(",", ProposalStore.tags(form.priorityTags())));
        p.put(
                "video",
                form.videoUrl() == null || form.videoUrl().isBlank()
                        ? null
                        : form.videoUrl().strip());
        p.put("type", form.participantType().name());
        p.put("threeT", Boolean.TRUE.equals(form.threeT()));
        return p;
    }

    private static String nz(String text) {
        return text == null ? "" : text.strip();
    }

    // ------------------------------------------------------------------------------------------- S1, S2: the moves

    @Transactional
    public ProposalView sendToAgency(long id) {
        return act(
                id,
                InnovationAudit.SEND,
                Role.UNIT_OPERATOR,
                (p, actor) -> {
                    Period period = periods.get(p.periodId());
                    int missing = Completeness.of(period, p.group(), store.answers(id))
                            .missing();
                    p.sendToAgency(actor, clock.instant(), today(), period.unitDeadline(), missing);
                },
                null,
                null);
    }

    @Transactional
    ProposalView withdraw(long id) {
        return act(
                id,
                InnovationAudit.WITHDRAW,
                Role.UNIT_OPERATOR,
                (p, a) -> p.withdraw(a, clock.instant(), null),
                null,
                null);
    }

    @Transactional
    ProposalView returnToUnit(long id, String comment) {
        return act(
                id,
                InnovationAudit.RETURN,
                Role.AGENCY_VERIFIER,
                (p, a) -> p.returnToUnit(a, clock.instant(), comment),
                "innovation.notify.returned",
                comment);
    }

    @Transactional
    public ProposalView submit(long id) {
        ProposalView submitted = act(
                id,
                InnovationAudit.SUBMIT,
                Role.AGENCY_VERIFIER,
                (p, a) -> p.submit(
                        a, clock.instant(), today(), periods.get(p.periodId()).submitDeadline()),
                "innovation.notify.submitted",
                null);
        similar.submitted(submitted.periodYear());
        return submitted;
    }

    // ------------------------------------------------------------------------------- S3: administrative selection

    @Transactional
    ProposalView screen(long id, boolean pass, Set<FailReason> reasons, String note) {
        String trimmed = note == null ? null : note.strip();
        if (trimmed != null && trimmed.length() > 2000) {
            throw BusinessException.invalid("note", "innovation.form.tooLong", 2000);
        }
        String detail =
                pass ? null : reasonText(reasons) + (trimmed == null || trimmed.isEmpty() ? "" : " — " + trimmed);
        ProposalView result = act(
                id,
                InnovationAudit.SCREEN,
                Role.SECRETARIAT,
                (p, a) -> {
                    if (pass) {
                        p.passScreening(a, clock.instant(), trimmed);
                    } else {
                        p.failScreening(a, clock.instant(), reasons, trimmed);
                    }
                },
                pass ? "innovation.notify.passed" : "innovation.notify.failed",
                detail);
        jdbc.sql("update innovation.proposal set screening_note = ? where id = ?")
                .params(trimmed == null || trimmed.isEmpty() ? null : trimmed, id)
                .update();
        return view(id);
    }

    /** The reasons as codes joined for the notification; pages translate them (they see {@code failReasons}). */
    private static String reasonText(Set<FailReason> reasons) {
        return reasons == null
                ? ""
                : String.join(", ", reasons.stream().map(Enum::name).sorted().toList());
    }

    ScreeningAdvice advice(long id) {
        ProposalView p = view(id);
        Period period = periods.get(p.periodId());
        Set<FailReason> suggested = EnumSet.noneOf(FailReason.class);
        long months = ChronoUnit.MONTHS.between(p.innovation().startedOn(), period.submitDeadline());
        if (months < 12) {
            suggested.add(FailReason.UNDER_ONE_YEAR);
        }
        Completeness completeness = Completeness.of(period, p.group(), store.answers(id));
        if (completeness.missing() > 0) {
            suggested.add(FailReason.INCOMPLETE);
        }
        int length = completeness.items().stream()
                .mapToInt(i -> i.answer().strip().length())
                .sum();
        if (completeness.total() > 0 && completeness.missing() == 0 && length / completeness.total() < 100) {
            suggested.add(FailReason.PERFUNCTORY);
        }
        List<Map.Entry<Integer, ProposalState>> earlier = jdbc.sql("""
                        select per.year, p.state from innovation.proposal p join innovation.period per
                            on per.id = p.period_id
                        where p.innovation_id = ? and p.id <> ? and per.year < ? order by per.year
                        """)
                .params(p.innovationId(), id, p.periodYear())
                .query((rs, n) -> Map.entry(rs.getInt(1), ProposalState.valueOf(rs.getString(2))))
                .list();
        long top99 = earlier.stream()
                .filter(e -> ProposalState.TOP99_OR_LATER.contains(e.getValue()))
                .count();
        boolean won = earlier.stream().anyMatch(e -> ProposalState.WINNERS.contains(e.getValue()));
        if (p.group() == ProposalGroup.SPECIAL ? !won : (won || top99 >= 2)) {
            suggested.add(p.group() == ProposalGroup.SPECIAL ? FailReason.WRONG_GROUP : FailReason.INELIGIBLE_HISTORY);
        }
        if (p.group() == ProposalGroup.REPLICATION && p.sourceInnovationId() == null) {
            suggested.add(FailReason.WRONG_GROUP);
        }
        List<SimilarProposal> matches = similar.similarTo(id, 10);
        if (!matches.isEmpty()) {
            suggested.add(FailReason.DUPLICATE);
        }
        List<String> history = earlier.stream()
                .map(e -> e.getKey() + ":" + e.getValue().name())
                .toList();
        return new ScreeningAdvice(List.copyOf(suggested), months, history, completeness.missing(), matches);
    }

    // ----------------------------------------------------------------------------------------------- machinery

    public Actor actor(Role role) {
        PeduliPrincipal user =
                access.currentUser().orElseThrow(() -> new BusinessException(401, null, "innovation.signInRequired"));
        return new Actor(user.userId(), user.username(), role);
    }

    /**
     * Loads the proposal, makes the move, stores the new state with its transition, audits it and tells operators and
     * verifiers ({@code notifyKey}, when set). A refused move is audited in its own transaction and rethrown.
     */
    ProposalView act(
            long id, AuditAction action, Role role, BiConsumer<Proposal, Actor> move, String notifyKey, String detail) {
        Proposal proposal = store.get(id);
        ProposalState before = proposal.state();
        try {
            move.accept(proposal, actor(role));
        } catch (BusinessException e) {
            audit.refused(action, "Proposal", id, proposal.unitId(), e);
            throw e;
        }
        store.save(proposal);
        audit.record(AuditRecord.of(action, "Proposal", id)
                .unit(proposal.unitId())
                .change("state", before, proposal.state()));
        if (notifyKey != null) {
            notifications.proposalResult(id, notifyKey, detail);
        }
        return view(id);
    }
}
