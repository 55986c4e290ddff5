package id.peduli.innovation.proposal;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.demo.InnovationDemoSeed;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The competition through its pages and API with the demo data: the funnel of 2018, the way of a proposal from the
 * unit through the agency to the ministry, scope before load, the administrative selection with notifications,
 * scoring, and the public objection page.
 */
@PeduliTest
class InnovationTests {

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
    void theDemoSeedReproducesTheFunnelOf2018() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        select p.state, count(*) from innovation.proposal p join innovation.period per
                            on per.id = p.period_id where per.year = 2018 group by p.state
                        """).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        long entered = counts.values().stream().mapToLong(Long::longValue).sum();
        long submitted = counts.entrySet().stream()
                .filter(e -> ProposalState.valueOf(e.getKey()).submitted())
                .mapToLong(Map.Entry::getValue)
                .sum();
        long passed = submitted - counts.getOrDefault("ADMIN_FAILED", 0L);
        long top99 = counts.entrySet().stream()
                .filter(e -> ProposalState.TOP99_OR_LATER.contains(ProposalState.valueOf(e.getKey())))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long top40 = counts.entrySet().stream()
                .filter(e -> ProposalState.WINNERS.contains(ProposalState.valueOf(e.getKey())))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(entered).isEqualTo(2824);
        assertThat(submitted).isEqualTo(1689);
        assertThat(passed).isEqualTo(1463);
        assertThat(top99).isEqualTo(99);
        assertThat(top40).isEqualTo(40);
        assertThat(stateOf(InnovationDemoSeed.WORKSHOP, 2018)).isEqualTo("WINNER");
        assertThat(unitOf(InnovationDemoSeed.WORKSHOP)).isEqualTo("BBRSBG Kartini Temanggung");
        assertThat(stateOf(InnovationDemoSeed.PESONA_SURGA, 2018)).isEqualTo("NOT_WINNER");
        assertThat(unitOf(InnovationDemoSeed.PESONA_SURGA)).isEqualTo("PSAA Alyatama Jambi");
    }

    @Test
    void theOperatorDraftsTheVerifierReturnsThenSubmitsAndBothAreNotified() throws Exception {
        long period = InnovationTestSupport.currentPeriod(jdbc);
        long unit = unitId("Dinas Sosial Kabupaten Temanggung");
        MvcResult created = mvc.perform(
                        bearer(post("/api/v1/innovation/proposals?period=" + period), context, "operator.temanggung")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"unitId": %d, "title": "Layanan Kursi Roda Keliling %d", "startedOn": "2022-02-01",
                                 "group": "GENERAL", "participantType": "REGENCY", "categoryCode": "SOCIAL_PROTECTION",
                                 "sdgTags": "SDG10"}
                                """.formatted(unit, System.nanoTime())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andReturn();
        long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();

