package id.peduli.casework;

import id.peduli.platform.DemoSeed;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The case records of the workshop's demo participants (enrolled by the workshop's seed {@code
 * workshop-participants-v1}): a skill assessment with the {@code SW_SKILLS} template on the day each moved to the
 * assessment stage, a second one about five months into the work for every third participant (better scores, so the
 * side-by-side comparison shows change), and a plan with the goals the first assessment suggests ({@link
 * AssessmentGoals}). Reviews fall due over the coming three months, a few already overdue, so the caseload has due
 * things. Everything goes through the case core's own operations, signed in as the demo programme manager.
 */
@Component
class CaseworkCasesSeed implements DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(CaseworkCasesSeed.class);
    private static final String OPERATOR = "manajer.kartini";

    private final Assessments assessments;
    private final AssessmentGoals goals;
    private final Enrolments enrolments;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;

    CaseworkCasesSeed(
            Assessments assessments,
            AssessmentGoals goals,
            Enrolments enrolments,
            UserDetailsService userDetails,
            JdbcClient jdbc) {
        this.assessments = assessments;
        this.goals = goals;
        this.enrolments = enrolments;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "casework-cases-v1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("casework-v1", "workshop-participants-v1");
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public void load() {
        long started = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails operator = userDetails.loadUserByUsername(OPERATOR);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            seed();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        log.info("Demo case records loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** A workshop enrolment without an assessment, with the days it moved to assessment and to intervention. */
    private record Case(long enrolmentId, LocalDate assessedOn, LocalDate workingFrom) {}

    private void seed() {
        AssessmentTemplate template =
                assessments.latest(CaseworkDemoSeed.SKILLS_TEMPLATE).orElse(null);
        if (template == null) {
            return;
        }
        List<Case> cases = jdbc.sql("""
                        select e.id,
                            (select min(t.effective_on) from casework.enrolment_transition t
                             where t.enrolment_id = e.id and t.to_stage = 'ASSESSMENT'),
                            (select min(t.effective_on) from casework.enrolment_transition t
                             where t.enrolment_id = e.id and t.to_stage = 'INTERVENTION')
                        from casework.enrolment e join casework.programme p on p.id = e.programme_id
                        where p.code = ? and e.stage <> 'CLOSED'
                          and not exists (select 1 from casework.assessment a where a.enrolment_id = e.id)
                        order by e.id
                        """)
                .param(CaseworkDemoSeed.SW_PEDULI)
                .query((rs, n) ->
                        new Case(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
        Random random = new Random(20261201L);
        LocalDate today = enrolments.today();
        Locale indonesian = Locale.forLanguageTag("id");
        int n = 0;
        for (Case c : cases) {
            if (c.assessedOn() == null) {
                continue;
            }
            Map<Long, Integer> scores = new HashMap<>();
            int base = 1 + random.nextInt(3);
            for (AssessmentTemplate.Domain domain : template.domains()) {
                int domainBase = Math.min(template.scaleMax(), base + random.nextInt(2));
                for (AssessmentTemplate.Item item : domain.items()) {
                    scores.put(
                            item.id(),
                            Math.max(
                                    template.scaleMin(),
                                    Math.min(template.scaleMax(), domainBase + random.nextInt(2) - 0)));
                }
            }
            AssessmentView first = assessments.record(
                    c.enrolmentId(), template.id(), c.assessedOn(), scores, "Asesmen awal bersama orang tua/wali.");
            LocalDate review = today.plusDays(n % 10 == 0 ? -5 - random.nextInt(15) : 10 + random.nextInt(80));
            goals.plan(c.enrolmentId(), first.id(), review, indonesian);
            LocalDate again = c.workingFrom() == null ? null : c.workingFrom().plusMonths(5);
            if (n % 3 == 0 && again != null && again.isBefore(today)) {
                Map<Long, Integer> better = new HashMap<>();
                scores.forEach((item, score) ->
                        better.put(item, Math.min(template.scaleMax(), score + (random.nextInt(3) == 0 ? 0 : 1))));
                assessments.record(
                        c.enrolmentId(),
                        template.id(),
                        again,
                        better,
                        "Asesmen ulang setelah lima bulan bekerja di rumah produksi.");
            }
            n++;
        }
    }
}
