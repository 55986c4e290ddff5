package id.peduli.registry;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.Users;
import id.peduli.registry.identity.Nik;
import id.peduli.registry.imports.ImportTestFiles;
import id.peduli.registry.person.NikChecks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Scope before load: a record outside the caller's units answers exactly like a missing one, nothing of it shows on
 * an error page, linked people of other units show only as existing, NIK answers are limited and say only
 * "registered elsewhere" outside the scope, exports keep to the export roles' units, and views are logged.
 */
@PeduliTest
class ScopeBeforeLoadTests {

    private static final long MISSING = 987_654_321L;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikChecks nikChecks;

    private long register(String user, long unitId, String name, String sex, String birthDate, String nik)
            throws Exception {
        MvcResult result = mvc.perform(bearer(post("/api/v1/people"), context, user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgUnitId":%d,"fullName":"%s","sex":"%s","birthDate":"%s","nik":%s,
                                 "regionCode":"15.71.01","acceptWarnings":true}
                                """.formatted(unitId, name, sex, birthDate, nik == null ? "null" : "\"" + nik + "\"")))
                .andExpect(status().isCreated())
                .andReturn();
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long alyatamaPerson(String name, String birthDate) throws Exception {
        return register("pekerja.alyatama", unit(context, "PSAA Alyatama Jambi"), name, "F", birthDate, null);
    }

    private long kartiniPerson(String name, String birthDate) throws Exception {
        return register("manajer.kartini", unit(context, "BBRSBG Kartini Temanggung"), name, "F", birthDate, null);
    }

    private String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The answer for the missing id as it would read for {@code id}: the number as typed and as shown. */
    private static String asIf(String answer, long id) {
        java.text.NumberFormat shown = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("id"));
        java.text.NumberFormat shownEn = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH);
        return answer.replace(shown.format(MISSING), shown.format(id))
                .replace(shownEn.format(MISSING), shownEn.format(id))
                .replace(String.valueOf(MISSING), String.valueOf(id));
    }

    /** A page without its per-request CSRF token, so that two answers can be compared. */
    private String withoutToken(String page) {
        return page.replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void mergingWithAPersonOfAnotherUnitAnswersLikeAMissingIdAndShowsNothingOfThem() throws Exception {
        long kartini = kartiniPerson("Gabung Kartini Tetap", "1970-01-02");
        long alyatama = alyatamaPerson("Rahasia Alyatama Gabung", "1988-07-21");

        MvcResult refused = mvc.perform(post("/people/merge")
                        .with(as(context, "manajer.kartini"))
                        .with(csrf())
                        .param("survivor", String.valueOf(kartini))
                        .param("other", String.valueOf(alyatama))
                        .param("reason", "pendek"))
                .andExpect(status().isNotFound())
                .andReturn();
        MvcResult missing = mvc.perform(post("/people/merge")
                        .with(as(context, "manajer.kartini"))
                        .with(csrf())
                        .param("survivor", String.valueOf(kartini))
                        .param("other", String.valueOf(MISSING))
                        .param("reason", "pendek"))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(withoutToken(body(refused)))
                .doesNotContain("Rahasia Alyatama Gabung")
                .doesNotContain("1988")
                .doesNotContain("PSAA Alyatama")
                .doesNotContain("Gabung Kartini Tetap")
                .isEqualTo(asIf(withoutToken(body(missing)), alyatama));

        mvc.perform(get("/people/merge")
                        .param("survivor", String.valueOf(kartini))
                        .param("other", String.valueOf(alyatama))
                        .with(as(context, "manajer.kartini")))
                .andExpect(status().isNotFound());

        String api = body(mvc.perform(bearer(post("/api/v1/people/merge"), context, "manajer.kartini")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survivorId\":%d,\"otherId\":%d,\"reason\":\"x\"}".formatted(kartini, alyatama)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("person.notFound"))
                .andReturn());
        String apiMissing = body(mvc.perform(bearer(post("/api/v1/people/merge"), context, "manajer.kartini")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survivorId\":%d,\"otherId\":%d,\"reason\":\"x\"}".formatted(kartini, MISSING)))
                .andExpect(status().isNotFound())
                .andReturn());
        assertThat(api).isEqualTo(asIf(apiMissing, alyatama));
        assertThat(jdbc.sql("select merged_into from registry.person where id = ?")
                        .param(alyatama)
                        .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1)))
                        .single())
                .isEmpty();
    }

    @Test
    void everyPersonEndpointAnswersOutOfScopeIdsLikeMissingOnes() throws Exception {
        long alyatama = alyatamaPerson("Lingkup Alyatama Saja", "1979-09-09");
        long alyatamaUnit = unit(context, "PSAA Alyatama Jambi");
        for (long id : List.of(alyatama, MISSING)) {
            mvc.perform(get("/people/" + id).with(as(context, "manajer.kartini")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/people/" + id + "/edit").with(as(context, "manajer.kartini")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/people/" + id + "/photo").with(as(context, "manajer.kartini")))
                    .andExpect(status().isNotFound());
            for (String path : List.of("", "/consents", "/household", "/photo", "/coverage?purpose=RESEARCH")) {
                mvc.perform(bearer(get("/api/v1/people/" + id + path), context, "manajer.kartini"))
                        .andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.code").value("person.notFound"));
            }
            mvc.perform(bearer(put("/api/v1/people/" + id), context, "manajer.kartini")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"version":0,"person":{"orgUnitId":%d,"fullName":"Ganti","sex":"F",
                                     "birthDate":"1979-09-09","acceptWarnings":true}}
                                    """.formatted(alyatamaUnit)))
                    .andExpect(status().isNotFound());
            mvc.perform(bearer(post("/api/v1/people/" + id + "/household"), context, "manajer.kartini"))
                    .andExpect(status().isNotFound());
            for (String action : List.of("/consents", "/household", "/photo", "/consents/1/withdraw")) {
                mvc.perform(post("/people/" + id + action)
                                .with(as(context, "manajer.kartini"))
                                .with(csrf())
                                .param("purpose", "RESEARCH"))
                        .andExpect(status().isNotFound());
            }
        }
        long household = RegistryTestSupport.household(context, alyatamaUnit, "15.71.01");
        for (long id : List.of(household, MISSING)) {
            mvc.perform(bearer(get("/api/v1/households/" + id), context, "manajer.kartini"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("household.notFound"));
            mvc.perform(bearer(put("/api/v1/households/" + id + "/decile"), context, "manajer.kartini")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":0,\"decile\":3,\"checkedOn\":\"2026-01-01\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("household.notFound"));
        }
    }

    @Test
    void householdMembersAndGuardiansOfOtherUnitsShowOnlyThatTheyExist() throws Exception {
        long head = alyatamaPerson("Kepala Keluarga Lintas", "1975-03-03");
        long outsider = kartiniPerson("Anggota Tersembunyi Kartini", "2001-06-06");
        long household = RegistryTestSupport.household(context, unit(context, "PSAA Alyatama Jambi"), "15.71.01");
        jdbc.sql("insert into registry.household_member (household_id, person_id, relationship) values (?, ?, 'HEAD'),"
                        + " (?, ?, 'CHILD')")
                .params(household, head, household, outsider)
                .update();
        jdbc.sql("update registry.person set guardian_id = ?, guardian_relationship = 'Bibi' where id = ?")
                .params(outsider, head)
                .update();

        String page = body(
                mvc.perform(get("/people/" + head).param("tab", "household").with(as(context, "pekerja.alyatama")))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page)
                .contains("Anggota terdaftar di unit di luar wewenang Anda")
                .doesNotContain("Anggota Tersembunyi Kartini")
                .doesNotContain("/people/" + outsider);
        String details = body(mvc.perform(get("/people/" + head).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(details)
                .contains("Wali terdaftar di unit di luar wewenang Anda")
                .doesNotContain("Anggota Tersembunyi Kartini")
                .doesNotContain("/people/" + outsider);

        mvc.perform(bearer(get("/api/v1/people/" + head + "/household"), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[1].outsideScope").value(true))
                .andExpect(jsonPath("$.members[1].personId").doesNotExist())
                .andExpect(jsonPath("$.members[1].fullName").doesNotExist())
                .andExpect(jsonPath("$.members[1].age").doesNotExist());
        mvc.perform(bearer(get("/api/v1/people/" + head), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.guardianOutsideScope").value(true))
                .andExpect(jsonPath("$.guardianId").doesNotExist())
                .andExpect(jsonPath("$.guardianName").doesNotExist());
        // The Kartini side sees neither the household nor the household's number.
        mvc.perform(bearer(get("/api/v1/households/" + household), context, "manajer.kartini"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("household.notFound"));
        String kartiniView = body(
                mvc.perform(get("/people/" + outsider).param("tab", "household").with(as(context, "manajer.kartini")))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(kartiniView)
                .contains("tercatat dalam keluarga di unit di luar wewenang Anda")
                .doesNotContain("Kepala Keluarga Lintas")
                .doesNotContain("#" + household);
        // Saving the profile with the guardian field empty keeps the link the user cannot see.
        long alyatamaUnit = unit(context, "PSAA Alyatama Jambi");
        mvc.perform(bearer(put("/api/v1/people/" + head), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":0,"person":{"orgUnitId":%d,"fullName":"Kepala Keluarga Lintas","sex":"F",
                                 "birthDate":"1975-03-03","regionCode":"15.71.01","phone":"0811111111",
                                 "acceptWarnings":true}}
                                """.formatted(alyatamaUnit)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select guardian_id from registry.person where id = ?")
                        .param(head)
                        .query(Long.class)
                        .single())
                .isEqualTo(outsider);
    }

    @Test
    void aNikOfAnotherUnitIsOnlySaidToBeRegisteredElsewhere() throws Exception {
        String nik = ImportTestFiles.nik(LocalDate.of(1992, 5, 13), true);
        long kartini = register(
                "manajer.kartini",
                unit(context, "BBRSBG Kartini Temanggung"),
                "Pemilik NIK Kartini",
                "F",
                "1992-05-13",
                nik);
        long alyatamaUnit = unit(context, "PSAA Alyatama Jambi");
        String request = """
                {"orgUnitId":%d,"fullName":"Pendaftar Kedua","sex":"F","birthDate":"1992-05-13","nik":"%s",
                 "regionCode":"15.71.01","acceptWarnings":true}
                """.formatted(alyatamaUnit, nik);
        String en = body(mvc.perform(bearer(post("/api/v1/people"), context, "pekerja.alyatama")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(en)
                .contains("This NIK is already registered elsewhere; ask your data protection officer.")
                .doesNotContain("#" + kartini);
        String id = body(mvc.perform(post("/people")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .param("orgUnitId", String.valueOf(alyatamaUnit))
                        .param("fullName", "Pendaftar Kedua")
                        .param("sex", "F")
                        .param("birthDate", "1992-05-13")
                        .param("nik", nik)
                        .param("regionCode", "15.71.01")
                        .param("acceptWarnings", "true"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn());
        assertThat(id)
                .contains("NIK ini sudah terdaftar di tempat lain; tanyakan kepada petugas pelindungan data Anda.")
                .doesNotContain("#" + kartini);

        // Inside the user's own units the record may still be pointed to.
        String own = ImportTestFiles.nik(LocalDate.of(1992, 5, 14), true);
        long mine = register("pekerja.alyatama", alyatamaUnit, "Pemilik NIK Alyatama", "F", "1992-05-14", own);
        mvc.perform(bearer(post("/api/v1/people"), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request.replace(nik, own).replace("1992-05-13", "1992-05-14")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("#" + mine)));
    }

    @Test
    void nikAnswersAreLimitedPerUserWithRetryAfter() throws Exception {
        int before = nikChecks.limit();
        nikChecks.limit(2);
        try {
            String user = "logistik.alyatama";
            String body = "{\"nik\":\"%s\"}".formatted(ImportTestFiles.nik(LocalDate.of(1990, 1, 1), false));
            for (int i = 0; i < 2; i++) {
                mvc.perform(bearer(post("/api/v1/people/lookup"), context, user)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isOk());
            }
            mvc.perform(bearer(post("/api/v1/people/lookup"), context, user)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
                    .andExpect(jsonPath("$.code").value("nik.tooManyChecks"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("in the last hour")));
            String page = body(mvc.perform(post("/people/search")
                            .with(as(context, user))
                            .with(csrf())
                            .param("q", ImportTestFiles.nik(LocalDate.of(1990, 1, 2), false)))
                    .andExpect(status().isTooManyRequests())
                    .andReturn());
            assertThat(page).contains("dalam satu jam terakhir");
            // Searching by name is not a NIK answer and goes on working.
            mvc.perform(bearer(get("/api/v1/people"), context, user).param("q", "Siti"))
                    .andExpect(status().isOk());
        } finally {
            nikChecks.limit(before);
        }
    }

    @Test
    void viewsOfTheEditFormLookupsHouseholdsConsentsAndPhotosAreLogged() throws Exception {
        String nik = ImportTestFiles.nik(LocalDate.of(1984, 8, 8), true);
        long alyatamaUnit = unit(context, "PSAA Alyatama Jambi");
        long id = register("pekerja.alyatama", alyatamaUnit, "Dicatat Dilihat", "F", "1984-08-08", nik);
        long household = RegistryTestSupport.household(context, alyatamaUnit, "15.71.01");
        jdbc.sql("insert into registry.household_member (household_id, person_id, relationship) values (?, ?, 'HEAD')")
                .params(household, id)
                .update();
        jdbc.sql("insert into registry.person_photo (person_id, content_type, data) values (?, 'image/png', ?)")
                .params(id, new byte[] {1, 2, 3})
                .update();

        mvc.perform(get("/people/" + id + "/edit").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
        mvc.perform(get("/people/" + id).param("tab", "household").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
        mvc.perform(get("/people/" + id).param("tab", "consent").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
        mvc.perform(get("/people/" + id + "/photo").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/people/" + id + "/consents"), context, "pekerja.alyatama"))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/people/" + id + "/household"), context, "pekerja.alyatama"))
                .andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/people/" + id + "/photo"), context, "pekerja.alyatama"))
                .andExpect(status().isOk());
        mvc.perform(bearer(post("/api/v1/people/lookup"), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\":\"" + nik + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id));

        mvc.perform(bearer(post("/api/v1/people/export"), context, "dpo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"" + nik + "\",\"reason\":\"Permintaan subjek data\",\"format\":\"CSV\"}"))
                .andExpect(status().isOk());

        assertThat(views("Person", String.valueOf(id), "EDIT_FORM")).isEqualTo(1);
        assertThat(views("Household", String.valueOf(household), null)).isEqualTo(2);
        assertThat(views("PersonPhoto", String.valueOf(id), null)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'Consent'"
                                + " and username = 'pekerja.alyatama' and changes::text like ?")
                        .param("%\"new\": \"" + id + "\"%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'PersonLookup'"
                                + " and username = 'pekerja.alyatama' and changes::text like ?")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The number looked up (or exported by) is never written to the log, not even masked in part.
        for (String part : List.of(nik.substring(6, 12), Nik.masked(nik))) {
            assertThat(jdbc.sql("select count(*) from audit.entry where concat(purpose, changes::text, subject_id)"
                                    + " like ?")
                            .param("%" + part + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private long views(String subjectType, String subjectId, String purpose) {
        return jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = ? and subject_id = ?"
                        + " and username = 'pekerja.alyatama' and (cast(? as text) is null or purpose = ?)")
                .params(subjectType, subjectId, purpose, purpose)
                .query(Long.class)
                .single();
    }

    @Test
    void anExportHasNoRowsOfAUnitTheUserMayReadButNotExport() throws Exception {
        Users users = context.getBean(Users.class);
        long alyatamaUnit = unit(context, "PSAA Alyatama Jambi");
        long kartiniUnit = unit(context, "BBRSBG Kartini Temanggung");
        RegistryTestSupport.signIn(context, "admin");
        try {
            var user = users.create(
                    new NewUserCommand(
                            "ekspor.terbatas",
                            "Rahasia.Kuat.2026",
                            new UserCommand("Uji Ekspor", null, null, "id", true),
                            false),
                    Role.SOCIAL_WORKER,
                    alyatamaUnit);
            users.addGrant(user.id(), Role.UNIT_HEAD, kartiniUnit);
        } finally {
            RegistryTestSupport.signOut();
        }
        alyatamaPerson("Ekspor Terlarang Zulaikha", "1966-06-16");
        kartiniPerson("Ekspor Terlarang Zulaikha", "1966-06-17");

        // Both are readable ...
        mvc.perform(bearer(get("/api/v1/people"), context, "ekspor.terbatas").param("q", "Ekspor Terlarang Zulaikha"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        // ... but only the unit of the export role is exported.
        String csv = body(mvc.perform(bearer(post("/api/v1/people/export"), context, "ekspor.terbatas")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"q":"Ekspor Terlarang Zulaikha","reason":"Laporan bulanan unit Kartini",
                                 "format":"CSV"}
                                """))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(csv).contains("BBRSBG Kartini Temanggung").doesNotContain("PSAA Alyatama Jambi");
        assertThat(csv.lines().filter(l -> l.contains("Ekspor Terlarang Zulaikha")))
                .hasSize(1);
    }
}
