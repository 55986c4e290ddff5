package id.peduli.innovation.demo;

import static id.peduli.innovation.demo.InnovationDemoSeed.ENTERED;
import static id.peduli.innovation.demo.InnovationDemoSeed.PASSED;
import static id.peduli.innovation.demo.InnovationDemoSeed.PESONA_SURGA;
import static id.peduli.innovation.demo.InnovationDemoSeed.SUBMITTED;
import static id.peduli.innovation.demo.InnovationDemoSeed.TOP_FINAL;
import static id.peduli.innovation.demo.InnovationDemoSeed.TOP_FIRST;
import static id.peduli.innovation.demo.InnovationDemoSeed.WORKSHOP;

import id.peduli.access.Role;
import id.peduli.innovation.award.Panel;
import id.peduli.innovation.period.ParticipantType;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.ProposalGroup;
import id.peduli.innovation.proposal.ProposalState;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The 2018 period of the demo: 2,824 proposals whose stored outcomes reproduce the article's funnel exactly (1,689
 * submitted, 1,463 passed the administrative selection, Top 99, Top 40), the first two being the story's Sheltered
 * Workshop (a winner) and Pesona Surga (Top 99). The generated innovations of the other agencies get their titles
 * and texts from {@link InnovationDemoTexts}; everything is written with batched inserts.
 */
final class InnovationDemo2018 {

    /** What the workshop's unit wrote in 2018 besides its problem and results (the copy of the demo repeats it). */
    static final String WORKSHOP_BASELINE = "Pada 2015 hanya sebagian kecil penerima manfaat balai yang bekerja setelah"
            + " lulus; sebagian besar kembali ke rumah tanpa penghasilan.";

