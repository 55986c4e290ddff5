package id.peduli.workshop;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.Role;
import id.peduli.access.Users;
import id.peduli.platform.DemoSeed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social worker of BBRSBG Kartini ({@code pekerja.kartini}, seed {@code workshop-staff-v1}) records placements and
 * their follow-ups at the centre's sites, on the page and through the API; the social worker of another centre
 * ({@code pekerja.alyatama}) gets "not found" for the same site and placement.
 */
@PeduliTest
class WorkshopStaffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String WORKER = WorkshopStaffDemoSeed.SOCIAL_WORKER;
    static final String OTHER_WORKER = "pekerja.alyatama";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    WorkshopStaffDemoSeed seed;

    @Test
    void theDemoHasASocialWorkerOfTheCentreThatRunsTheSites() {
        assertThat(seed.accounts()).containsExactly(new DemoSeed.Account(WORKER, Role.SOCIAL_WORKER.name()));
        long centre = WorkshopTestSupport.unit(context, "BBRSBG Kartini Temanggung");
        assertThat(users.findByUsername(WORKER)).hasValueSatisfying(user -> {
            assertThat(user.grants()).singleElement().satisfies(g -> {
                assertThat(g.role()).isEqualTo(Role.SOCIAL_WORKER);
                assertThat(g.unitId()).isEqualTo(centre);
            });
        });
        // loading again (a database of an earlier version) adds nothing
        long grants = jdbc.sql("select count(*) from access.role_grant")
                .query(Long.class)
                .single();
        WorkshopTestSupport.asUser(context, "admin", () -> {
            seed.load();
            return null;
        });
        assertThat(jdbc.sql("select count(*) from access.role_grant")
                        .query(Long.class)
                        .single())
                .isEqualTo(grants);
    }

    @Test
    void theCentresWorkerRecordsAPlacementAndFollowUpAndAnotherCentresWorkerFindsNothing() throws Exception {
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Pekerja Sosial");
        LocalDate start = Today.date().minusDays(100);
        Participant sari =
                WorkshopTestSupport.participant(context, mvc, site, "Sari Uji Pekerja", start.minusMonths(4));
        String body = "{\"participantId\":" + sari.enrolmentId() + ",\"employerName\":\"Percetakan Sinar Pagi\","
                + "\"kind\":\"COMPETITIVE\",\"startedOn\":\"" + start + "\",\"monthlyWage\":1400000,"
                + "\"hoursPerWeek\":30}";

        // another centre's worker: the site and the form answer as missing, and nothing is written
        mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/placements"), context, OTHER_WORKER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workshop/sites/" + site + "/placements")
                        .with(as(context, OTHER_WORKER))
                        .with(csrf())
                        .param("participantId", String.valueOf(sari.enrolmentId()))
                        .param("employerName", "Percetakan Sinar Pagi")
                        .param("kind", "COMPETITIVE")
                        .param("startedOn", start.toString())
                        .param("monthlyWage", "1400000")
                        .param("hoursPerWeek", "30"))
                .andExpect(status().isNotFound());
        assertThat(placements(site)).isZero();

        // the centre's worker records it through the API
        MvcResult created = mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/placements"), context, WORKER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode placement = JSON.readTree(created.getResponse().getContentAsString());
        long id = placement.get("id").asLong();
        long ninety = placement.get("followUps").get(1).get("id").asLong();
        assertThat(placements(site)).isOne();

        // the other centre's worker can neither read it nor record its follow-up
        mvc.perform(bearer(get("/api/v1/workshop/placements/" + id), context, OTHER_WORKER))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(post("/api/v1/workshop/placements/" + id + "/follow-ups/" + ninety), context, OTHER_WORKER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doneOn\":\"" + start.plusDays(92) + "\",\"stillEmployed\":true}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workshop/placements/" + id + "/follow-ups/" + ninety)
                        .with(as(context, OTHER_WORKER))
                        .with(csrf())
                        .param("doneOn", start.plusDays(92).toString())
                        .param("stillEmployed", "true"))
                .andExpect(status().isNotFound());
        assertThat(doneOn(ninety)).isNull();

        // the centre's worker sees the site page with the forms and records the 90-day follow-up there
        String page = mvc.perform(get("/workshop/sites/" + site).with(as(context, WORKER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"placementForm\"").contains("id=\"fuDate" + ninety + "\"");
        mvc.perform(post("/workshop/placements/" + id + "/follow-ups/" + ninety)
                        .with(as(context, WORKER))
                        .with(csrf())
                        .param("doneOn", start.plusDays(92).toString())
                        .param("stillEmployed", "true")
                        .param("wage", "1450000"))
                .andExpect(status().is3xxRedirection());
        assertThat(doneOn(ninety)).isEqualTo(start.plusDays(92));
        mvc.perform(bearer(get("/api/v1/workshop/placements/" + id), context, WORKER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followUps[1].stillEmployed").value(true))
                .andExpect(jsonPath("$.followUps[1].wage").value(1450000));
    }

    private long placements(long site) {
        return jdbc.sql("select count(*) from workshop.placement where site_id = ?")
                .param(site)
                .query(Long.class)
                .single();
    }

    private LocalDate doneOn(long followUp) {
        return jdbc.sql("select done_on from workshop.follow_up where id = ?")
                .param(followUp)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list()
                .get(0);
    }
}
