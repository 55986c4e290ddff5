package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.Today;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.period.PeriodForm;
import id.peduli.innovation.period.Periods;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Proposals at the presentation stage (S6) for the stage tests, each in a period of its own. */
final class PresentationTestData {

    private PresentationTestData() {}

    /** A Top 99 proposal of the demo operator's unit in a period of its own, with its presentation scheduled. */
    static long scheduled(ApplicationContext context, MockMvc mvc, String title) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int year = jdbc.sql("select coalesce(max(year), 2089) + 1 from innovation.period where year between 2090 and "
                        + "2098")
                .query(Integer.class)
                .single();
        long period = InnovationTestSupport.as(
                context,
                "sekretariat",
                () -> context.getBean(Periods.class)
                        .create(PeriodForm.defaults(year))
                        .id());
        long unit = CompetitionTestData.unit(context, "Dinas Sosial Kabupaten Temanggung");
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2019-01-01') returning id")
                .params(unit, title + " " + year)
                .query(Long.class)
                .single();
        long id =
                jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state, assessment_score,
                            normalised_score)
                        values (?, ?, ?, 'GENERAL', 'TOP99', 88, 90) returning id
                        """).params(period, innovation, unit).query(Long.class).single();
        mvc.perform(post("/innovation/proposals/" + id + "/presentation/schedule")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("date", Today.date().minusDays(3).toString())
                        .param("time", "10:00")
                        .param("link", "https://meet.example.go.id/kipp"))
                .andExpect(status().is3xxRedirection());
        return id;
    }
}
