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
import id.peduli.organization.Organizations;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S9 follow-up of a registered replication: the replicating unit's operator and verifier and the secretariat change
 * its status and report results with the version they read; every change lands in the history and the audit log;
 * refusals are clear, write nothing and are audited; a caller without the replication in scope is told it does not
 * exist, and other roles are refused.
 */
@PeduliTest
class ReplicationFollowUpTests {

    static final String TEMANGGUNG = "Dinas Sosial Kabupaten Temanggung";

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
    void theOperatorChangesTheStatusOnThePageAndItIsKeptInTheHistoryAndAudited() throws Exception {
        long id = replication(TEMANGGUNG);
        mvc.perform(get("/innovation/replications/" + id).with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"statusForm\"")))
                .andExpect(content().string(Matchers.containsString("Belum ada perubahan")));
        mvc.perform(post("/innovation/replications/" + id + "/status")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("status", "COMPLETED")
                        .param("note", "Layanan sudah berjalan penuh di tiga kecamatan.")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("COMPLETED");
        String page = mvc.perform(get("/innovation/replications/" + id).with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // words, not codes: the history says "from Running to Completed" in the reader's language
        assertThat(page)
                .contains("Status: dari Berjalan menjadi Selesai", "tiga kecamatan", "operator.temanggung")
                .doesNotContain(">COMPLETED<", ">RUNNING<");
        assertThat(audited(id, "REPLICATION_FOLLOW_UP")).isEqualTo(1);
        // stopping needs a reason: refused on the page with the message, nothing written, refusal audited
        mvc.perform(post("/innovation/replications/" + id + "/status")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("status", "STOPPED")
                        .param("version", "1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Jelaskan mengapa replikasi dihentikan.")));
        assertThat(statusOf(id)).isEqualTo("COMPLETED");
        assertThat(audited(id, "INNOVATION_REFUSED")).isEqualTo(1);
        // the same status again is refused too
        mvc.perform(post("/innovation/replications/" + id + "/status")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("status", "COMPLETED")
                        .param("version", "1"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void theVerifierReportsAResultWithAFigureOverTheApiAndAStaleVersionIsRefused() throws Exception {
        long id = replication(TEMANGGUNG);
        LocalDate reported = Today.date().minusDays(2);
        mvc.perform(bearer(post("/api/v1/innovation/replications/" + id + "/results"), context, "verifikator.jateng")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reportedOn": "%s", "text": "Penerima manfaat bertambah.", "figure": 120,
                                 "figureLabel": "penerima manfaat", "version": 0}
                                """.formatted(reported)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replication.version").value(1))
                .andExpect(jsonPath("$.history[0].kind").value("RESULT"))
                .andExpect(jsonPath("$.history[0].figure").value(Matchers.hasToString(Matchers.startsWith("120"))))
                .andExpect(jsonPath("$.history[0].figureLabel").value("penerima manfaat"))
                .andExpect(jsonPath("$.history[0].reportedOn").value(reported.toString()))
                .andExpect(jsonPath("$.history[0].recordedBy").value("verifikator.jateng"));
        // someone changed it since version 0: 409, nothing written
        mvc.perform(bearer(post("/api/v1/innovation/replications/" + id + "/status"), context, "operator.temanggung")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"STOPPED\", \"note\": \"Anggaran habis\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.staleVersion"));
        assertThat(statusOf(id)).isEqualTo("RUNNING");
        // a label without a figure, a date in the future, a date before the start: refused, nothing written
        String bad = """
                {"reportedOn": "%s", "text": "Hasil", "figure": %s, "figureLabel": "%s", "version": 1}
                """;
        for (String body : new String[] {
            bad.formatted(reported, "null", "orang"),
            // tomorrow where the competition keeps its dates (Asia/Jakarta), whatever the machine's time zone
            bad.formatted(
                    LocalDate.now(java.time.ZoneId.of(context.getEnvironment().getProperty("peduli.time-zone")))
                            .plusDays(1),
                    "null",
                    ""),
            bad.formatted("2019-01-01", "null", ""),
            bad.formatted(reported, "-3", "orang")
        }) {
            mvc.perform(bearer(
                                    post("/api/v1/innovation/replications/" + id + "/results"),
                                    context,
                                    "verifikator.jateng")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isUnprocessableEntity());
        }
        assertThat(events(id)).isEqualTo(1);
        assertThat(audited(id, "INNOVATION_REFUSED")).isEqualTo(5);
        // the audit holds the date of the result, never its text
        assertThat(jdbc.sql("select changes::text from audit.entry where action = 'REPLICATION_FOLLOW_UP' and "
                                + "subject_id = ?")
                        .param(String.valueOf(id))
                        .query(String.class)
                        .single())
                .contains(reported.toString())
                .doesNotContain("Penerima manfaat bertambah");
    }

    @Test
    void thePublicCatalogueShowsTheLatestReportedResultOfEachReplication() throws Exception {
        long id = replication(TEMANGGUNG);
        long source = jdbc.sql("select source_innovation_id from innovation.replication where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        jdbc.sql("update innovation.replication set results = 'Baru mulai.' where id = ?")
                .param(id)
                .update();
        // before any report: the results given at registration, with no date
        mvc.perform(get("/api/v1/innovation/catalogue/" + source))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replications[?(@.adopter == '" + TEMANGGUNG + "')].results")
                        .value(Matchers.contains("Baru mulai.")))
                .andExpect(jsonPath("$.replications[?(@.adopter == '" + TEMANGGUNG + "')].resultsAsOf")
                        .value(Matchers.contains(Matchers.nullValue())));
        // two reports, the later one entered first: the catalogue shows the one of the latest day
        int version = 0;
        for (String[] report : new String[][] {
            {Today.date().minusDays(3).toString(), "Dua desa ikut.", "2", "desa"},
            {Today.date().minusDays(30).toString(), "Satu desa ikut.", "1", "desa"}
        }) {
            mvc.perform(bearer(
                                    post("/api/v1/innovation/replications/" + id + "/results"),
                                    context,
                                    "operator.temanggung")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"reportedOn": "%s", "text": "%s", "figure": %s, "figureLabel": "%s", "version": %d}
                                    """.formatted(report[0], report[1], report[2], report[3], version++)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/innovation/catalogue/" + source))
                .andExpect(jsonPath("$.replications[?(@.adopter == '" + TEMANGGUNG + "')].results")
                        .value(Matchers.contains("Dua desa ikut.")))
                .andExpect(jsonPath("$.replications[?(@.adopter == '" + TEMANGGUNG + "')].resultsAsOf")
                        .value(Matchers.contains(Today.date().minusDays(3).toString())))
                .andExpect(jsonPath("$.replications[?(@.adopter == '" + TEMANGGUNG + "')].figureLabel")
                        .value(Matchers.contains("desa")));
        mvc.perform(get("/public/innovation/catalogue/" + source)
                        .cookie(new jakarta.servlet.http.Cookie("peduli_lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Latest results")))
                .andExpect(content().string(Matchers.containsString("Dua desa ikut.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Satu desa ikut."))))
                .andExpect(content().string(Matchers.containsString("Result as of ")));
    }

    @Test
    void theSecretariatSeesAndFollowsUpEveryReplication() throws Exception {
        long id = replication("PSAA Alyatama Jambi");
        mvc.perform(get("/innovation/replications").with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/innovation/replications/" + id)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"replicationForm\""))));
        mvc.perform(bearer(post("/api/v1/innovation/replications/" + id + "/status"), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"STOPPED\", \"note\": \"Dilaporkan berhenti oleh dinas.\", "
                                + "\"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replication.status").value("STOPPED"))
                .andExpect(jsonPath("$.history[0].statusFrom").value("RUNNING"))
                .andExpect(jsonPath("$.history[0].statusTo").value("STOPPED"));
        mvc.perform(bearer(get("/api/v1/innovation/replications/" + id), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replication.adopterUnit").value("PSAA Alyatama Jambi"));
    }

    @Test
    void aReplicationOutsideTheCallersUnitsAnswersAsAMissingOneAndOtherRolesAreRefused() throws Exception {
        long id = replication("PSAA Alyatama Jambi");
        long missing = jdbc.sql("select coalesce(max(id), 0) + 1000 from innovation.replication")
                .query(Long.class)
                .single();
        for (String user : new String[] {"operator.temanggung", "verifikator.jateng"}) {
            String outside = mvc.perform(get("/innovation/replications/" + id).with(as(context, user)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String none = mvc.perform(get("/innovation/replications/" + missing).with(as(context, user)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // the same page, but for the path it was asked for and the per-request CSRF token
            assertThat(outside.replace("/innovation/replications/" + id, "PATH").replaceAll("(?m)^.*csrf.*$", ""))
                    .isEqualTo(none.replace("/innovation/replications/" + missing, "PATH")
                            .replaceAll("(?m)^.*csrf.*$", ""));
            assertThat(outside).doesNotContain("PSAA Alyatama Jambi");
            mvc.perform(bearer(get("/api/v1/innovation/replications/" + id), context, user))
                    .andExpect(status().isNotFound());
            mvc.perform(bearer(post("/api/v1/innovation/replications/" + id + "/status"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\": \"COMPLETED\", \"version\": 0}"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/innovation/replications/" + id + "/results")
                            .with(as(context, user))
                            .with(csrf())
                            .param("reportedOn", Today.date().toString())
                            .param("text", "Hasil")
                            .param("version", "0"))
                    .andExpect(status().isNotFound());
        }
        for (String user : new String[] {"panelis", "evaluator", "manajer.kartini"}) {
            mvc.perform(get("/innovation/replications/" + id).with(as(context, user)))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/innovation/replications/" + id + "/status"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\": \"COMPLETED\", \"version\": 0}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(statusOf(id)).isEqualTo("RUNNING");
        assertThat(events(id)).isZero();
    }

    @Test
    void aReplicationGroupProposalOfTheSameUnitAndSourceLinksToTheReplicationAndBack() throws Exception {
        long id = replication(TEMANGGUNG);
        long unit = unitId(TEMANGGUNG);
        long source = jdbc.sql("select source_innovation_id from innovation.replication where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        long linked = proposal(unit, "REPLICATION", source, "Replikasi Tautan Temanggung");
        long general = proposal(unit, "GENERAL", source, "Umum Tanpa Tautan Temanggung");
        // a source that only another unit replicated: no link for Temanggung's proposal
        long otherSource = jdbc.sql("select source_innovation_id from innovation.replication where id = ?")
                .param(replication("PSAA Alyatama Jambi", unit))
                .query(Long.class)
                .single();
        long unlinked = proposal(unit, "REPLICATION", otherSource, "Replikasi Lain Temanggung");

        for (String user : new String[] {"operator.temanggung", "verifikator.jateng", "sekretariat"}) {
            mvc.perform(get("/innovation/proposals/" + linked).with(as(context, user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"proposalReplication\"")))
                    .andExpect(content().string(Matchers.containsString("Replikasi tercatat: Berjalan")))
                    .andExpect(
                            content().string(Matchers.containsString("href=\"/innovation/replications/" + id + "\"")));
        }
        // the panel reads the proposal and sees that a replication is registered, without a link to a page it
        // may not open
        mvc.perform(get("/innovation/proposals/" + linked).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"proposalReplication\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"replicationLink\""))));
        for (long other : new long[] {general, unlinked}) {
            mvc.perform(get("/innovation/proposals/" + other).with(as(context, "operator.temanggung")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"proposalReplication\""))));
        }
        // the API says the same: the link on the replication-group proposal of that source, none on the others
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + linked), context, "operator.temanggung"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replication.id").value(id))
                .andExpect(jsonPath("$.replication.status").value("RUNNING"));
        for (long other : new long[] {general, unlinked}) {
            mvc.perform(bearer(get("/api/v1/innovation/proposals/" + other), context, "operator.temanggung"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.replication").doesNotExist());
        }
        // and back: the replication shows the replication-group proposal only
        mvc.perform(get("/innovation/replications/" + id).with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/innovation/proposals/" + linked + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/innovation/proposals/" + general))));
        mvc.perform(bearer(get("/api/v1/innovation/replications/" + id), context, "verifikator.jateng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals.length()").value(1))
                .andExpect(jsonPath("$.proposals[0].id").value(linked))
                .andExpect(jsonPath("$.proposals[0].state").value("DRAFT"));
        // drafting: the operator can pick the source among the replications the unit registered
        mvc.perform(get("/innovation/proposals/new").with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("list=\"replicationSources\"")))
                .andExpect(content().string(Matchers.containsString("<option value=\"" + source + "\"")));
        mvc.perform(get("/innovation/proposals/" + linked).with(as(context, "operator.temanggung")))
                .andExpect(content().string(Matchers.containsString("<option value=\"" + source + "\"")));
    }

    private long unitId(String unitName) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(unitName))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A draft proposal of the current period by {@code unit} in {@code group} naming {@code source}. */
    private long proposal(long unit, String group, long source, String title) {
        long innovation = jdbc.sql("insert into innovation.innovation (unit_id, title, started_on) values (?, ?, "
                        + "date '2020-01-01') returning id")
                .params(unit, title)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into innovation.proposal (period_id, innovation_id, unit_id, grp, state,
                            source_innovation_id)
                        values (?, ?, ?, ?, 'DRAFT', ?) returning id
                        """)
                .params(InnovationTestSupport.currentPeriod(jdbc), innovation, unit, group, source)
                .query(Long.class)
                .single();
    }

    /** A fresh replication by unit {@code unitName} of a winning innovation it has not replicated yet. */
    private long replication(String unitName) {
        return replication(unitName, null);
    }

    /** The same, of a source that unit {@code notReplicatedBy} (when given) has not replicated either. */
    private long replication(String unitName, Long notReplicatedBy) {
        long unit = unitId(unitName);
        long source = jdbc.sql("""
                        select i.id from innovation.innovation i
                        where i.unit_id <> :unit
                          and exists (select 1 from innovation.proposal p where p.innovation_id = i.id
                                      and p.state in ('WINNER', 'OUTSTANDING', 'TOP_REPLICATION'))
                          and not exists (select 1 from innovation.replication r where r.source_innovation_id = i.id
                                          and r.adopter_unit_id in (:unit, :other))
                        order by i.id limit 1
                        """)
                .param("unit", unit)
                .param("other", notReplicatedBy == null ? unit : notReplicatedBy)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into innovation.replication (source_innovation_id, adopter_unit_id, started_on,
                            adaptation, status)
                        values (?, ?, date '2024-01-15', 'Disesuaikan untuk layanan kabupaten.', 'RUNNING')
                        returning id
                        """).params(source, unit).query(Long.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from innovation.replication where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long events(long id) {
        return jdbc.sql("select count(*) from innovation.replication_event where replication_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long audited(long id, String action) {
        return jdbc.sql("select count(*) from audit.entry where action = ? and subject_type = 'Replication' and "
                        + "subject_id = ?")
                .params(action, String.valueOf(id))
                .query(Long.class)
                .single();
    }
}
