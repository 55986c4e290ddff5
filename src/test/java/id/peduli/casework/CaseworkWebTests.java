package id.peduli.casework;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.casework.CaseworkTestSupport.ALYATAMA_WORKER;
import static id.peduli.casework.CaseworkTestSupport.KARTINI_MANAGER;
import static id.peduli.casework.CaseworkTestSupport.TEMANGGUNG_MENTOR;
import static id.peduli.casework.CaseworkTestSupport.signIn;
import static id.peduli.casework.CaseworkTestSupport.signOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.access.AccessTestSupport;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class CaseworkWebTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseworkDemoSeed seed;

    @Autowired
    JdbcClient jdbc;

    CaseworkTestSupport support;
    long temanggung;
    long magelang;
    long alyatama;
    LocalDate today;

    @BeforeEach
    void setUp() {
        support = new CaseworkTestSupport(mvc, context);
        temanggung = support.unit("SW Peduli Temanggung");
        magelang = support.unit("SW Peduli Magelang");
        alyatama = support.unit("PSAA Alyatama Jambi");
        today = Today.date();
        signIn(context, "admin");
        try {
            seed.load();
        } finally {
            signOut();
        }
    }

    @AfterEach
    void clear() {
        signOut();
    }

    @Test
    void theSeedMakesBothProgrammesAndTheSkillsTemplateOnceEvenWhenLoadedAgain() {
        signIn(context, "admin");
        seed.load();
        signOut();
        assertThat(jdbc.sql("select count(*) from casework.programme where code in ('SW_PEDULI', 'PESONA_SURGA')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from casework.assessment_template where code = 'SW_SKILLS'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        AssessmentTemplate template = assessments.latest("SW_SKILLS").orElseThrow();
        assertThat(template.domains())
                .extracting(AssessmentTemplate.Domain::code)
                .containsExactly("DAILY_LIVING", "SOCIAL", "VOCATIONAL");
        assertThat(seed.dependsOn()).containsExactly("demo-v1");
    }

    @Test
    void theEnrolmentPageShowsStagesAsWordsAndAnEnrolmentOutsideTheCallersUnitsAnswersLikeAMissingOne()
            throws Exception {
        EnrolmentView here = enrolled(TEMANGGUNG_MENTOR, temanggung);
        EnrolmentView there = enrolled(KARTINI_MANAGER, magelang);
        mvc.perform(get("/casework/enrolments/" + here.id()).with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Penerimaan")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">INTAKE<"))));
        String outside = mvc.perform(get("/casework/enrolments/" + there.id()).with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = mvc.perform(get("/casework/enrolments/999999999").with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page(outside)).isEqualTo(page(missing));
        String apiOutside = mvc.perform(
                        bearer(get("/api/v1/casework/enrolments/" + there.id()), context, TEMANGGUNG_MENTOR))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String apiMissing = mvc.perform(
                        bearer(get("/api/v1/casework/enrolments/999999999"), context, TEMANGGUNG_MENTOR))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(normalized(apiOutside, there.id())).isEqualTo(normalized(apiMissing, 999999999L));
        mvc.perform(get("/casework/enrolments/" + there.id()).with(as(context, "kepala.kartini")))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'Enrolment'"
                                + " and subject_id = ?")
                        .param(String.valueOf(here.id()))
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aLogisticsOfficerSeesNoCaseNotesAndNoCaseload() throws Exception {
        EnrolmentView child = enrolledInPesonaSurga();
        mvc.perform(bearer(get("/api/v1/casework/enrolments/" + child.id() + "/assessments"), context, ALYATAMA_WORKER))
                .andExpect(status().isOk());
        mvc.perform(bearer(
                        get("/api/v1/casework/enrolments/" + child.id() + "/assessments"),
                        context,
                        "logistik.alyatama"))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(get("/api/v1/casework/enrolments/" + child.id() + "/plans"), context, "logistik.alyatama"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/casework/caseload").with(as(context, "logistik.alyatama")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/casework/enrolments/" + child.id()).with(as(context, "logistik.alyatama")))
                .andExpect(status().isForbidden());
    }

    @Test
    void enrollingWithoutConsentOnThePageSaysWhatIsMissingWithALinkToRecordIt() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung);
        mvc.perform(post("/casework/people/" + person + "/enrol")
                        .with(as(context, KARTINI_MANAGER))
                        .with(csrf())
                        .param("programme", "SW_PEDULI")
                        .param("unitId", String.valueOf(temanggung)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Layanan Sheltered Workshop")))
                .andExpect(content().string(Matchers.containsString("href=\"/people/" + person + "?tab=consent\"")));
        assertThat(enrolments.ofPerson(person)).isEmpty();
        support.publicTask(KARTINI_MANAGER, person, "WORKSHOP_SERVICES");
        mvc.perform(post("/casework/people/" + person + "/enrol")
                        .with(as(context, KARTINI_MANAGER))
                        .with(csrf())
                        .param("programme", "SW_PEDULI")
                        .param("unitId", String.valueOf(temanggung)))
                .andExpect(status().is3xxRedirection());
        assertThat(enrolments.ofPerson(person))
                .singleElement()
                .satisfies(e -> assertThat(e.stage()).isEqualTo(Stage.INTAKE));
        mvc.perform(get("/casework/people/" + person + "/programmes").with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Penerimaan")))
                .andExpect(content().string(Matchers.containsString("Sheltered Workshop Peduli")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("SW_PEDULI"))));
        mvc.perform(get("/casework/people/" + person + "/programmes").with(as(context, ALYATAMA_WORKER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anIllegalStepOnThePageIsRefusedWithAClearMessageAndALegalOneIsTaken() throws Exception {
        EnrolmentView enrolment = enrolled(KARTINI_MANAGER, temanggung);
        mvc.perform(post("/casework/enrolments/" + enrolment.id() + "/transition")
                        .with(as(context, KARTINI_MANAGER))
                        .with(csrf())
                        .param("to", "MONITORING")
                        .param("version", String.valueOf(enrolment.version())))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Tahap Pemantauan tidak dapat langsung menyusul tahap Penerimaan.")));
        mvc.perform(post("/casework/enrolments/" + enrolment.id() + "/transition")
                        .with(as(context, KARTINI_MANAGER))
                        .with(csrf())
                        .param("to", "ASSESSMENT")
                        .param("version", String.valueOf(enrolment.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/transitions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"to\":\"PLAN\",\"version\":" + enrolment.version() + "}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isConflict());
        mvc.perform(bearer(
                        get("/api/v1/casework/enrolments/" + enrolment.id() + "/transitions"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].to", Matchers.contains("INTAKE", "ASSESSMENT")));
    }

    @Test
    void twoAssessmentsSideBySideShowTheChangePerDomain() throws Exception {
        EnrolmentView enrolment = enrolled(KARTINI_MANAGER, temanggung);
        AssessmentTemplate template = assessments.latest("SW_SKILLS").orElseThrow();
        String incomplete = "{\"templateId\":" + template.id() + ",\"assessedOn\":\"" + today + "\",\"scores\":{\""
                + template.domains().get(0).items().get(0).id() + "\":3}}";
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/assessments")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(incomplete),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isUnprocessableContent());
        long first = assess(enrolment.id(), template, today.minusMonths(6), 2);
        long second = assess(enrolment.id(), template, today, 4);
        mvc.perform(bearer(
                        get("/api/v1/casework/enrolments/" + enrolment.id() + "/assessments/compare")
                                .param("a", String.valueOf(second))
                                .param("b", String.valueOf(first)),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.first.id").value((int) first))
                .andExpect(jsonPath("$.domains[0].first").value(2.0))
                .andExpect(jsonPath("$.domains[0].second").value(4.0))
                .andExpect(jsonPath("$.domains[0].change").value(2.0));
        mvc.perform(get("/casework/enrolments/" + enrolment.id() + "/assessments/compare")
                        .param("a", String.valueOf(first))
                        .param("b", String.valueOf(second))
                        .with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kegiatan sehari-hari")))
                .andExpect(content().string(Matchers.containsString("+2.00")));
        mvc.perform(get("/casework/enrolments/" + enrolment.id() + "/assessments/new")
                        .param("template", String.valueOf(template.id()))
                        .with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Merawat diri")));
    }

    @Test
    void anAssessmentBecomesAPlanWithAGoalPerDomainBelowTheTopOfTheScaleInTheCallersLanguage() throws Exception {
        EnrolmentView enrolment = enrolled(KARTINI_MANAGER, temanggung);
        AssessmentTemplate template = assessments.latest("SW_SKILLS").orElseThrow();
        long low = assess(enrolment.id(), template, today.minusDays(2), 2);
        long top = assess(enrolment.id(), template, today, 5);
        mvc.perform(get("/casework/enrolments/" + enrolment.id() + "/assessments/new")
                        .param("template", String.valueOf(template.id()))
                        .with(as(context, KARTINI_MANAGER)))
                .andExpect(content().string(Matchers.containsString("2 · banyak dibantu")))
                .andExpect(content().string(Matchers.containsString("5 (mandiri)")));
        mvc.perform(post("/casework/enrolments/" + enrolment.id() + "/assessments/" + low + "/plan")
                        .with(csrf())
                        .with(as(context, KARTINI_MANAGER)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/casework/enrolments/" + enrolment.id()).with(as(context, KARTINI_MANAGER)))
                .andExpect(content()
                        .string(Matchers.containsString("Meningkatkan kemandirian dalam kegiatan sehari-hari")))
                .andExpect(content().string(Matchers.containsString("Rata-rata 2 pada skala 1 sampai 5")))
                .andExpect(content().string(Matchers.containsString("Jadikan tujuan rencana")));
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/assessments/" + low + "/plan")
                                .header("Accept-Language", "en")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reviewOn\":\"" + today.plusMonths(2) + "\"}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.goals.length()").value(3))
                .andExpect(jsonPath("$.goals[0].description").value("More independence in daily living"))
                .andExpect(jsonPath("$.goals[0].component").value("CARE"))
                .andExpect(jsonPath("$.goals[2].component").value("VOCATIONAL"))
                .andExpect(jsonPath("$.goals[0].independenceLevel").value(2))
                .andExpect(jsonPath("$.goals[0].target").value("A mean of at least 3 for daily living"))
                .andExpect(jsonPath("$.reviewOn").value(today.plusMonths(2).toString()));
        // every domain at the top: nothing to work towards, nothing written
        long plans = jdbc.sql("select count(*) from casework.plan where enrolment_id = ?")
                .param(enrolment.id())
                .query(Long.class)
                .single();
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/assessments/" + top + "/plan"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from casework.plan where enrolment_id = ?")
                        .param(enrolment.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(plans);
        // a mentor of another site does not see the enrolment at all
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/assessments/" + low + "/plan"),
                        context,
                        ALYATAMA_WORKER))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProgrammeManagerPublishesANewTemplateVersionFromAnOutlineAndABadOutlineIsRefusedInWords() throws Exception {
        String outline = "# DAILY_LIVING | Kegiatan sehari-hari | Daily living\n"
                + "Merawat diri | Self-care\n"
                + "# VOCATIONAL | Vokasional | Vocational\n"
                + "Mengikuti langkah kerja | Following the steps\n";
        publish(outline).andExpect(status().is3xxRedirection());
        mvc.perform(get("/casework/templates").param("code", "UJI_TEMPLAT").with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Templat uji")))
                .andExpect(content().string(Matchers.containsString("# VOCATIONAL | Vokasional | Vocational")));
        publish(outline + "# SOCIAL | Sosial\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        content().string(Matchers.containsString("Setiap ranah perlu kode, nama dan paling sedikit")));
        publish(outline + "Bekerja sama | Working together\n").andExpect(status().is3xxRedirection());
        assertThat(assessments.latest("UJI_TEMPLAT").orElseThrow()).satisfies(t -> {
            assertThat(t.version()).isEqualTo(2);
            assertThat(t.domains().get(1).items()).hasSize(2);
        });
        assertThat(assessments.allTemplates())
                .filteredOn(t -> t.code().equals("UJI_TEMPLAT"))
                .hasSize(2);
        mvc.perform(get("/casework/templates").with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions publish(String outline) throws Exception {
        return mvc.perform(post("/casework/templates")
                .with(csrf())
                .with(as(context, KARTINI_MANAGER))
                .param("code", "UJI_TEMPLAT")
                .param("name", "Templat uji")
                .param("nameEn", "Test template")
                .param("scaleMin", "1")
                .param("scaleMax", "5")
                .param("outline", outline));
    }

    @Test
    void anOverduePlanReviewIsTheNextDueThingOnTheWorkersCaseload() throws Exception {
        EnrolmentView enrolment = enrolled(KARTINI_MANAGER, temanggung);
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/plans")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"Rencana kerja\",\"reviewOn\":\"" + today.plusMonths(3)
                                        + "\",\"goal\":{\"description\":\"Membuat keset sendiri\",\"component\":"
                                        + "\"VOCATIONAL\",\"baseline\":\"Dibantu penuh\",\"target\":\"5 keset sehari\","
                                        + "\"independenceLevel\":2,\"reviewOn\":\"" + today.minusDays(3) + "\"}}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.goals[0].independenceLevel").value(2));
        mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolment.id() + "/plans")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"Tanpa target\",\"reviewOn\":\"" + today
                                        + "\",\"goal\":{\"description\":\"x\",\"independenceLevel\":7}}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isUnprocessableContent());
        String plans = mvc.perform(bearer(
                        get("/api/v1/casework/enrolments/" + enrolment.id() + "/plans"), context, KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long goal = ((Number) JsonPath.read(plans, "$[0].goals[0].id")).longValue();
        String review = "{\"independenceLevel\":3,\"status\":\"OPEN\",\"reviewOn\":\"" + today.plusMonths(3)
                + "\",\"version\":0}";
        mvc.perform(bearer(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/v1/casework/enrolments/" + enrolment.id() + "/goals/" + goal)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(review),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.goals[0].independenceLevel").value(3));
        mvc.perform(bearer(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/v1/casework/enrolments/" + enrolment.id() + "/goals/" + goal)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(review),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isConflict());
        mvc.perform(get("/casework/enrolments/" + enrolment.id()).with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Membuat keset sendiri")))
                .andExpect(content().string(Matchers.containsString("<td>3 · sebagian dibantu</td>")));
        mvc.perform(put(
                        enrolment.id(),
                        goal,
                        "{\"independenceLevel\":1,\"status\":\"OPEN\",\"reviewOn\":\"" + today.minusDays(3)
                                + "\",\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/casework/caseload").param("overdue", "true"), context, KARTINI_MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$[?(@.enrolment.id == " + enrolment.id() + ")].dueLabelKey",
                        Matchers.contains("casework.due.planReview")))
                .andExpect(jsonPath("$[?(@.enrolment.id == " + enrolment.id() + ")].overdue", Matchers.contains(true)));
        mvc.perform(get("/casework/caseload").param("overdue", "true").with(as(context, KARTINI_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tinjauan rencana")))
                .andExpect(content().string(Matchers.containsString("Terlambat")));
        mvc.perform(get("/casework/caseload").param("all", "true").with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isOk());
    }

    @Test
    void activitiesRecordAttendanceOfThePeopleOfTheUnitAndKeepOnlyRealPdfJpegOrPngAttachments() throws Exception {
        EnrolmentView enrolment = enrolled(KARTINI_MANAGER, temanggung);
        EnrolmentView elsewhere = enrolled(KARTINI_MANAGER, magelang);
        String body = "{\"type\":\"GROUP_SESSION\",\"heldOn\":\"" + today + "\",\"durationMinutes\":90,\"staff\":"
                + "\"Slamet\",\"component\":\"VOCATIONAL\",\"attendance\":{\"" + enrolment.id() + "\":true}}";
        String result = mvc.perform(bearer(
                        post("/api/v1/casework/units/" + temanggung + "/activities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body),
                        context,
                        TEMANGGUNG_MENTOR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].attended").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long activity = ((Number) JsonPath.read(result, "$.id")).longValue();
        mvc.perform(bearer(
                        post("/api/v1/casework/units/" + temanggung + "/activities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body.replace(String.valueOf(enrolment.id()), String.valueOf(elsewhere.id()))),
                        context,
                        TEMANGGUNG_MENTOR))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(bearer(
                        post("/api/v1/casework/units/" + magelang + "/activities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body),
                        context,
                        TEMANGGUNG_MENTOR))
                .andExpect(status().isNotFound());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(multipart("/api/v1/casework/activities/" + activity + "/attachments")
                        .file(new MockMultipartFile("file", "../../foto sesi.png", "image/png", png))
                        .header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, TEMANGGUNG_MENTOR, 1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("foto sesi.png"))
                .andExpect(jsonPath("$.contentType").value("image/png"));
        mvc.perform(multipart("/api/v1/casework/activities/" + activity + "/attachments")
                        .file(new MockMultipartFile(
                                "file", "laporan.pdf", "application/pdf", "MZ not a pdf".getBytes()))
                        .header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, TEMANGGUNG_MENTOR, 1)))
                .andExpect(status().isUnsupportedMediaType());
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        mvc.perform(multipart("/api/v1/casework/activities/" + activity + "/attachments")
                        .file(new MockMultipartFile("file", "besar.pdf", "application/pdf", big))
                        .header("Authorization", "Bearer " + AccessTestSupport.tokenFor(context, TEMANGGUNG_MENTOR, 1)))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(get("/casework/activities/" + activity).with(as(context, TEMANGGUNG_MENTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("foto sesi.png")))
                .andExpect(content().string(Matchers.containsString("Pelatihan vokasional")));
        mvc.perform(get("/casework/activities/" + activity).with(as(context, ALYATAMA_WORKER)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from casework.activity_attachment where activity_id = ?")
                        .param(activity)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReferralToAnotherUnitIsAcceptedByTheReceivingUnitOnly() throws Exception {
        long person = support.person(KARTINI_MANAGER, temanggung);
        String created = mvc.perform(bearer(
                        post("/api/v1/casework/referrals")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"personId\":" + person + ",\"direction\":\"INTERNAL\",\"fromUnitId\":"
                                        + temanggung + ",\"toUnitId\":" + alyatama
                                        + ",\"reason\":\"Pindah ke Jambi\"}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long referral = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(bearer(
                        post("/api/v1/casework/referrals/" + referral + "/decision")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"accept\":true,\"version\":0}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(
                        post("/api/v1/casework/referrals/" + referral + "/decision")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"accept\":true,\"note\":\"Diterima\",\"version\":0}"),
                        context,
                        ALYATAMA_WORKER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(bearer(
                        post("/api/v1/casework/referrals/" + referral + "/decision")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"accept\":false,\"version\":1}"),
                        context,
                        ALYATAMA_WORKER))
                .andExpect(status().isConflict());
        mvc.perform(get("/casework/referrals").with(as(context, ALYATAMA_WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Diterima")));
        mvc.perform(bearer(get("/api/v1/casework/referrals/" + referral), context, "pendamping.temanggung"))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/casework/referrals/" + referral), context, "manajer.kartini"))
                .andExpect(status().isOk());
    }

    @Test
    void theCaseloadTakesTheEarliestDueThingOfEverySource() {
        Plans plans = new Plans(null, null, null) {
            @Override
            java.util.Map<Long, LocalDate> nextReviews(List<Long> enrolmentIds) {
                return java.util.Map.of(1L, LocalDate.of(2026, 6, 1));
            }
        };
        CaseloadDueSource placements = list -> List.of(
                new CaseloadDueSource.DueItem(1L, LocalDate.of(2026, 5, 1), "workshop.due.followUp", "/x"),
                new CaseloadDueSource.DueItem(2L, LocalDate.of(2026, 7, 1), "workshop.due.followUp", "/y"),
                new CaseloadDueSource.DueItem(3L, LocalDate.of(2026, 1, 1), "workshop.due.followUp", "/z"));
        Caseload caseload = new Caseload(null, null, null, null, null, plans, List.of(placements), null);
        EnrolmentView one = new EnrolmentView(1, 9, 1, "SW", 5, null, Stage.PLAN, today, null, 0);
        EnrolmentView two = new EnrolmentView(2, 9, 1, "SW", 5, null, Stage.MONITORING, today, null, 0);
        EnrolmentView closed = new EnrolmentView(3, 9, 1, "SW", 5, null, Stage.CLOSED, today, today, 0);
        var next = caseload.nextDue(Arrays.asList(one, two, closed));
        assertThat(next.get(1L).due()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(next.get(1L).labelKey()).isEqualTo("workshop.due.followUp");
        assertThat(next.get(2L).due()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(next).doesNotContainKey(3L);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder put(
            long enrolmentId, long goalId, String json) {
        return bearer(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/casework/enrolments/" + enrolmentId + "/goals/" + goalId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                context,
                KARTINI_MANAGER);
    }

    private long assess(long enrolmentId, AssessmentTemplate template, LocalDate on, int score) throws Exception {
        StringBuilder scores = new StringBuilder();
        template.domains()
                .forEach(d -> d.items()
                        .forEach(i -> scores.append(scores.isEmpty() ? "" : ",")
                                .append('"')
                                .append(i.id())
                                .append("\":")
                                .append(score)));
        String result = mvc.perform(bearer(
                        post("/api/v1/casework/enrolments/" + enrolmentId + "/assessments")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"templateId\":" + template.id() + ",\"assessedOn\":\"" + on
                                        + "\",\"scores\":{" + scores + "}}"),
                        context,
                        KARTINI_MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assessor").value(KARTINI_MANAGER))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(result, "$.id")).longValue();
    }

    private EnrolmentView enrolled(String writer, long site) throws Exception {
        long person = support.person(writer, site);
        support.publicTask(writer, person, "WORKSHOP_SERVICES");
        long worker = context.getBean(id.peduli.access.Users.class)
                .findByUsername(writer)
                .orElseThrow()
                .id();
        String result = mvc.perform(bearer(
                        post("/api/v1/casework/enrolments")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"personId\":" + person + ",\"programmeCode\":\"SW_PEDULI\",\"unitId\":"
                                        + site + ",\"workerUserId\":" + worker + "}"),
                        context,
                        writer))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return enrolments
                .find(((Number) JsonPath.read(result, "$.id")).longValue())
                .orElseThrow();
    }

    private EnrolmentView enrolledInPesonaSurga() throws Exception {
        long person = support.person(ALYATAMA_WORKER, alyatama);
        support.publicTask(ALYATAMA_WORKER, person, "CHILD_WELFARE_SERVICES");
        String result = mvc.perform(bearer(
                        post("/api/v1/casework/enrolments")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"personId\":" + person + ",\"programmeCode\":\"PESONA_SURGA\",\"unitId\":"
                                        + alyatama + "}"),
                        context,
                        ALYATAMA_WORKER))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return enrolments
                .find(((Number) JsonPath.read(result, "$.id")).longValue())
                .orElseThrow();
    }

    /** A page without its CSRF tokens, with the id the caller sent (in the address and after #) written as N. */
    private static String page(String body) {
        return body.replaceAll("<meta name=\"csrf-token\" content=\"[^\"]*\">", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("/casework/enrolments/[0-9]+", "/casework/enrolments/N")
                .replaceAll("#[0-9.,]+", "#N");
    }

    private static String normalized(String body, long id) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "")
                .replace(String.valueOf(id), "N")
                .replaceAll("#[0-9.,]+", "#N");
    }
}