    static final String WORKSHOP_APPROACH = "Balai membuka sheltered workshop bersama pengusaha dan pemerintah desa:"
            + " lulusan bekerja membuat keset, sapu dan kerajinan dengan pendampingan pekerja sosial.";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InnovationDemo2018(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The final state of the i-th of the 2,824 proposals of 2018, the first two being the story's. */
    static ProposalState outcome2018(int i) {
        if (i == 0) {
            return ProposalState.WINNER;
        }
        if (i == 1) {
            return ProposalState.NOT_WINNER;
        }
        int k = i - 2; // 2,822 generated
        if (k < 5) {
            return ProposalState.OUTSTANDING;
        }
        if (k < 6) {
            return ProposalState.TOP_REPLICATION;
        }
        if (k < TOP_FINAL - 1) {
            return ProposalState.WINNER; // 33 here plus the workshop: 34 winners, 5 outstanding, 1 replication = 40
        }
        if (k < TOP_FIRST - 2) {
            return ProposalState.NOT_WINNER; // 58 here plus Pesona Surga = 59
        }
        if (k < PASSED - 2) {
            return ProposalState.NOT_SELECTED;
        }
        if (k < SUBMITTED - 2) {
            return ProposalState.ADMIN_FAILED;
        }
        int rest = k - (SUBMITTED - 2);
        if (rest < 612) {
            return ProposalState.DRAFT;
        }
        if (rest < 612 + 412) {
            return ProposalState.WITH_AGENCY;
        }
        return ProposalState.RETURNED;
    }

    /** The states a proposal passed through to reach {@code target}, starting with the draft. */
    static List<ProposalState> path(ProposalState target) {
        List<ProposalState> full = List.of(
                ProposalState.DRAFT,
                ProposalState.WITH_AGENCY,
                ProposalState.SUBMITTED,
                ProposalState.ADMIN_PASSED,
                ProposalState.ASSIGNED,
                ProposalState.SCORED,
                ProposalState.SHORTLISTED,
                ProposalState.TOP99,
                ProposalState.PRESENTED,
                ProposalState.FIELD_VERIFIED,
                ProposalState.WINNER);
        List<ProposalState> out = new ArrayList<>();
        switch (target) {
            case RETURNED ->
                out.addAll(List.of(ProposalState.DRAFT, ProposalState.WITH_AGENCY, ProposalState.RETURNED));
            case ADMIN_FAILED ->
                out.addAll(List.of(
                        ProposalState.DRAFT,
                        ProposalState.WITH_AGENCY,
                        ProposalState.SUBMITTED,
                        ProposalState.ADMIN_FAILED));
            case NOT_SELECTED -> {
                out.addAll(full.subList(0, 6));
                out.add(ProposalState.NOT_SELECTED);
            }
            case NOT_WINNER -> {
                out.addAll(full.subList(0, 10));
                out.add(ProposalState.NOT_WINNER);
            }
            case OUTSTANDING, TOP_REPLICATION -> {
                out.addAll(full);
                out.add(target);
            }
            default -> out.addAll(full.subList(0, full.indexOf(target) + 1));
        }
        return out;
    }

    void seed(Period period, List<InnovationDemoSeed.DemoAgency> agencies, long kartini, long alyatama) {
        Random random = new Random(2018);
        List<Long> innovationIds = ids("innovation.innovation_id_seq");
        List<Long> proposalIds = ids("innovation.proposal_id_seq");
        List<Object[]> innovations = new ArrayList<>();
        List<Object[]> proposals = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        List<String> categories =
                period.categories().stream().map(Period.Category::code).toList();
        Timestamp base = Timestamp.from(Instant.parse("2018-02-01T02:00:00Z"));
        for (int i = 0; i < ENTERED; i++) {
            ProposalState state = outcome2018(i);
            long unit;
            String title;
            ParticipantType type;
            boolean threeT;
            String problem;
            String baseline = "";
            String approach = "";
            String results;
            ProposalGroup group =
                    state == ProposalState.TOP_REPLICATION ? ProposalGroup.REPLICATION : ProposalGroup.GENERAL;
            LocalDate started = LocalDate.of(2013 + random.nextInt(4), 1 + random.nextInt(12), 1);
            if (i == 0) {
                unit = kartini;
                title = WORKSHOP;
                type = ParticipantType.MINISTRY;
                threeT = false;
                problem = "Penyandang disabilitas netra lulusan balai sulit mendapat pekerjaan dan kembali bergantung"
                        + " pada keluarga.";
                baseline = WORKSHOP_BASELINE;
                approach = WORKSHOP_APPROACH;
                results = "Dua belas sheltered workshop di Jawa Tengah, DI Yogyakarta dan Jawa Timur mempekerjakan"
                        + " penyandang disabilitas di tengah masyarakat.";
            } else if (i == 1) {
                unit = alyatama;
                title = PESONA_SURGA;
                type = ParticipantType.MINISTRY;
                threeT = false;
                problem = "Anak terlantar tinggal lama di panti tanpa pengasuhan keluarga.";
                results = "Anak-anak kembali diasuh keluarga atau keluarga pengganti di sebelas kabupaten/kota di"
                        + " Jambi.";
            } else {
                InnovationDemoSeed.DemoAgency agency = agencies.get(random.nextInt(agencies.size()));
                unit = agency.id();
                type = agency.type();
                threeT = agency.threeT();
                InnovationDemoTexts.Subject subject = InnovationDemoTexts.subject(random);
                title = InnovationDemoTexts.title(random, subject, i + 1);
                InnovationDemoTexts.Text text =
                        InnovationDemoTexts.text(random, subject, agency.shortName(), started.getYear(), List.of());
                problem = text.problem();
                baseline = text.baseline();
                approach = text.approach();
                results = text.results();
            }
            if (state == ProposalState.ADMIN_FAILED && random.nextInt(3) == 0) {
                started = LocalDate.of(2017, 9, 1);
            }
            innovations.add(new Object[] {
                innovationIds.get(i),
                unit,
                title,
                Date.valueOf(started),
                problem,
                baseline,
                approach,
                results,
                "SDG1,SDG10",
                "",
                type.name(),
                threeT
            });
            BigDecimal assessment = null;
            BigDecimal presentation = null;
            BigDecimal field = null;
            BigDecimal decision = null;
            int rankBand = i < 2 ? (i == 0 ? 30 : 70) : i - 2;
            if (Panel.RANKED.contains(state)) {
                double score = ProposalState.TOP99_OR_LATER.contains(state)
                        ? 97.5 - rankBand * 0.1
                        : 85.5 - (rankBand - TOP_FIRST) * 0.015;
                assessment = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
            }
            if (ProposalState.TOP99_OR_LATER.contains(state)) {
                presentation = BigDecimal.valueOf(80 + random.nextInt(20));
                field = BigDecimal.valueOf(75 + random.nextInt(25));
                double d = ProposalState.WINNERS.contains(state) ? 95 - rankBand * 0.1 : 85 - rankBand * 0.05;
                decision = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
            }
            String reasons = state == ProposalState.ADMIN_FAILED
                    ? (started.getYear() == 2017
                            ? "UNDER_ONE_YEAR"
                            : (random.nextBoolean() ? "INCOMPLETE" : "PERFUNCTORY"))
                    : "";
            proposals.add(new Object[] {
                proposalIds.get(i),
                period.id(),
                innovationIds.get(i),
                unit,
                group.name(),
                categories.get(random.nextInt(categories.size())),
                state.name(),
                reasons,
                assessment,
                assessment,
                presentation,
                field,
                decision
            });
            List<ProposalState> steps = path(state);
            for (int s = 0; s < steps.size(); s++) {
                ProposalState step = steps.get(s);
                transitions.add(new Object[] {
                    proposalIds.get(i),
                    s == 0 ? null : steps.get(s - 1).name(),
                    step.name(),
                    actorName(step),
                    actorRole(step),
                    step == ProposalState.ADMIN_FAILED ? reasons : null,
                    new Timestamp(base.getTime() + s * 86_400_000L * 10 + i * 1000L)
                });
            }
        }
        template.batchUpdate("""
                insert into innovation.innovation (id, unit_id, title, started_on, problem, baseline, approach,
                    results, sdg_tags, priority_tags, participant_type, three_t)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, innovations);
        template.batchUpdate("""
                insert into innovation.proposal (id, period_id, innovation_id, unit_id, grp, category_code, state,
                    fail_reasons, assessment_score, normalised_score, presentation_score, field_score, decision_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, proposals);
        template.batchUpdate("""
                insert into innovation.proposal_transition (proposal_id, from_state, to_state, actor_name,
                    actor_role, reason, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, transitions);
        template.batchUpdate(
                "insert into innovation.announcement (period_id, kind, number, issued_on, issued_by) values (?, ?, ?, "
                        + "?, ?)",
                List.of(
                        new Object[] {
                            period.id(), "SCREENING", "DEMO/ADM/2018", Date.valueOf("2018-04-10"), "sekretariat"
                        },
                        new Object[] {period.id(), "TOP99", "DEMO/KEP/99/2018", Date.valueOf("2018-05-15"), "panelis"},
                        new Object[] {period.id(), "WINNERS", "DEMO/KEP/40/2018", Date.valueOf("2018-06-08"), "panelis"
                        }));
    }

    static String actorName(ProposalState step) {
        return switch (step) {
            case DRAFT, WITH_AGENCY, WITHDRAWN -> "operator";
            case RETURNED, SUBMITTED -> "verifikator";
            case ADMIN_PASSED, ADMIN_FAILED, ASSIGNED -> "sekretariat";
            case SCORED -> "evaluator";
            default -> "panelis";
        };
    }

    static String actorRole(ProposalState step) {
        return switch (step) {
            case DRAFT, WITH_AGENCY, WITHDRAWN -> Role.UNIT_OPERATOR.name();
            case RETURNED, SUBMITTED -> Role.AGENCY_VERIFIER.name();
            case ADMIN_PASSED, ADMIN_FAILED, ASSIGNED -> Role.SECRETARIAT.name();
            case SCORED -> Role.EVALUATOR.name();
            default -> Role.PANELIST.name();
        };
    }

    private List<Long> ids(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "') from generate_series(1, ?)")
                .param(ENTERED)
                .query(Long.class)
                .list();
    }
}
