package id.peduli.innovation.award;

import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.access.AccessTestSupport.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.innovation.CompetitionTestData;
import id.peduli.innovation.InnovationTestSupport;
import id.peduli.innovation.evaluation.Evaluations;
import id.peduli.innovation.period.Period;
import id.peduli.innovation.period.Periods;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Top 99 to the certificate through the API: the panel proposes the list, answers an objection filed on the public
 * page, is refused a decree while the window is open and gets it once it closed; the certificate is a PDF; attachments
 * are checked by content.
 */
@PeduliTest
class AwardApiTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePanelProposesAnswersAndDecreesAndTheCertificateIsAPdf() throws Exception {
        InnovationTestSupport.ensureSeed(context);
        long evaluator = CompetitionTestData.evaluator(context, "penilai.surabaya", "Pemerintah Kota Surabaya");
        long period = CompetitionTestData.period(context);
        long first = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Rapor Pelayanan Temanggung");
        long second = CompetitionTestData.passedProposal(
                context, period, "Dinas Sosial Kabupaten Temanggung", "Layanan Antar Obat Temanggung");
        Evaluations evaluations = context.getBean(Evaluations.class);
        InnovationTestSupport.as(context, "sekretariat", () -> {
            evaluations.assign(first, "penilai.surabaya", false);
            return evaluations.assign(second, "penilai.surabaya", false);
        });
        CompetitionTestData.score(
                context, "penilai.surabaya", CompetitionTestData.assignmentOf(jdbc, first, evaluator), 7);
        CompetitionTestData.score(
                context, "penilai.surabaya", CompetitionTestData.assignmentOf(jdbc, second, evaluator), 6);

        mvc.perform(bearer(post("/api/v1/innovation/periods/" + period + "/top99"), context, "panelis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"justification\": \"Hanya dua proposal dinilai pada periode uji ini.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowOpen").value(true))
                .andExpect(jsonPath("$.proposals[0].proposalId").value(first))
                .andExpect(jsonPath("$.proposals[0].state").value("SHORTLISTED"));

        long objection = InnovationTestSupport.as(context, "panelis", () -> {
            context.getBean(Panel.class)
                    .fileObjection(
                            first,
                            "Warga Temanggung",
                            "warga@contoh.id",
                            "Layanan ini belum berjalan di semua kecamatan seperti yang ditulis.",
                            null,
                            "203.0.113.7");
            return jdbc.sql("select id from innovation.objection where proposal_id = ?")
                    .param(first)
                    .query(Long.class)
                    .single();
        });
        mvc.perform(bearer(get("/api/v1/innovation/periods/" + period + "/objections"), context, "panelis"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(objection));
        mvc.perform(bearer(post("/api/v1/innovation/objections/" + objection + "/answer"), context, "panelis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(bearer(post("/api/v1/innovation/objections/" + objection + "/answer"), context, "panelis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"Tim memverifikasi di lapangan pada tahap berikutnya.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("Tim memverifikasi di lapangan pada tahap berikutnya."));

        String decree = "{\"kind\": \"TOP99\", \"number\": \"KEP/99/API\", \"issuedOn\": \"2026-11-30\"}";
        mvc.perform(bearer(post("/api/v1/innovation/periods/" + period + "/decrees"), context, "panelis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decree))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("innovation.decree.windowOpen"));
        // the window closes: it opened longer ago than its days
        Period p = context.getBean(Periods.class).get(period);
        context.getBean(Periods.class)
                .openObjectionWindow(
                        period, context.getBean(Clock.class).instant().minus(Duration.ofDays(p.objectionDays() + 1L)));
        mvc.perform(bearer(post("/api/v1/innovation/periods/" + period + "/decrees"), context, "panelis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decree))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("KEP/99/API"));

        MvcResult pdf = mvc.perform(bearer(
                        get("/api/v1/innovation/proposals/" + first + "/certificate"), context, "operator.temanggung"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        mvc.perform(bearer(get("/api/v1/innovation/periods/" + period + "/top99"), context, "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decree.number").value("KEP/99/API"))
                .andExpect(jsonPath("$.windowOpen").value(false));

        // attachments: content decides the type, not the name
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        MvcResult stored = mvc.perform(multipart("/api/v1/innovation/proposals/" + first + "/attachments")
                        .file(new MockMultipartFile("file", "foto.png", "image/png", png))
                        .header("Authorization", "Bearer " + tokenFor(context, "operator.temanggung", 1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andReturn();
        Integer attachment =
                com.jayway.jsonpath.JsonPath.read(stored.getResponse().getContentAsString(), "$.id");
        mvc.perform(multipart("/api/v1/innovation/proposals/" + first + "/attachments")
                        .file(new MockMultipartFile(
                                "file", "bukan.pdf", "application/pdf", "bukan pdf".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + tokenFor(context, "operator.temanggung", 1)))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(bearer(
                        get("/api/v1/innovation/proposals/" + first + "/attachments/" + attachment),
                        context,
                        "sekretariat"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        // an operator of another agency does not see it exists
        mvc.perform(bearer(get("/api/v1/innovation/proposals/" + first + "/attachments"), context, "pekerja.alyatama"))
                .andExpect(status().isForbidden());
    }
}
