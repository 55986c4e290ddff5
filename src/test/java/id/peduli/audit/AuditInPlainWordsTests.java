package id.peduli.audit;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit viewer speaks the reader's language, records the client address of work done outside a request, and
 * writes refused attempts on personal data (without the ids asked for) so that they can be filtered.
 */
@PeduliTest
class AuditInPlainWordsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organizations organizations;

    @Test
    void aRecordOfAnotherUnitIsRefusedAndLoggedWithThePatternButNotTheId() throws Exception {
        long kartiniPerson = person("BBRSBG Kartini Temanggung", "Refused Probe Kartini");
        long before = refusedCount();

        mvc.perform(get("/people/" + kartiniPerson).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/people/" + kartiniPerson), context, "pekerja.alyatama"))
                .andExpect(status().isNotFound());

        List<Map<String, Object>> entries = jdbc.sql("""
                        select * from audit.entry where action = 'REFUSED' and username = 'pekerja.alyatama'
                        order by id desc limit 2
                        """).query().listOfRows();
        assertThat(refusedCount()).isEqualTo(before + 2);
        assertThat(entries)
                .extracting(e -> e.get("purpose"))
                .containsExactly("GET /api/v1/people/{id} → 404", "GET /people/{id} → 404");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("subject_type")).isEqualTo("Person");
            assertThat(e.get("subject_id")).isNull();
            assertThat(String.valueOf(e.get("purpose"))).doesNotContain("/" + kartiniPerson);
            assertThat(e.get("client_address")).isNotNull();
            assertThat(e.get("org_unit_id")).isEqualTo(unit("PSAA Alyatama Jambi"));
        });
    }

    @Test
    void aRoleWithoutTheRightIsRefusedAndLogged() throws Exception {
        long before = refusedCount();

        mvc.perform(post("/people")
                        .with(as(context, "logistik.alyatama"))
                        .with(csrf())
                        .param("fullName", "Someone"))
                .andExpect(status().isForbidden());

        assertThat(refusedCount()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select purpose from audit.entry where action = 'REFUSED' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("POST /people → 403");
    }

    @Test
    void aNotFoundThatIsAnAnswerAndAPageOutsidePersonalDataAreNotRefusals() throws Exception {
        long own = person("PSAA Alyatama Jambi", "Photo Less Alyatama");
        long before = refusedCount();

        mvc.perform(get("/people/" + own + "/photo").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/no-such-page").with(as(context, "pekerja.alyatama"))).andExpect(status().isNotFound());

        assertThat(refusedCount()).isEqualTo(before);
    }

    @Test
    void theViewerShowsActionsSubjectsPurposesAndCodedValuesByTheirLabels() throws Exception {
        log.record(AuditRecord.of(AuditAction.VIEW, "Person", 424242)
                .actor(null, "words.probe")
                .purpose("SERVICE_DELIVERY"));
        log.record(AuditRecord.of(AuditAction.CREATE, "Consent", 424243)
                .actor(null, "words.probe")
                .change("purpose", null, "CHILD_WELFARE_SERVICES")
                .change("basis", null, "CONSENT")
                .change("givenBy", null, "PERSON_AND_GUARDIAN"));
        log.record(AuditRecord.of(AuditAction.GRANT_CHANGED, "User", 424244)
                .actor(null, "words.probe")
                .change("grant", null, "SOCIAL_WORKER@*"));

        String html = page("/audit?username=words.probe", "id");
        String table = PageText.text(PageText.element(html, "auditTable"));

        assertThat(table)
                .contains("Melihat", "Orang", "Tujuan: Pelayanan")
                .contains("Persetujuan", "Dasar pemrosesan: — → Persetujuan")
                .contains("Diberikan oleh: — → Yang bersangkutan dan wali")
                .contains("Hak akses: — → Pekerja sosial · Semua unit")
                .contains("Akun pengguna")
                .doesNotContain("SERVICE_DELIVERY", "CHILD_WELFARE_SERVICES", "PERSON_AND_GUARDIAN", "SOCIAL_WORKER")
                .doesNotContain("givenBy", "Consent ");

        String english = PageText.text(PageText.element(page("/audit?username=words.probe", "en"), "auditTable"));
        assertThat(english).contains("Lawful basis: — → Consent", "User account", "Person");
    }

    @Test
    void aRegionCodeInAChangeIsShownWithItsName() throws Exception {
        log.record(AuditRecord.of(AuditAction.UPDATE, "OrgUnit", 626262)
                .actor(null, "region.probe")
                .change("region", "33.23", "31.71")
                .change("type", "SITE", "TECHNICAL_UNIT"));
        String temanggung = context.getBean(id.peduli.region.Regions.class)
                .find("33.23")
                .orElseThrow()
                .name();
        String jakarta = context.getBean(id.peduli.region.Regions.class)
                .find("31.71")
                .orElseThrow()
                .name();

        String table = PageText.text(PageText.element(page("/audit?username=region.probe", "id"), "auditTable"));

        assertThat(table)
                .contains("Wilayah: " + temanggung + " (33.23) → " + jakarta + " (31.71)")
                .contains("Unit organisasi")
                .doesNotContain("TECHNICAL_UNIT");
    }

    @Test
    void theSubjectTypeIsChosenFromAListOfLabelsAndRefusedAttemptsHaveTheirOwnFilter() throws Exception {
        String html = page("/audit", "id");
        String select = PageText.element(html, "fType");

        assertThat(select).startsWith("<select");
        assertThat(select)
                .contains("<option value=\"Person\">Orang</option>")
                .contains("<option value=\"OrgUnit\">Unit organisasi</option>")
                .contains("<option value=\"User\">Akun pengguna</option>");
        assertThat(PageText.element(html, "fAction")).contains("<option value=\"REFUSED\">Akses ditolak</option>");
        assertThat(PageText.hrefs(html)).contains("/audit?action=REFUSED");

        mvc.perform(get("/people/999999999").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isNotFound());
        String refused = PageText.text(PageText.element(page("/audit?action=REFUSED", "id"), "auditTable"));
        assertThat(refused).contains("Akses ditolak", "GET /people/{id} → 404").doesNotContain("999999999");
    }

    @Test
    void aReadingOfTheLogShowsItsFiltersInWords() throws Exception {
        page("/audit?action=REFUSED&subjectType=Person", "id");

        String latest = PageText.text(PageText.element(page("/audit?subjectType=AuditLog", "id"), "auditTable"));

        assertThat(latest)
                .contains("Tindakan: — → Akses ditolak", "Jenis data: — → Orang")
                .doesNotContain("REFUSED", "action=");
    }

    @Test
    void anEntryWrittenOutsideARequestKeepsTheAddressOfTheRequestThatStartedTheWork() {
        log.record(AuditRecord.of(AuditAction.CREATE, "ImportJob", 515151)
                .actor(null, "address.probe")
                .clientAddress("192.0.2.15"));

        assertThat(jdbc.sql("select client_address from audit.entry where username = 'address.probe'")
                        .query(String.class)
                        .single())
                .isEqualTo("192.0.2.15");
        assertThat(AuditLog.requestAddress()).isNull();
    }

    @Test
    void theHomePageOfAnAuditorCountsTodaysRefusedAttempts() throws Exception {
        mvc.perform(get("/people/999999998").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isNotFound());

        String part = PageText.text(PageText.element(page("/", "id"), "role-AUDITOR"));

        assertThat(part).containsPattern("([1-9][0-9]*) \\1 upaya akses yang ditolak hari ini");
    }

    private String page(String url, String lang) throws Exception {
        return mvc.perform(get(url).with(as(context, "auditor")).cookie(new Cookie("peduli_lang", lang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long refusedCount() {
        return jdbc.sql("select count(*) from audit.entry where action = 'REFUSED'")
                .query(Long.class)
                .single();
    }

    private long person(String unitName, String name) {
        return jdbc.sql("""
                        insert into registry.person (org_unit_id, full_name, name_key, sex, birth_date, birth_year)
                        values (?, ?, lower(?), 'F', ?, 1990) returning id
                        """)
                .params(unit(unitName), name, name, LocalDate.of(1990, 3, 3))
                .query(Long.class)
                .single();
    }

    private long unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
