package id.peduli.registry.search;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.Today;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.registry.DisabilityType;
import id.peduli.registry.RegistryTestSupport;
import id.peduli.registry.Sex;
import id.peduli.registry.identity.NameKey;
import id.peduli.registry.person.People;
import id.peduli.registry.person.PersonCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The people search, its page, API and export, on the shared application with people registered through {@link
 * People#register} by the real demo users: a social worker of PSAA Alyatama Jambi and the site mentor of SW Peduli
 * Temanggung (under BBRSBG Kartini Temanggung).
 */
@PeduliTest
class PersonSearchTests {

    static final String RIZALDY_NIK = "1571011205900001";
    static final String LESTARI_NIK = "1571014403850002";
    static final String RIZALDI_NIK = "3323011708920001";
    static final String SRI_NIK = "3323014107150003";
    static final String RISA_NIK = "3323014909990004";
    static final String KK_NOW = "1571010101200001";
    static final String KK_BEFORE = "1571010101150002";
    static final String REASON = "Rekap penerima layanan triwulan III untuk laporan Dinas Sosial";

    /** Seeded once for the shared database: name → id. */
    private static Map<String, Long> seeded;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    PersonExport export;

    @BeforeEach
    void seed() {
        if (seeded != null) {
            return;
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        long alyatama = unit("PSAA Alyatama Jambi");
        long temanggung = unit("SW Peduli Temanggung");
        signedIn("pekerja.alyatama", () -> {
            ids.put(
                    "rizaldy",
                    register(
                            alyatama,
                            "Muhammad Rizaldy Kusumobroto",
                            Sex.M,
                            LocalDate.of(1990, 5, 12),
                            null,
                            RIZALDY_NIK,
                            "15.71.01.1001",
                            List.of()));
            ids.put(
                    "lestari",
                    register(
                            alyatama,
                            "Siti Lestari Wiryaningrum",
                            Sex.F,
                            LocalDate.of(1985, 3, 4),
                            null,
                            LESTARI_NIK,
                            "15.71.01.1002",
                            List.of(DisabilityType.PHYSICAL)));
            ids.put(
                    "djoko",
                    register(
                            alyatama,
                            "Djoko Purwosantoso",
                            Sex.M,
                            null,
                            1950,
                            null,
                            "15.71.01.1003",
                            List.of(DisabilityType.SENSORY)));
            ids.put(
                    "mergedLestari",
                    register(
                            alyatama,
                            "Siti Lestari Wiryaningrum",
                            Sex.F,
                            null,
                            1985,
                            null,
                            "15.71.01.1002",
                            List.of()));
            for (int i = 0; i < 25; i++) {
                ids.put(
                        "bagus" + i,
                        register(
                                alyatama,
                                "Bagus Sukmajaya",
                                Sex.M,
                                LocalDate.of(1980, 1, 1).plusDays(i),
                                null,
                                null,
                                "15.71.01.1004",
                                List.of()));
            }
            return null;
        });
        signedIn("pendamping.temanggung", () -> {
            ids.put(
                    "rizaldi",
                    register(
                            temanggung,
                            "Mohammad Rizaldi Kusumobroto",
                            Sex.M,
                            LocalDate.of(1992, 8, 17),
                            null,
                            RIZALDI_NIK,
                            "33.23.01.2001",
                            List.of()));
            ids.put(
                    "sri",
                    register(
                            temanggung,
                            "Sri Handayaningsih Wiratmojo",
                            Sex.F,
                            LocalDate.of(2015, 7, 1),
                            null,
                            SRI_NIK,
                            "33.23.01.2001",
                            List.of(DisabilityType.INTELLECTUAL)));
            ids.put(
                    "risa",
                    register(
                            temanggung,
                            "@Risa Formulanto",
                            Sex.F,
                            LocalDate.of(1999, 9, 9),
                            null,
                            RISA_NIK,
                            "33.23.01.2001",
                            List.of(DisabilityType.MENTAL, DisabilityType.SENSORY)));
            return null;
        });
        jdbc.sql("update registry.person set merged_into = ? where id = ?")
                .params(ids.get("lestari"), ids.get("mergedLestari"))
                .update();
        long household = RegistryTestSupport.household(context, alyatama, "15.71.01.1001");
        jdbc.sql("insert into registry.household_member (household_id, person_id, relationship)"
                        + " values (?, ?, 'HEAD'), (?, ?, 'SPOUSE')")
                .params(household, ids.get("rizaldy"), household, ids.get("lestari"))
                .update();
        RegistryTestSupport.familyCard(
                context, household, KK_BEFORE, LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31));
        RegistryTestSupport.familyCard(context, household, KK_NOW, LocalDate.of(2020, 1, 1), null);
        seeded = ids;
    }

    // Name search: typos, spelling variants, old spellings, word order

    @Test
    void aNameWithATypoFindsBothSpellingsOfTheName() throws Exception {
        search("dpo", "Muhamad Rizaldi Kusumobrot")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath(
                        "$.items[*].fullName",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "Muhammad Rizaldy Kusumobroto", "Mohammad Rizaldi Kusumobroto")));
        search("dpo", "Kusumobroto Rizaldy").andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void spellingVariantsAndTyposFindTheSamePerson() throws Exception {
        for (String query : List.of(
                "Siti Lestary Wiryaningrum",
                "Sitti Lestari Wiryanigrum",
                "siti  LESTARI wiryaningrum",
                "Wiryaningrum")) {
            search("dpo", query)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(seeded.get("lestari")));
        }
        search("dpo", "Joko Poerwosantoso").andExpect(jsonPath("$.items[0].id").value(seeded.get("djoko")));
    }

    @Test
    void theClosestNameComesFirst() throws Exception {
        search("dpo", "Mohammad Rizaldi Kusumobroto")
                .andExpect(jsonPath("$.items[0].id").value(seeded.get("rizaldi")));
    }

    @Test
    void mergedRecordsAreLeftOut() throws Exception {
        MvcResult result = search("dpo", "Siti Lestari Wiryaningrum").andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("\"id\":" + seeded.get("mergedLestari"));
    }

    @Test
    void resultsShowTheMaskedNikTheRegionAndTheUnit() throws Exception {
        search("dpo", "Siti Lestari Wiryaningrum")
                .andExpect(jsonPath("$.items[0].nikMasked").value("1571••••••••••••"))
                .andExpect(jsonPath("$.items[0].sex").value("F"))
                .andExpect(jsonPath("$.items[0].birthDate").value("1985-03-04"))
                .andExpect(jsonPath("$.items[0].age").value(age(LocalDate.of(1985, 3, 4))))
                .andExpect(jsonPath("$.items[0].regionCode").value("15.71.01.1002"))
                .andExpect(jsonPath("$.items[0].regionName", containsString("Kota Jambi")))
                .andExpect(jsonPath("$.items[0].orgUnitName").value("PSAA Alyatama Jambi"))
                .andExpect(jsonPath("$.items[0].disabilityTypes[0]").value("PHYSICAL"))
                .andExpect(content().string(not(containsString(LESTARI_NIK))));
    }

    // Scope

    @Test
    void everyoneFindsOnlyThePeopleOfTheirUnits() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("pekerja.alyatama", List.of("Muhammad Rizaldy Kusumobroto"));
        expected.put("logistik.alyatama", List.of("Muhammad Rizaldy Kusumobroto"));
        expected.put("pendamping.temanggung", List.of("Mohammad Rizaldi Kusumobroto"));
        expected.put("manajer.kartini", List.of("Mohammad Rizaldi Kusumobroto"));
        expected.put("kepala.kartini", List.of("Mohammad Rizaldi Kusumobroto"));
        for (var entry : expected.entrySet()) {
            search(entry.getKey(), "Rizaldi Kusumobroto")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(entry.getValue().size()))
                    .andExpect(jsonPath("$.items[0].fullName")
                            .value(entry.getValue().get(0)));
        }
    }

    @Test
    void aUserWithoutARegistryRoleIsRefused() throws Exception {
        mvc.perform(bearer(get("/api/v1/people").param("q", "Siti"), context, "auditor"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/people").param("q", "Siti")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/people/lookup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\":\"" + LESTARI_NIK + "\"}"))
                .andExpect(status().isUnauthorized());
    }

    // Exact NIK and KK

    @Test
    void aNikFindsItsPersonWithinScopeOnly() throws Exception {
        lookup("pekerja.alyatama", "{\"nik\":\"1571 0144 0385 0002\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(seeded.get("lestari")))
                .andExpect(content().string(not(containsString(LESTARI_NIK))));
        lookup("pendamping.temanggung", "{\"nik\":\"" + LESTARI_NIK + "\"}")
                .andExpect(jsonPath("$.total").value(0));
        lookup("dpo", "{\"nik\":\"3323011708920009\"}")
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aFamilyCardNumberCurrentOrEarlierFindsTheHousehold() throws Exception {
        for (String kk : List.of(KK_NOW, KK_BEFORE)) {
            lookup("dpo", "{\"kk\":\"" + kk + "\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(2))
                    .andExpect(jsonPath(
                            "$.items[*].id",
                            org.hamcrest.Matchers.containsInAnyOrder(
                                    seeded.get("rizaldy").intValue(),
                                    seeded.get("lestari").intValue())));
        }
    }

    @Test
    void aLookupNeedsExactlyOneWellFormedNumber() throws Exception {
        lookup("dpo", "{\"nik\":\"" + LESTARI_NIK + "\",\"kk\":\"" + KK_NOW + "\"}")
                .andExpect(status().isUnprocessableEntity());
        lookup("dpo", "{}").andExpect(status().isUnprocessableEntity());
        lookup("dpo", "{\"nik\":\"12345\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("nik"))
                .andExpect(jsonPath("$.errors[0].code").value("peopleSearch.lookupFormat"));
    }

    @Test
    void aNikInAnAddressIsRefused() throws Exception {
        search("dpo", LESTARI_NIK)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("peopleSearch.identifierInAddress"));
        search("dpo", "157101")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("peopleSearch.identifierLength"));
    }

    // Filters and paging

    @Test
    void filtersNarrowTheResults() throws Exception {
        search("dpo", "Wiryaningrum", "sex", "M").andExpect(jsonPath("$.total").value(0));
        search("dpo", "Wiryaningrum", "sex", "F").andExpect(jsonPath("$.total").value(1));
        search("dpo", "Wiryaningrum", "region", "15.71")
                .andExpect(jsonPath("$.total").value(1));
        search("dpo", "Wiryaningrum", "region", "15.71.01.1002")
                .andExpect(jsonPath("$.total").value(1));
        search("dpo", "Wiryaningrum", "region", "33.23")
                .andExpect(jsonPath("$.total").value(0));
        search("dpo", "Wiryaningrum", "disability", "PHYSICAL")
                .andExpect(jsonPath("$.total").value(1));
        search("dpo", "Wiryaningrum", "disability", "MENTAL")
                .andExpect(jsonPath("$.total").value(0));
        int sri = age(LocalDate.of(2015, 7, 1));
        search("dpo", "Handayaningsih Wiratmojo", "ageFrom", String.valueOf(sri), "ageTo", String.valueOf(sri))
                .andExpect(jsonPath("$.total").value(1));
        search("dpo", "Handayaningsih Wiratmojo", "ageFrom", String.valueOf(sri + 1))
                .andExpect(jsonPath("$.total").value(0));
        int djoko = Today.date().getYear() - 1950;
        search("dpo", "Purwosantoso", "ageFrom", String.valueOf(djoko), "ageTo", String.valueOf(djoko))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].approximate").value(true))
                .andExpect(jsonPath("$.items[0].nikMasked").doesNotExist());
        search("dpo", "Purwosantoso", "ageTo", String.valueOf(djoko - 1))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void filtersWithoutANameListEveryoneInThem() throws Exception {
        mvc.perform(bearer(
                        get("/api/v1/people").param("region", "15.71.01.1004").param("size", "200"), context, "dpo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(25));
    }

    @Test
    void invalidFiltersAreRefusedWithTheField() throws Exception {
        search("dpo", "Siti", "ageFrom", "abc")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("ageFrom"));
        search("dpo", "Siti", "ageFrom", "50", "ageTo", "40")
                .andExpect(jsonPath("$.errors[0].field").value("ageTo"));
        search("dpo", "Siti", "sex", "X")
                .andExpect(jsonPath("$.errors[0].field").value("sex"));
        search("dpo", "Siti", "disability", "OTHER")
                .andExpect(jsonPath("$.errors[0].field").value("disability"));
        search("dpo", "Siti", "region", "99.99")
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void resultsArePaged() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            MvcResult result = mvc.perform(bearer(
                            get("/api/v1/people")
                                    .param("q", "Bagus Sukmajaya")
                                    .param("size", "10")
                                    .param("page", String.valueOf(page)),
                            context,
                            "pekerja.alyatama"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(25))
                    .andExpect(jsonPath("$.items.length()").value(page < 2 ? 10 : 5))
                    .andReturn();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)")
                    .matcher(result.getResponse().getContentAsString());
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        assertThat(ids).hasSize(25);
    }

    @Test
    void aPageNumberPastTheFirstTenThousandResultsIsClampedNotScannedFor() throws Exception {
        for (String page : new String[] {"2147483647", "500"}) {
            mvc.perform(bearer(
                            get("/api/v1/people").param("size", "20").param("page", page), context, "pekerja.alyatama"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.page").value(499))
                    .andExpect(jsonPath("$.size").value(20));
        }
        mvc.perform(bearer(
                        get("/api/v1/people").param("size", "100000").param("page", "3"), context, "pekerja.alyatama"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.page").value(3));
    }

    @Test
    void whenNoOneHasEveryWordPeopleWithAllButOneAreListed() throws Exception {
        // Every word is a registered name word, but nobody has all three.
        MvcResult result = search("dpo", "Djoko Sukmajaya Purwosantoso")
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains("\"id\":" + seeded.get("djoko") + ",")
                .doesNotContain("Bagus Sukmajaya");
    }

    @Test
    void aWordFurtherThanATypoStandsForTheDictionaryWordsItResembles() throws Exception {
        // Two letters off in a nine-letter word, and only a third of its trigrams shared with "sukmajaya".
        NameDictionary.TokenMatch match = context.getBean(NameDictionary.class).tokens(NameKey.of("Bagus Sukmojaye"));
        assertThat(match).isNotNull();
        assertThat(match.words().get(1).far()).contains("sukmajaya");
        search("pekerja.alyatama", "Bagus Sukmojaye")
                .andExpect(jsonPath("$.total").value(25));
    }

    @Test
    void aBroadNameRanksOnlyTheFirstMatchesAndSaysThereAreMore() throws Exception {
        PersonSearch search = context.getBean(PersonSearch.class);
        int limit = (int) ReflectionTestUtils.getField(search, "sampleLimit");
        ReflectionTestUtils.setField(search, "sampleLimit", 10);
        try {
            search("pekerja.alyatama", "Bagus Sukmajaya")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(10))
                    .andExpect(jsonPath("$.totalExact").value(false))
                    .andExpect(jsonPath("$.items.length()").value(10));
            search("pekerja.alyatama", "Siti Lestari Wiryaningrum")
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.totalExact").value(true));
            mvc.perform(post("/people/search")
                            .with(as(context, "pekerja.alyatama"))
                            .with(csrf())
                            .param("q", "Bagus Sukmajaya"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Lebih dari 10 orang cocok")));
        } finally {
            ReflectionTestUtils.setField(search, "sampleLimit", limit);
        }
    }

    @Test
    void aListWithoutANameCountsUpToItsLimitAndShowsTheNewestFirst() throws Exception {
        PersonSearch search = context.getBean(PersonSearch.class);
        int limit = (int) ReflectionTestUtils.getField(search, "countLimit");
        ReflectionTestUtils.setField(search, "countLimit", 5);
        try {
            MvcResult result = mvc.perform(
                            bearer(get("/api/v1/people").param("region", "15.71.01.1004"), context, "pekerja.alyatama"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(5))
                    .andExpect(jsonPath("$.totalExact").value(false))
                    .andReturn();
            List<Long> ids = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)")
                    .matcher(result.getResponse().getContentAsString());
            while (m.find()) {
                ids.add(Long.valueOf(m.group(1)));
            }
            assertThat(ids).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        } finally {
            ReflectionTestUtils.setField(search, "countLimit", limit);
        }
    }

    // Export

    @Test
    void aCsvExportHasABomFullIdentifiersWhenAskedAndNeutralisedFormulas() throws Exception {
        byte[] body = exportRequest("dpo", "Risa Formulanto", "CSV", true)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> records = csv(body);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get(1)).isEqualTo("Nama lengkap");
        CSVRecord risa = records.get(1);
        assertThat(risa.get(0)).isEqualTo(String.valueOf(seeded.get("risa")));
        assertThat(risa.get(1)).isEqualTo("'@Risa Formulanto");
        assertThat(risa.get(3)).isEqualTo("1999-09-09");
        assertThat(risa.get(7)).isEqualTo(RISA_NIK);
        assertThat(risa.get(14)).isEqualTo("Mental, Sensorik");
    }

    @Test
    void identifiersStayMaskedWithoutAFullIdentifierRoleOrWithoutAsking() throws Exception {
        List<CSVRecord> head = csv(exportRequest("kepala.kartini", "Risa Formulanto", "CSV", true)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(head.get(1).get(7)).isEqualTo("3323••••••••••••");
        List<CSVRecord> dpo = csv(exportRequest("dpo", "Risa Formulanto", "CSV", false)
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(dpo.get(1).get(7)).isEqualTo("3323••••••••••••");
    }

    @Test
    void theFamilyCardIsExportedMaskedOrInFull() throws Exception {
        List<CSVRecord> full = csv(exportRequest("dpo", "Siti Lestari Wiryaningrum", "CSV", true)
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(full.get(1).get(8)).isEqualTo(KK_NOW);
        List<CSVRecord> masked = csv(exportRequest("dpo", "Siti Lestari Wiryaningrum", "CSV", false)
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(masked.get(1).get(8)).isEqualTo("1571••••••••••••");
    }

    @Test
    void anXlsxExportParsesBack() throws Exception {
        byte[] body = exportRequest("manajer.kartini", "Handayaningsih Wiratmojo", "XLSX", false)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            try (var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach(row -> rows.add(cells(row)));
            }
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(1)).isEqualTo("Nama lengkap");
        assertThat(rows.get(1).get(1)).isEqualTo("Sri Handayaningsih Wiratmojo");
        assertThat(rows.get(1).get(7)).isEqualTo("3323••••••••••••");
    }

    @Test
    void anExportIsWrittenToTheProcessingLog() throws Exception {
        String reason = REASON + " (log)";
        mvc.perform(bearer(post("/api/v1/people/export"), context, "dpo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"Bagus Sukmajaya\",\"reason\":\"" + reason + "\",\"format\":\"XLSX\"}"))
                .andExpect(status().isOk());
        Map<String, Object> entry = jdbc.sql("select username, subject_type, purpose, cast(changes as text) as changes"
                        + " from audit.entry where action = 'EXPORT' and purpose = ? order by id desc limit 1")
                .param(reason)
                .query()
                .singleRow();
        assertThat(entry.get("username")).isEqualTo("dpo");
        assertThat(entry.get("subject_type")).isEqualTo("PersonSearch");
        assertThat((String) entry.get("changes"))
                .contains("name~bagus sukmajaya")
                .contains("\"rows\"")
                .contains("\"25\"")
                .contains("masked");
    }

    @Test
    void anExportNeedsAReasonAndTheRight() throws Exception {
        mvc.perform(bearer(post("/api/v1/people/export"), context, "dpo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"Bagus Sukmajaya\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(bearer(post("/api/v1/people/export"), context, "dpo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"Bagus Sukmajaya\",\"reason\":\"singkat\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("peopleSearch.export.reasonLength"));
        for (String user : List.of("pekerja.alyatama", "pendamping.temanggung", "logistik.alyatama")) {
            mvc.perform(bearer(post("/api/v1/people/export"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"q\":\"Bagus Sukmajaya\",\"reason\":\"" + REASON + "\"}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anExportAboveTheRowLimitIsRefused() throws Exception {
        long limit = export.maxRows();
        ReflectionTestUtils.setField(export, "maxRows", 10L);
        try {
            exportRequest("dpo", "Bagus Sukmajaya", "CSV", false)
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.code").value("peopleSearch.export.tooMany"));
        } finally {
            ReflectionTestUtils.setField(export, "maxRows", limit);
        }
    }

    // The page

    @Test
    void thePageListsThePeopleOfTheUnitWithActionsByRole() throws Exception {
        mvc.perform(get("/people").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"peopleSearch\"")))
                .andExpect(content().string(containsString("id=\"registerPerson\"")))
                .andExpect(content().string(containsString("Bagus Sukmajaya")))
                .andExpect(content().string(not(containsString("Mohammad Rizaldi Kusumobroto"))))
                .andExpect(content().string(not(containsString("id=\"exportForm\""))));
        mvc.perform(get("/people").with(as(context, "kepala.kartini")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"registerPerson\""))))
                .andExpect(content().string(containsString("id=\"exportForm\"")))
                .andExpect(content().string(not(containsString("id=\"includeFullNik\""))));
        mvc.perform(get("/people").with(as(context, "manajer.kartini")))
                .andExpect(content().string(containsString("id=\"includeFullNik\"")));
    }

    @Test
    void thePageSearchesByNameAndByNikPostedNeverInTheAddress() throws Exception {
        mvc.perform(post("/people/search")
                        .param("q", "Sitti Lestary")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/people/" + seeded.get("lestari") + "\"")))
                .andExpect(content().string(containsString("1571••••••••••••")));
        mvc.perform(post("/people/search").param("q", LESTARI_NIK).with(csrf()).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Siti Lestari Wiryaningrum")));
        mvc.perform(get("/people").param("q", LESTARI_NIK).with(as(context, "pekerja.alyatama")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("tidak boleh dikirim lewat alamat")))
                .andExpect(content().string(not(containsString("Siti Lestari Wiryaningrum"))));
    }

    @Test
    void thePageIsForRegistryRolesOnly() throws Exception {
        mvc.perform(get("/people").with(as(context, "operator.temanggung"))).andExpect(status().isForbidden());
        mvc.perform(get("/people")).andExpect(status().is3xxRedirection());
    }

    @Test
    void thePageExportsAfterAReasonAndShowsTheFormAgainWithoutOne() throws Exception {
        mvc.perform(post("/people/export")
                        .param("q", "Handayaningsih")
                        .param("format", "CSV")
                        .with(csrf())
                        .with(as(context, "kepala.kartini")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Isi alasan ekspor.")))
                .andExpect(content().string(containsString("id=\"exportPanel\" open")));
        byte[] body = mvc.perform(post("/people/export")
                        .param("q", "Handayaningsih")
                        .param("reason", REASON)
                        .param("format", "CSV")
                        .param("includeFullNik", "true")
                        .with(csrf())
                        .with(as(context, "kepala.kartini")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(csv(body).get(1).get(7)).isEqualTo("3323••••••••••••");
        mvc.perform(post("/people/export")
                        .param("q", "Handayaningsih")
                        .param("reason", REASON)
                        .with(csrf())
                        .with(as(context, "pendamping.temanggung")))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageSpeaksEnglish() throws Exception {
        mvc.perform(get("/people").with(as(context, "kepala.kartini")).header("Accept-Language", "en"))
                .andExpect(status().isOk());
    }

    // Helpers

    private org.springframework.test.web.servlet.ResultActions search(String user, String q, String... filters)
            throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/people").param("q", q);
        for (int i = 0; i + 1 < filters.length; i += 2) {
            request = request.param(filters[i], filters[i + 1]);
        }
        return mvc.perform(bearer(request, context, user));
    }

    private org.springframework.test.web.servlet.ResultActions lookup(String user, String json) throws Exception {
        return mvc.perform(bearer(post("/api/v1/people/lookup"), context, user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private org.springframework.test.web.servlet.ResultActions exportRequest(
            String user, String q, String format, boolean full) throws Exception {
        return mvc.perform(bearer(post("/api/v1/people/export"), context, user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\":\"" + q + "\",\"reason\":\"" + REASON + "\",\"format\":\"" + format
                        + "\",\"includeFullNik\":" + full + "}"));
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.RFC4180
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .getRecords();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getCellText(i));
        }
        return cells;
    }

    private static int age(LocalDate birthDate) {
        return Period.between(birthDate, Today.date()).getYears();
    }

    private long unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow();
    }

    private long register(
            long unit,
            String name,
            Sex sex,
            LocalDate birthDate,
            Integer birthYear,
            String nik,
            String region,
            List<DisabilityType> disabilities) {
        return people.register(new PersonCommand(
                        unit,
                        name,
                        null,
                        sex,
                        null,
                        birthDate,
                        birthYear,
                        nik,
                        region,
                        "003",
                        "005",
                        null,
                        null,
                        disabilities,
                        null,
                        null,
                        null,
                        null,
                        null,
                        true))
                .id();
    }

    private <T> T signedIn(String username, Supplier<T> action) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
