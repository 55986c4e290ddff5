package id.peduli.innovation.demo;

import static id.peduli.innovation.demo.InnovationDemoSeed.WORKSHOP;

import id.peduli.access.Role;
import id.peduli.access.UserView;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.proposal.ProposalState;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open period of the current year in the demo: the demo operator's half-answered draft, a complete proposal with
 * the demo verifier, proposals waiting for the secretariat's screening and five assigned to the demo evaluator. Each
 * proposal has its own generated text ({@link InnovationDemoTexts}), so the screening finds nothing among them except
 * the one deliberate copy: a regency that entered the 2018 workshop of BBRSBG Kartini under its own name, in the 2018
 * words.
 */
final class InnovationDemoCurrent {

    /** Subjects of the five proposals assigned to the demo evaluator: five different services. */
    private static final int[] ASSIGNED_SUBJECTS = {0, 4, 8, 12, 19};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InnovationDemoCurrent(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void seed(
            Period period,
            LocalDate today,
            Instant now,
            UserView operator,
            UserView verifier,
            UserView evaluator,
            InnovationDemoSeed.DemoAgency operatorUnit,
            List<InnovationDemoSeed.DemoAgency> agencies) {
        // the demo operator's draft, half answered
        long draft = proposal(
                period,
                operatorUnit,
                "Gerai Layanan Disabilitas Terpadu Temanggung",
                16,
                today.minusYears(2),
                ProposalState.DRAFT,
                operator,
                verifier,
                now,
                5);
        // ready for the demo verifier: complete, with the agency
        proposal(
                period,
                operatorUnit,
                "Rumah Singgah Lansia Ngudi Waras",
                9,
                today.minusYears(3),
                ProposalState.WITH_AGENCY,
                operator,
                verifier,
                now,
                99);
        // waiting for the secretariat's administrative selection; one copies a 2018 winner, one is young
        proposal(
                period,
                agencies.get(0),
                "Layanan Rujukan Pasien Daring Terpadu",
                22,
                today.minusYears(2),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        long copy = proposal(
                period,
                agencies.get(8),
                WORKSHOP,
                16,
                today.minusYears(2),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        // the copy tells the 2018 workshop's story in the 2018 words: the near-duplicate to find in the screening
        jdbc.sql("""
                        update innovation.innovation c set problem = w.problem, baseline = w.baseline,
                            approach = w.approach, results = w.results
                        from innovation.proposal cp, innovation.innovation w
                        where cp.id = ? and c.id = cp.innovation_id and w.title = ? and w.id <> c.id
                        """).params(copy, WORKSHOP).update();
        jdbc.sql("""
                        update innovation.proposal_answer set answer = (select w.problem || ' ' || w.results
                            from innovation.innovation w join innovation.proposal wp on wp.innovation_id = w.id
                            where w.title = ? and wp.id <> ? order by wp.id limit 1)
                        where proposal_id = ?
                        """).params(WORKSHOP, copy, copy).update();
        proposal(
                period,
                agencies.get(14),
                "Aplikasi Antrean Puskesmas Tanpa Antre",
                25,
                today.minusMonths(7),
                ProposalState.SUBMITTED,
                null,
                null,
                now,
                99);
        // assigned to the demo evaluator
        for (int i = 0; i < ASSIGNED_SUBJECTS.length; i++) {
            InnovationDemoTexts.Subject subject = InnovationDemoTexts.SUBJECTS.get(ASSIGNED_SUBJECTS[i]);
            long id = proposal(
                    period,
                    agencies.get(1 + i * 3),
                    InnovationDemoTexts.KINDS[i] + " " + subject.name() + " " + InnovationDemoTexts.SUFFIXES[i],
                    ASSIGNED_SUBJECTS[i],
                    today.minusYears(2 + i % 3),
                    ProposalState.ASSIGNED,
                    null,
                    null,
                    now,
                    99);
            jdbc.sql("insert into innovation.evaluator_assignment (proposal_id, evaluator_id, evaluator_name, "
                            + "assigned_by) values (?, ?, ?, 'sekretariat')")
                    .params(id, evaluator.id(), evaluator.fullName())
                    .update();
        }
        jdbc.sql("insert into innovation.period_evaluator (period_id, user_id, username, full_name, home_unit_id, cap)"
                        + " values (?, ?, ?, ?, null, 225)")
                .params(period.id(), evaluator.id(), evaluator.username(), evaluator.fullName())
                .update();
        jdbc.sql("insert into innovation.notification (recipient_id, proposal_id, message_key, title, created_at) "
                        + "values (?, ?, 'innovation.notify.returned', ?, ?)")
                .params(operator.id(), draft, "Gerai Layanan Disabilitas Terpadu Temanggung", Timestamp.from(now))
                .update();
    }

    /**
     * One proposal of the current period about subject number {@code subject}, with {@code answered} answers (99:
     * every one), at {@code state}.
     */
    private long proposal(
            Period period,
            InnovationDemoSeed.DemoAgency unit,
            String title,
            int subject,
            LocalDate started,
            ProposalState state,
            UserView operator,
            UserView verifier,
            Instant now,
            int answered) {
        List<Period.Aspect> aspects = period.aspectsFor(ProposalGroup.GENERAL);
        InnovationDemoTexts.Text text = InnovationDemoTexts.text(
                new Random(title.hashCode()),
                InnovationDemoTexts.SUBJECTS.get(subject),
                unit.shortName(),
                started.getYear(),
                aspects.stream().map(Period.Aspect::code).toList());
        long innovation = jdbc.sql("""
                        insert into innovation.innovation (unit_id, title, started_on, problem, baseline, approach,
                            results, sdg_tags, priority_tags, participant_type, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'SDG3,SDG10', 'Reformasi birokrasi', ?, ?)
                        returning id
                        """)
                .params(
                        unit.id(),
                        title,
                        Date.valueOf(started),
                        text.problem(),
                        text.baseline(),
                        text.approach(),
                        text.results(),
                        unit.type().name(),
                        operator == null ? null : operator.id())
                .query(Long.class)
                .single();
        long id = jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, category_code, state,
                            created_by)
                        values (?, ?, ?, 'GENERAL', 'SOCIAL_PROTECTION', ?, ?) returning id
                        """)
                .params(period.id(), innovation, unit.id(), state.name(), operator == null ? null : operator.id())
                .query(Long.class)
                .single();
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < Math.min(answered, aspects.size()); i++) {
            String code = aspects.get(i).code();
            answers.add(new Object[] {id, code, text.answers().get(code)});
        }
        template.batchUpdate(
                "insert into innovation.proposal_answer (proposal_id, aspect_code, answer) values (?, ?, ?)", answers);
        List<ProposalState> steps = InnovationDemo2018.path(state);
        for (int s = 0; s < steps.size(); s++) {
            ProposalState step = steps.get(s);
            String role = InnovationDemo2018.actorRole(step);
            UserView actor = role.equals(Role.UNIT_OPERATOR.name())
                    ? operator
                    : role.equals(Role.AGENCY_VERIFIER.name()) ? verifier : null;
            jdbc.sql("""
                            insert into innovation.proposal_transition (proposal_id, from_state, to_state, actor_id,
                                actor_name, actor_role, occurred_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            s == 0 ? null : steps.get(s - 1).name(),
                            step.name(),
                            actor == null ? null : actor.id(),
                            actor == null ? InnovationDemo2018.actorName(step) : actor.username(),
                            role,
                            Timestamp.from(now.minusSeconds(3600L * (steps.size() - s))))
                    .update();
        }
        return id;
    }
}
