package id.peduli.innovation.award;

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
import id.peduli.Today;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.demo.InnovationDemoSeed;
import id.peduli.organization.Organizations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S9: the public catalogue of winners (no sign-in, searchable, no personal data), the replication register of unit
 * operators (scope before load, refusals) with the count in the catalogue, and the list of a unit's innovations.
 */
@PeduliTest
class CatalogueReplicationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        InnovationTestSupport.ensureSeed(context);
    }

    @Test
    void theCatalogueIsPublicSearchableAndShowsNoPersonalData() throws Exception {
        long workshop = workshop();
        String page = mvc.perform(get("/public/innovation/catalogue").param("q", "sheltered workshop"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(InnovationDemoSeed.WORKSHOP)))
                .andExpect(content().string(Matchers.containsString("BBRSBG Kartini Temanggung")))
                .andExpect(content().string(Matchers.containsString("/public/innovation/catalogue/" + workshop)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // winners only, and nothing about people: no account names, no demo user
        assertThat(page).doesNotContain(InnovationDemoSeed.PESONA_SURGA, "sekretariat", "panelis", "operator.");
        mvc.perform(get("/public/innovation/catalogue").param("q", "tidak ada kata seperti ini"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(InnovationDemoSeed.WORKSHOP))));
        mvc.perform(get("/public/innovation/catalogue/" + workshop))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("disabilitas netra")));
        // Pesona Surga was Top 99, not a winner: not in the catalogue, same answer as a missing one
        long pesona = jdbc.sql("select id from innovation.innovation where title = ?")
                .param(InnovationDemoSeed.PESONA_SURGA)
                .query(Long.class)
                .single();
        mvc.perform(get("/public/innovation/catalogue/" + pesona)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/innovation/catalogue").param("q", "sheltered"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value(InnovationDemoSeed.WORKSHOP))
                .andExpect(jsonPath("$[0].year").value(2018))
                .andExpect(jsonPath("$[0].award").value("WINNER"))
                .andExpect(jsonPath("$[0].createdBy").doesNotExist());
    }

    @Test
    void anOperatorRegistersAReplicationAndTheCatalogueCountsIt() throws Exception {
        long workshop = workshop();
        long unit = unitId("Dinas Sosial Kabupaten Temanggung");
        int before = replications(workshop);
        mvc.perform(post("/innovation/replications")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("sourceInnovationId", String.valueOf(workshop))
                        .param("adopterUnitId", String.valueOf(unit))
                        .param("startedOn", Today.date().minusMonths(3).toString())
                        .param("status", "RUNNING")
                        .param("adaptation", "Bengkel kerja untuk penyandang disabilitas daksa, bukan netra."))
                .andExpect(status().is3xxRedirection());
        assertThat(replications(workshop)).isEqualTo(before + 1);
        mvc.perform(get("/public/innovation/catalogue/" + workshop))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Dinas Sosial Kabupaten Temanggung")))
                .andExpect(content().string(Matchers.containsString("penyandang disabilitas daksa")));
        mvc.perform(get("/innovation/replications").with(as(context, "verifikator.jateng")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("penyandang disabilitas daksa")));
        // the same again: refused with a clear message, nothing written
        mvc.perform(post("/innovation/replications")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("sourceInnovationId", String.valueOf(workshop))
                        .param("adopterUnitId", String.valueOf(unit))
                        .param("startedOn", Today.date().toString())
                        .param("status", "PLANNED")
                        .param("adaptation", "Lagi"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("sudah mencatat replikasi")));
        assertThat(replications(workshop)).isEqualTo(before + 1);
    }

    @Test
    void aReplicationForAnotherUnitOrOfANonWinnerIsRefused() throws Exception {
        long workshop = workshop();
        long alyatama = unitId("PSAA Alyatama Jambi");
        String body = """
                {"sourceInnovationId": %d, "adopterUnitId": %d, "startedOn": "2025-01-01", "status": "RUNNING",
                 "adaptation": "Disesuaikan"}
                """;
        // a unit outside the operator's scope answers as a missing one
        mvc.perform(bearer(post("/api/v1/innovation/replications"), context, "operator.temanggung")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(workshop, alyatama)))
                .andExpect(status().isNotFound());
        long unit = unitId("Dinas Sosial Kabupaten Temanggung");
        long draft = jdbc.sql("select id from innovation.innovation where title = 'Rumah Singgah Lansia Ngudi Waras'")
                .query(Long.class)
                .single();
        mvc.perform(bearer(post("/api/v1/innovation/replications"), context, "operator.temanggung")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(draft, unit)))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(bearer(post("/api/v1/innovation/replications"), context, "verifikator.jateng")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(workshop, unit)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from innovation.replication where adopter_unit_id = ?")
                        .param(alyatama)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theInnovationListShowsTheUnitsInnovationsWithTheirProposalsPerYear() throws Exception {
        mvc.perform(get("/innovation/innovations").with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Gerai Layanan Disabilitas Terpadu Temanggung")))
                .andExpect(content()
                        .string(Matchers.containsString(">" + Today.date().getYear() + "</a>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(InnovationDemoSeed.PESONA_SURGA))));
        mvc.perform(bearer(get("/api/v1/innovation/innovations"), context, "verifikator.jateng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", Matchers.hasItem("Rumah Singgah Lansia Ngudi Waras")))
                .andExpect(jsonPath("$[*].title", Matchers.not(Matchers.hasItem(InnovationDemoSeed.WORKSHOP))));
        mvc.perform(get("/innovation/innovations").with(as(context, "evaluator")))
                .andExpect(status().isForbidden());
    }

    private long workshop() {
        return jdbc.sql("""
                        select i.id from innovation.innovation i join innovation.proposal p on p.innovation_id = i.id
                        join innovation.period per on per.id = p.period_id where i.title = ? and per.year = 2018
                        """)
                .param(InnovationDemoSeed.WORKSHOP)
                .query(Long.class)
                .single();
    }

    private int replications(long innovation) {
        return jdbc.sql("select count(*) from innovation.replication where source_innovation_id = ?")
                .param(innovation)
                .query(Integer.class)
                .single();
    }

    private long unitId(String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
