package id.peduli.innovation.period;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The period set-up as rows: categories, rubric aspects (name, weight, groups, anchors) and quota floors are sent as
 * fields of rows, checked whole (common weights add up to 100, floors within the first Top and naming something, pass
 * mark 0–100), and a refused form comes back as typed with its error summary. The API keeps its lines.
 */
@PeduliTest
class PeriodSetupTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSetUpPageShowsRowsAndAddsOneThroughHtmx() throws Exception {
        mvc.perform(get("/innovation/periods/new").with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"asp[0].weight\"")))
                .andExpect(content().string(Matchers.containsString("name=\"quota[0].dimension\"")))
                .andExpect(content().string(Matchers.containsString("hx-get=\"/innovation/periods/row?kind=asp\"")))
                .andExpect(content()
                        .string(Matchers.not(Matchers.containsString(
                                "<textarea class=\"form-control" + " font-monospace\" id=\"aspects\""))));
        mvc.perform(get("/innovation/periods/row?kind=quota").with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"quota\\[\\d+]\\.minimum\".*")))
                .andExpect(content().string(Matchers.containsString("Jenis peserta")));
        mvc.perform(get("/innovation/periods/row?kind=cat").with(as(context, "operator.temanggung")))
                .andExpect(status().isForbidden());
    }

    @Test
    void rowsAreSavedWithTheAspectNameAndAnchors() throws Exception {
        int year = freeYear();
        mvc.perform(rows(year, "10", "PARTICIPANT_TYPE", "CITY", "3", "85")).andExpect(status().is3xxRedirection());
        long period = jdbc.sql("select id from innovation.period where year = ?")
                .param(year)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select name || ' / ' || anchors from innovation.rubric_aspect where period_id = ? and "
                                + "code = 'EXTRA'")
                        .param(period)
                        .query(String.class)
                        .single())
                .isEqualTo("Aspek tambahan / 1-3: belum ada bukti\n9-10: terbukti di semua desa");
        assertThat(jdbc.sql("select minimum from innovation.quota_floor where period_id = ? and value = 'CITY'")
                        .param(period)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        // and the page shows the rows again, anchors included
        mvc.perform(get("/innovation/periods/" + period).with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"Aspek tambahan\"")))
                .andExpect(content().string(Matchers.containsString("9-10: terbukti di semua desa")));
    }

    @Test
    void weightsNotAddingUpToAHundredAreRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        int year = freeYear();
        mvc.perform(rows(year, "20", "PARTICIPANT_TYPE", "CITY", "3", "85"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("id=\"formErrors\"")))
                .andExpect(content().string(Matchers.containsString("berjumlah 110")))
                .andExpect(content().string(Matchers.containsString("value=\"Aspek tambahan\"")))
                .andExpect(content().string(Matchers.containsString("value=\"20\"")));
        assertThat(count(year)).isZero();
    }

    @Test
    void quotaFloorsAboveTheFirstTopOrNamingNothingAndAPassMarkAbove100AreRefused() throws Exception {
        int year = freeYear();
        mvc.perform(rows(year, "10", "PARTICIPANT_TYPE", "CITY", "100", "85"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("id=\"formErrors\"")));
        mvc.perform(rows(year, "10", "PARTICIPANT_TYPE", "VILLAGE", "3", "85"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(rows(year, "10", "CATEGORY", "NOT_A_CATEGORY", "3", "85"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(rows(year, "10", "PARTICIPANT_TYPE", "CITY", "3", "101"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("value=\"101.0\"")));
        assertThat(count(year)).isZero();
    }

    @Test
    void theApiStillTakesTheLinesOfThreeCells() throws Exception {
        int year = freeYear();
        PeriodForm d = PeriodForm.defaults(year);
        String body = """
                {"year": %d, "title": "API %d", "registrationOpens": "%s", "unitDeadline": "%s",
                 "submitDeadline": "%s", "screeningDeadline": "%s", "assessmentDeadline": "%s", "objectionDays": 5,
                 "passMark": 85, "topFirst": 99, "topFinal": 40, "weightAssessment": 40, "weightPresentation": 40,
                 "weightField": 20, "categories": "GOVERNANCE | Tata kelola",
                 "aspects": "BACKGROUND | 60 | GENERAL,REPLICATION,SPECIAL\\nRESULTS | 40 | GENERAL,REPLICATION,SPECIAL",
                 "quotaFloors": "THREE_T | true | 5"}
                """.formatted(
                        year,
                        year,
                        d.registrationOpens(),
                        d.unitDeadline(),
                        d.submitDeadline(),
                        d.screeningDeadline(),
                        d.assessmentDeadline());
        mvc.perform(bearer(post("/api/v1/innovation/periods"), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.aspects[0].code").value("BACKGROUND"))
                .andExpect(jsonPath("$.aspects[0].weight").value(60))
                .andExpect(jsonPath("$.aspects[0].name").value(""));
    }

    /**
     * The set-up form as rows: the eleven default aspects of the general rubric with their weights, the changed
     * weight of BACKGROUND (10 by default), an extra aspect of the replication group, and one quota floor.
     */
    private MockHttpServletRequestBuilder rows(
            int year, String backgroundWeight, String dimension, String value, String minimum, String passMark) {
        PeriodForm d = PeriodForm.defaults(year);
        MockHttpServletRequestBuilder request = post("/innovation/periods")
                .with(as(context, "sekretariat"))
                .with(csrf())
                .param("rows", "true")
                .param("year", String.valueOf(year))
                .param("title", "Kompetisi baris " + year)
                .param("registrationOpens", d.registrationOpens().toString())
                .param("unitDeadline", d.unitDeadline().toString())
                .param("submitDeadline", d.submitDeadline().toString())
                .param("screeningDeadline", d.screeningDeadline().toString())
                .param("assessmentDeadline", d.assessmentDeadline().toString())
                .param("objectionDays", "5")
                .param("passMark", passMark)
                .param("topFirst", "99")
                .param("topFinal", "40")
                .param("weightAssessment", "40")
                .param("weightPresentation", "40")
                .param("weightField", "20")
                .param("cat[0].code", "GOVERNANCE")
                .param("cat[0].name", "Tata kelola pemerintahan")
                .param("cat[1].code", "")
                .param("cat[1].name", "");
        int i = 0;
        for (Period.Aspect a : PeriodDefaults.ASPECTS) {
            if (!a.groups().containsAll(PeriodDefaults.ALL)) {
                continue;
            }
            request.param("asp[" + i + "].code", a.code())
                    .param("asp[" + i + "].name", "")
                    .param("asp[" + i + "].weight", a.code().equals("BACKGROUND") ? backgroundWeight : "" + a.weight())
                    .param("asp[" + i + "].groups", "GENERAL", "REPLICATION", "SPECIAL")
                    .param("asp[" + i + "].anchors", "");
            i++;
        }
        return request.param("asp[1764500000000].code", "EXTRA")
                .param("asp[1764500000000].name", "Aspek tambahan")
                .param("asp[1764500000000].weight", "10")
                .param("asp[1764500000000].groups", "REPLICATION")
                .param("asp[1764500000000].anchors", "1-3: belum ada bukti\n\n9-10: terbukti di semua desa")
                .param("quota[0].dimension", dimension)
                .param("quota[0].value", value)
                .param("quota[0].minimum", minimum);
    }

    private long count(int year) {
        return jdbc.sql("select count(*) from innovation.period where year = ?")
                .param(year)
                .query(Long.class)
                .single();
    }

    private synchronized int freeYear() {
        return jdbc.sql("select coalesce(max(year), 2049) + 1 from innovation.period where year between 2050 and 2089")
                .query(Integer.class)
                .single();
    }
}
