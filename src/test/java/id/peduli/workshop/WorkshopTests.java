package id.peduli.workshop;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.workshop.WorkshopTestSupport.MANAGER;
import static id.peduli.workshop.WorkshopTestSupport.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PeduliTest
class WorkshopTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payouts payouts;

    @Test
    void sessionEntriesAreStoredOnceAndRefusedWithAReasonEach() throws Exception {
        long temanggung = WorkshopTestSupport.site(context, "SW Peduli Temanggung");
        long magelang = WorkshopTestSupport.site(context, "SW Peduli Magelang");
        ProductView keset = WorkshopTestSupport.product(context, temanggung, "KST-UJI", 15_000);
        Participant sari = WorkshopTestSupport.participant(
                context, mvc, temanggung, "Sari Uji Sesi", Today.date().minusMonths(2));
        // today: yesterday may lie in last month, which the demo year has frozen
        LocalDate day = Today.date();
        UUID stored = UUID.randomUUID();
        List<Map<String, Object>> entries = List.of(
                entry(stored, temanggung, day, sari.enrolmentId(), keset.id(), 12, 90, 2),
                entry(
                        UUID.randomUUID(),
                        temanggung,
                        Today.date().plusDays(1),
                        sari.enrolmentId(),
                        keset.id(),
                        3,
                        10,
                        0),
                entry(UUID.randomUUID(), temanggung, day, sari.enrolmentId(), keset.id(), 0, 10, 0),
                entry(UUID.randomUUID(), magelang, day, sari.enrolmentId(), keset.id(), 4, 10, 0),
                entry(UUID.randomUUID(), temanggung, day, 987_654_321L, keset.id(), 4, 10, 0));

        JsonNode results = batch(MENTOR, entries, "id");

        assertThat(results.get(0).get("status").asText()).isEqualTo("STORED");
        assertThat(results.get(1).get("reason").asText()).isEqualTo("workshop.entry.futureDate");
        assertThat(results.get(1).get("message").asText()).isEqualTo("Tanggal sesi tidak boleh di masa depan.");
        assertThat(results.get(2).get("reason").asText()).isEqualTo("workshop.entry.quantityPositive");
        assertThat(results.get(3).get("reason").asText()).isEqualTo("workshop.entry.otherSite");
        assertThat(results.get(4).get("reason").asText()).isEqualTo("workshop.entry.participantLeft");
        for (int i = 1; i < 5; i++) {
            assertThat(results.get(i).get("status").asText()).isEqualTo("REFUSED");
        }
        assertThat(records(stored)).isEqualTo(1);

        JsonNode again = batch(MENTOR, List.of(entries.get(0), entries.get(1)), "en");
        assertThat(again.get(0).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.get(1).get("message").asText()).isEqualTo("The session date cannot be in the future.");
        assertThat(records(stored)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from workshop.production_record where site_id = ? and entry_id = ?")
                        .param(magelang)
                        .param(UUID.fromString((String) entries.get(3).get("entryId")))
                        .query(Long.class)
                        .single())
                .isZero();
        // the page posts the same batch with its session: the entry is still recorded once
        mvc.perform(post("/workshop/sessions/batch")
                        .with(as(context, MENTOR))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("entries", List.of(entries.get(0))))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("DUPLICATE"));
        assertThat(records(stored)).isEqualTo(1);
    }

    @Test
    void aPayoutRunAddsUpIsApprovedAndThenFrozen() throws Exception {
        // not a demo site: the demo year has frozen last month's payouts of those
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Pembayaran");
        ProductView keset = WorkshopTestSupport.product(context, site, "KST-BAYAR", 20_000);
        YearMonth month = Today.month().minusMonths(1);
        Participant ani = WorkshopTestSupport.participant(context, mvc, site, "Ani Uji Bayar", month.atDay(1));
        Participant budi = WorkshopTestSupport.participant(context, mvc, site, "Budi Uji Bayar", month.atDay(1));
        WorkshopTestSupport.asUser(
                context,
                MANAGER,
                () -> payouts.storeRule(
                        site,
                        new EarningsRuleCommand(
                                month, EarningsRule.Kind.PIECE_RATE, 10, null, null, Map.of(keset.id(), 333L))));
        batch(
                MANAGER,
                List.of(
                        entry(UUID.randomUUID(), site, month.atDay(3), ani.enrolmentId(), keset.id(), 10, 120, 1),
                        entry(UUID.randomUUID(), site, month.atDay(4), ani.enrolmentId(), keset.id(), 7, 100, 0),
                        entry(UUID.randomUUID(), site, month.atDay(3), budi.enrolmentId(), keset.id(), 5, 60, 0)),
                "id");

        MvcResult computed = mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/payouts"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"" + month + "\"}"))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode run = JSON.readTree(computed.getResponse().getContentAsString());
        long pool = run.get("pool").asLong();
        // ani: 16 accepted, budi: 5 accepted, at 333 each
        assertThat(pool).isEqualTo(21 * 333);
        long shares = 0;
        for (JsonNode line : run.get("lines")) {
            shares += line.get("share").asLong();
        }
        assertThat(shares + run.get("groupFund").asLong()).isEqualTo(pool);
        assertThat(run.get("groupFund").asLong()).isEqualTo(21 * 333 / 10);
        assertThat(run.get("lines")).hasSize(2);
        long runId = run.get("id").asLong();

        mvc.perform(bearer(post("/api/v1/workshop/payouts/" + runId + "/approve"), context, MENTOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + run.get("version").asInt() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(post("/api/v1/workshop/payouts/" + runId + "/approve"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + run.get("version").asInt() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/payouts"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"" + month + "\"}"))
                .andExpect(status().isConflict());
        JsonNode late = batch(
                MANAGER,
                List.of(entry(UUID.randomUUID(), site, month.atDay(20), budi.enrolmentId(), keset.id(), 2, 30, 0)),
                "id");
        assertThat(late.get(0).get("reason").asText()).isEqualTo("workshop.entry.periodFrozen");

        long lineId = run.get("lines").get(0).get("id").asLong();
        MvcResult pdf = mvc.perform(get("/workshop/payouts/" + runId + "/lines/" + lineId + "/statement.pdf?lang=en")
                        .with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        String receipt =
                "{\"receivedOn\":\"" + Today.date() + "\",\"method\":\"THUMBPRINT\"," + "\"receivedBy\":\"GUARDIAN\"}";
        // the mentor of another site does not see this run at all
        mvc.perform(bearer(post("/api/v1/workshop/payouts/" + runId + "/lines/" + lineId + "/receipt"), context, MENTOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(receipt))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(
                                post("/api/v1/workshop/payouts/" + runId + "/lines/" + lineId + "/receipt"),
                                context,
                                MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(receipt))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select received_by from workshop.payout_line where id = ?")
                        .param(lineId)
                        .query(String.class)
                        .single())
                .isEqualTo("GUARDIAN");
        // a rule change for the month under way is refused: rules apply from the next month
        mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/earnings-rules"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"" + Today.month() + "\",\"kind\":\"HOURLY\",\"fundPercent\":5,"
                                + "\"ratePerMinute\":50}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("validFrom"));
    }

    @Test
    void aMentorSeesOnlyTheirOwnSiteAndOtherSitesAnswerAsMissing() throws Exception {
        long temanggung = WorkshopTestSupport.site(context, "SW Peduli Temanggung");
        long magelang = WorkshopTestSupport.site(context, "SW Peduli Magelang");
        MvcResult other = mvc.perform(get("/api/v1/workshop/sites/" + magelang).with(r -> r))
                .andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(401);
        String outside = mvc.perform(bearer(get("/api/v1/workshop/sites/" + magelang), context, MENTOR))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(outside).doesNotContain("Magelang");
        mvc.perform(get("/workshop/sites/" + magelang).with(as(context, MENTOR)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workshop/sites/" + temanggung).with(as(context, MENTOR)))
                .andExpect(status().isOk());
        MvcResult list = mvc.perform(bearer(get("/api/v1/workshop/sites"), context, MENTOR))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode sites = JSON.readTree(list.getResponse().getContentAsString());
        assertThat(sites).allSatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(temanggung));
        // the manager of the centre sees both
        mvc.perform(get("/workshop/sites/" + magelang).with(as(context, MANAGER)))
                .andExpect(status().isOk());
        // logistics sees no participants
        mvc.perform(bearer(get("/api/v1/workshop/sites/" + temanggung + "/participants"), context, "logistik.alyatama"))
                .andExpect(status().isForbidden());
    }

    @Test
    void siteProfileKeepsPhasesInOrderAndFlagsTheEndOfMentoring() throws Exception {
        long site = WorkshopTestSupport.site(context, "SW Peduli Boyolali");
        int version = JSON.readTree(mvc.perform(bearer(get("/api/v1/workshop/sites/" + site), context, MANAGER))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("version")
                .asInt();
        mvc.perform(bearer(put("/api/v1/workshop/sites/" + site), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"site\":{\"mentorTrainingOn\":\"2023-03-01\","
                                + "\"launchOn\":\"2023-02-01\"}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("launchOn"));
        mvc.perform(bearer(put("/api/v1/workshop/sites/" + site), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"site\":{\"mouNumber\":\"119/MoU/2022\","
                                + "\"mouDate\":\"2022-11-01\",\"mentorTrainingOn\":\"2022-12-05\","
                                + "\"launchOn\":\"2023-01-10\",\"groupName\":\"KSM Sido Makmur\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mentoringEndsOn").value("2025-01-10"))
                .andExpect(jsonPath("$.pastMentoring").value(true));
        mvc.perform(bearer(put("/api/v1/workshop/sites/" + site), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"site\":{}}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aProductCodeIsUniquePerCentre() throws Exception {
        long site = WorkshopTestSupport.site(context, "SW Peduli Klaten");
        long centre = context.getBean(Sites.class).get(site).centreId();
        String body = "{\"centreId\":" + centre + ",\"product\":{\"code\":\"BTK-CIPRAT\",\"name\":\"Batik ciprat\","
                + "\"unit\":\"lembar\",\"salePrice\":125000}}";
        mvc.perform(bearer(post("/api/v1/workshop/products"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.salePrice").value(125000));
        mvc.perform(bearer(post("/api/v1/workshop/products"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("BTK-CIPRAT", "btk-ciprat")))
                .andExpect(status().isConflict());
    }

    @Test
    void aPlacementSchedulesFollowUpsAndRefusesOneDatedBeforeIt() throws Exception {
        // not a demo site: the indicator below counts this one placement only
        long site = WorkshopTestSupport.freshSite(context, "SW Uji Penempatan");
        LocalDate start = Today.date().minusDays(100);
        Participant rina = WorkshopTestSupport.participant(context, mvc, site, "Rina Uji Kerja", start.minusMonths(6));
        MvcResult created = mvc.perform(bearer(post("/api/v1/workshop/sites/" + site + "/placements"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participantId\":" + rina.enrolmentId()
                                + ",\"employerName\":\"Konveksi Sumber Rejeki\","
                                + "\"sector\":\"Garmen\",\"kind\":\"COMPETITIVE\",\"startedOn\":\"" + start + "\","
                                + "\"monthlyWage\":1500000,\"hoursPerWeek\":35,\"support\":\"Pendamping kerja\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode placement = JSON.readTree(created.getResponse().getContentAsString());
        assertThat(placement.get("followUps")).hasSize(4);
        assertThat(placement.get("followUps").get(1).get("dueOn").asText())
                .isEqualTo(start.plusDays(90).toString());
        long id = placement.get("id").asLong();
        long ninety = placement.get("followUps").get(1).get("id").asLong();
        mvc.perform(bearer(post("/api/v1/workshop/placements/" + id + "/follow-ups/" + ninety), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doneOn\":\"" + start.minusDays(1) + "\",\"stillEmployed\":true}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("doneOn"));
        mvc.perform(bearer(post("/api/v1/workshop/placements/" + id + "/follow-ups/" + ninety), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doneOn\":\"" + start.plusDays(92) + "\",\"stillEmployed\":true,\"wage\":1600000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followUps[1].stillEmployed").value(true))
                .andExpect(jsonPath("$.followUps[1].wage").value(1600000));
        // the Temanggung mentor does not see a placement at another site
        mvc.perform(bearer(get("/api/v1/workshop/placements/" + id), context, MENTOR))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workshop/sites/" + site).with(as(context, MANAGER))).andExpect(status().isOk());
        // the placement counts in the indicator of its month and shows on the dashboard and in its CSV
        String month = java.time.YearMonth.from(start).toString();
        mvc.perform(bearer(
                        get("/api/v1/indicators/WS_PLACEMENTS/values?unit=" + site + "&from=" + month + "&to=" + month),
                        context,
                        MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value(1));
        mvc.perform(get("/workshop/dashboard?site=" + site + "&from=" + month + "&to=" + month)
                        .with(as(context, MANAGER)))
                .andExpect(status().isOk());
        String csv = mvc.perform(get("/workshop/dashboard.csv?site=" + site + "&from=" + month + "&to=" + month)
                        .with(as(context, MANAGER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"SW Uji Penempatan\"," + month);
    }

    @Test
    void theDemoSeedRegistersTheTwelveSitesWithMentorsAndRules() {
        WorkshopDemoSeed seed = context.getBean(WorkshopDemoSeed.class);
        assertThat(seed.dependsOn()).contains("demo-v1", "casework-v1");
        WorkshopTestSupport.asUser(context, "admin", () -> {
            seed.load();
            return null;
        });
        List<SiteView> sites = WorkshopTestSupport.asUser(
                context, MANAGER, () -> context.getBean(Sites.class).visible(WorkshopRoles.READ));
        assertThat(sites.stream().filter(s -> s.name().startsWith("SW Peduli"))).hasSize(12);
        assertThat(sites).anyMatch(SiteView::pastMentoring).anyMatch(s -> !s.pastMentoring());
        long swPeduliSitesWithMentors = jdbc.sql("select count(distinct site_id) from workshop.mentor")
                .query(Long.class)
                .single();
        assertThat(swPeduliSitesWithMentors).isGreaterThanOrEqualTo(8);
        long bantul = WorkshopTestSupport.unit(context, "SW Peduli Bantul");
        assertThat(context.getBean(Sites.class).mentors(bantul)).hasSize(5);
        assertThat(context.getBean(Sites.class).trainings(bantul)).hasSize(1);
        assertThat(context.getBean(Payouts.class).rules(bantul)).hasSize(1);
    }

    private JsonNode batch(String username, List<Map<String, Object>> entries, String lang) throws Exception {
        MvcResult result = mvc.perform(bearer(post("/api/v1/workshop/sessions/batch"), context, username)
                        .header("Accept-Language", lang)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("entries", entries))))
                .andExpect(status().isOk())
                .andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("results");
    }

    private long records(UUID entry) {
        return jdbc.sql("select count(*) from workshop.production_record where entry_id = ?")
                .param(entry)
                .query(Long.class)
                .single();
    }

    static Map<String, Object> entry(
            UUID id, long site, LocalDate day, long participant, long product, int quantity, int minutes, int rejects) {
        return Map.of(
                "entryId",
                id.toString(),
                "siteId",
                site,
                "date",
                day.toString(),
                "participantId",
                participant,
                "present",
                true,
                "lines",
                List.of(Map.of("productId", product, "quantity", quantity, "minutes", minutes, "rejects", rejects)));
    }
}