        // incomplete: refused, and the refusal is audited
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/send"), context, "operator.temanggung"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'INNOVATION_REFUSED' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isPositive();
        answerAll(id);
        // the autosave page answers with the completeness
        mvc.perform(post("/innovation/proposals/" + id + "/answer")
                        .with(as(context, "operator.temanggung"))
                        .with(csrf())
                        .param("aspect", "LESSONS")
                        .param("answer", "Pelajaran: libatkan keluarga sejak awal dan ukur hasil setiap bulan."))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("11")));
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/send"), context, "operator.temanggung"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITH_AGENCY"));

        // an operator cannot submit to the ministry
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/submit"), context, "operator.temanggung"))
                .andExpect(status().isForbidden());

        // the verifier returns it with a comment (a comment is required)
        mvc.perform(post("/innovation/proposals/" + id + "/return")
                        .with(as(context, "verifikator.jateng"))
                        .with(csrf())
                        .param("comment", " "))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/innovation/proposals/" + id + "/return")
                        .with(as(context, "verifikator.jateng"))
                        .with(csrf())
                        .param("comment", "Lengkapi data dasar jumlah pengguna kursi roda."))
                .andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("RETURNED");
        assertThat(inboxOf("operator.temanggung", id)).contains("innovation.notify.returned");

        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/send"), context, "operator.temanggung"))
                .andExpect(status().isOk());
        // after the deadline nothing can be submitted
        jdbc.sql("update innovation.period set submit_deadline = ?, screening_deadline = ?, assessment_deadline = ? "
                        + "where id = ?")
                .params(
                        Today.date().minusDays(1),
                        Today.date().plusDays(60),
                        Today.date().plusDays(90),
                        period)
                .update();
        LocalDate original;
        try {
            mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/submit"), context, "verifikator.jateng"))
                    .andExpect(status().isConflict());
        } finally {
            original = Today.date().plusDays(45);
            jdbc.sql("update innovation.period set submit_deadline = ? where id = ?")
                    .params(original, period)
                    .update();
        }
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/submit"), context, "verifikator.jateng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
        assertThat(inboxOf("operator.temanggung", id)).contains("innovation.notify.submitted");
        assertThat(inboxOf("verifikator.jateng", id)).contains("innovation.notify.submitted");

        // the secretariat fails it with a reason; the operator learns it
        mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/screen"), context, "sekretariat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pass\": false, \"reasons\": []}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(
                        bearer(post("/api/v1/innovation/proposals/" + id + "/screen"), context, "sekretariat")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"pass\": false, \"reasons\": [\"PERFUNCTORY\"], \"note\": \"Jawaban terlalu umum\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ADMIN_FAILED"))
                .andExpect(jsonPath("$.failReasons[0]").value("PERFUNCTORY"));
        assertThat(inboxOf("operator.temanggung", id)).contains("innovation.notify.failed");
        mvc.perform(get("/innovation/proposals/" + id).with(as(context, "operator.temanggung")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Jawaban asal-asalan")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">PERFUNCTORY<"))));
    }

    @Test
    void aProposalOutsideTheCallersUnitsAnswersLikeAMissingOne() throws Exception {
        long workshop = InnovationTestSupport.proposalTitled(jdbc, InnovationDemoSeed.WORKSHOP, 2018);
        String outside = mvc.perform(get("/api/v1/innovation/proposals/" + workshop)
                        .header("Accept-Language", "en")
                        .with(as(context, "operator.temanggung")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = mvc.perform(get("/api/v1/innovation/proposals/" + 987654321L)
                        .header("Accept-Language", "en")
                        .with(as(context, "operator.temanggung")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(outside.replace("/proposals/" + workshop, "/proposals/X"))
                .isEqualTo(missing.replace("/proposals/987654321", "/proposals/X"));
        assertThat(outside).doesNotContain(InnovationDemoSeed.WORKSHOP);
        // the secretariat and the panel see every proposal; a social worker has no business here
        mvc.perform(get("/innovation/proposals/" + workshop).with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(InnovationDemoSeed.WORKSHOP)));
        mvc.perform(get("/innovation/proposals/" + workshop).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSecretariatSeesWhatTheSystemSuggestsIncludingANearDuplicateOfAnEarlierYear() throws Exception {
        long current = InnovationTestSupport.currentPeriod(jdbc);
        int year = jdbc.sql("select year from innovation.period where id = ?")
                .param(current)
                .query(Integer.class)
                .single();
        long copy = InnovationTestSupport.proposalTitled(jdbc, InnovationDemoSeed.WORKSHOP, year);
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + copy + "/advice"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggested", Matchers.hasItem("DUPLICATE")))
                .andExpect(jsonPath("$.similar[0].year").value(2018));
        long young = InnovationTestSupport.proposalTitled(jdbc, "Aplikasi Antrean Puskesmas Tanpa Antre", year);
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + young + "/advice"), context, "sekretariat"))
                .andExpect(jsonPath("$.suggested", Matchers.hasItem("UNDER_ONE_YEAR")));
        mvc.perform(get("/innovation/proposals/" + copy).with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"similarTable\"")));
    }

    @Test
    void theEvaluatorScoresOnlyAssignedProposalsOnTheScale() throws Exception {
        MvcResult list = mvc.perform(bearer(get("/api/v1/innovation/evaluations"), context, "evaluator"))
                .andExpect(status().isOk())
                .andReturn();
        java.util.List<Integer> ids =
                JsonPath.read(list.getResponse().getContentAsString(), "$[?(@.proposalState == 'ASSIGNED')].id");
        assertThat(ids).isNotEmpty();
        long assignment = ids.get(0);
        mvc.perform(bearer(post("/api/v1/innovation/evaluations/" + assignment + "/scores"), context, "evaluator")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {\"BACKGROUND\": 11}}"))
                .andExpect(status().isUnprocessableEntity());
        StringBuilder all = new StringBuilder();
        for (String aspect : new String[] {
            "BACKGROUND",
            "CATEGORY_FIT",
            "SDG_PRIORITY",
            "DESCRIPTION",
            "INNOVATIVENESS",
            "TRANSFERABILITY",
            "RESOURCES",
            "SUSTAINABILITY",
            "RESULTS",
            "STAKEHOLDERS",
            "LESSONS"
        }) {
            // 7 on every aspect: 70, outside the ±5 around the pass mark, so no second evaluator is needed
            all.append(all.isEmpty() ? "" : ",").append('"').append(aspect).append("\": 7");
        }
        mvc.perform(bearer(post("/api/v1/innovation/evaluations/" + assignment + "/scores"), context, "evaluator")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {" + all + "}, \"comments\": {\"RESULTS\": \"Data hasil meyakinkan\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignment.total").value(70.0))
                .andExpect(jsonPath("$.proposal.state").value("SCORED"));
        // the stage of this proposal is closed now: a change is refused
        mvc.perform(bearer(post("/api/v1/innovation/evaluations/" + assignment + "/scores"), context, "evaluator")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\": {\"BACKGROUND\": 5}}"))
                .andExpect(status().isConflict());
        // another evaluator, or a missing assignment, gets 404
        mvc.perform(get("/innovation/evaluations/" + assignment).with(as(context, "evaluator")))
                .andExpect(status().isOk());
        mvc.perform(get("/innovation/evaluations/" + 987654321L).with(as(context, "evaluator")))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePublicObjectionPageNeedsNoSignInTakesNoSpamAndLimitsEachAddress() throws Exception {
        long proposal = InnovationTestSupport.openObjectionWindow(context, 2040);
        mvc.perform(get("/public/innovation/objections"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Inovasi Masa Sanggah 2040")))
                .andExpect(content().string(Matchers.containsString("name=\"website\"")));
        long before = objections(proposal);
        mvc.perform(objection(proposal, "203.0.113.7").param("website", "http://spam.example"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("objectionSent")));
        assertThat(objections(proposal)).isEqualTo(before);
        for (int i = 0; i < 5; i++) {
            mvc.perform(objection(proposal, "203.0.113.8")).andExpect(status().isOk());
        }
        assertThat(objections(proposal)).isEqualTo(before + 5);
        mvc.perform(objection(proposal, "203.0.113.8"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Terlalu banyak sanggahan")));
        assertThat(objections(proposal)).isEqualTo(before + 5);
        // the decree waits for the window
        mvc.perform(post("/innovation/periods/" + periodOf(proposal) + "/decree")
                        .with(as(context, "panelis"))
                        .with(csrf())
                        .param("kind", "TOP99")
                        .param("number", "KEP/2040/99")
                        .param("issuedOn", "2040-06-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", Matchers.containsString("masa sanggah")));
        assertThat(state(proposal)).isEqualTo("SHORTLISTED");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder objection(
            long proposal, String address) {
        return post("/public/innovation/objections")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("proposalId", String.valueOf(proposal))
                .param("name", "Warga Peduli")
                .param("contact", "warga@example.com")
                .param("text", "Inovasi ini sudah berhenti berjalan sejak tahun lalu menurut warga sekitar.");
    }

    private long objections(long proposal) {
        return jdbc.sql("select count(*) from innovation.objection where proposal_id = ?")
                .param(proposal)
                .query(Long.class)
                .single();
    }

    private long periodOf(long proposal) {
        return jdbc.sql("select period_id from innovation.proposal where id = ?")
                .param(proposal)
                .query(Long.class)
                .single();
    }

    @Test
    void theSecretariatCopiesAPeriodWithItsRubricAndEveryDateMovedByTheYears() throws Exception {
        long source = jdbc.sql("select id from innovation.period where year = 2018")
                .query(Long.class)
                .single();
        mvc.perform(post("/innovation/periods/" + source + "/copy")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("year", "2031"))
                .andExpect(status().is3xxRedirection());
        Period copy = context.getBean(Periods.class).byYear(2031).orElseThrow();
        Period original = context.getBean(Periods.class).get(source);
        assertThat(copy.submitDeadline()).isEqualTo(original.submitDeadline().plusYears(13));
        assertThat(copy.aspects()).isEqualTo(original.aspects());
        assertThat(copy.quotaFloors()).isEqualTo(original.quotaFloors());
        assertThat(copy.passMark()).isEqualTo(85);
        // a second copy to the same year is refused with a clear message
        mvc.perform(post("/innovation/periods/" + source + "/copy")
                        .with(as(context, "sekretariat"))
                        .with(csrf())
                        .param("year", "2031"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("sudah ada")));
    }

    @Test
    void everyDeskShowsItsPageInBothLanguagesWithLabelsNotCodes() throws Exception {
        long period = InnovationTestSupport.currentPeriod(jdbc);
        Object[][] pages = {
            {"operator.temanggung", "/innovation", "Draf di unit"},
            {"operator.temanggung", "/innovation/proposals/new", "Buat proposal"},
            {"sekretariat", "/innovation/periods", "Periode kompetisi"},
            {"sekretariat", "/innovation/periods/" + period, "Rubrik penilaian"},
            {"panelis", "/innovation/periods/" + period + "/ranking", "Pengumuman dan keputusan"},
            {"evaluator", "/innovation/evaluations", "Dalam penilaian"},
            {"operator.temanggung", "/innovation/inbox", "Kotak masuk"}
        };
        for (Object[] page : pages) {
            mvc.perform(get((String) page[1]).with(as(context, (String) page[0])))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString((String) page[2])))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(">WITH_AGENCY<"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("innovation.state."))));
        }
        mvc.perform(get("/innovation").header("Accept-Language", "en").with(as(context, "verifikator.jateng")))
                .andExpect(status().isOk());
        long workshop = InnovationTestSupport.proposalTitled(jdbc, InnovationDemoSeed.WORKSHOP, 2018);
        mvc.perform(get("/innovation/proposals/" + workshop + "/certificate").with(as(context, "panelis")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/innovation/proposals/" + workshop + "/pdf").with(as(context, "sekretariat")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    private void answerAll(long id) throws Exception {
        for (String aspect : new String[] {
            "BACKGROUND",
            "CATEGORY_FIT",
            "SDG_PRIORITY",
            "DESCRIPTION",
            "INNOVATIVENESS",
            "TRANSFERABILITY",
            "RESOURCES",
            "SUSTAINABILITY",
            "RESULTS",
            "STAKEHOLDERS",
            "LESSONS"
        }) {
            mvc.perform(bearer(post("/api/v1/innovation/proposals/" + id + "/answers"), context, "operator.temanggung")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"aspect\": \"" + aspect + "\", \"answer\": \"Jawaban lengkap untuk aspek "
                                    + aspect + " dengan data sebelum dan sesudah inovasi.\"}"))
                    .andExpect(status().isOk());
        }
    }

    private String state(long id) {
        return jdbc.sql("select state from innovation.proposal where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String stateOf(String title, int year) {
        return state(InnovationTestSupport.proposalTitled(jdbc, title, year));
    }

    private String unitOf(String title) {
        long unit = jdbc.sql("select unit_id from innovation.innovation where title = ? order by id limit 1")
                .param(title)
                .query(Long.class)
                .single();
        return context.getBean(id.peduli.organization.Organizations.class).name(unit);
    }

    private long unitId(String name) {
        return context.getBean(id.peduli.organization.Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private java.util.List<String> inboxOf(String username, long proposalId) {
        long user = context.getBean(id.peduli.access.Users.class)
                .findByUsername(username)
                .orElseThrow()
                .id();
        return jdbc.sql("select message_key from innovation.notification where recipient_id = ? and proposal_id = ?")
                .params(user, proposalId)
                .query(String.class)
                .list();
    }
}
