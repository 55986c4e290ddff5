package id.peduli.registry.imports;

import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.imports.ImportTestFiles.csv;
import static id.peduli.registry.imports.ImportTestFiles.externalId;
import static id.peduli.registry.imports.ImportTestFiles.kk;
import static id.peduli.registry.imports.ImportTestFiles.nik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import id.peduli.PeduliTest;
import id.peduli.platform.FieldEncryption;
import id.peduli.registry.person.People;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Import jobs through the API: row rules and their report, commit modes, idempotent re-import, refused files. */
@PeduliTest
class ImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportSettings settings;

    @Autowired
    ImportJobs jobs;

    @Autowired
    FieldEncryption encryption;

    private long unit(String name) {
        return jdbc.sql("select id from organization.org_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long alyatama() {
        return unit("PSAA Alyatama Jambi");
    }

    private ImportClient worker() {
        return new ImportClient(mvc, context, "pekerja.alyatama");
    }

    private long people(String... externalIds) {
        return jdbc.sql("select count(*) from registry.person where external_id in (:ids)")
                .param("ids", List.of(externalIds))
                .query(Long.class)
                .single();
    }

    private static int number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).intValue();
    }

    private static String row(String externalId, String name, String sex, String birthDate, String nik, String region) {
        return String.join(",", externalId, name, sex, birthDate, "", nik, region, "", "", "", "", "", "");
    }

    @Test
    void everyBadRowGetsAMessageForItsRowAndColumnInTheReadersLanguage() throws Exception {
        String ok = externalId("ok");
        String self = externalId("self");
        String head1 = externalId("head1");
        String head2 = externalId("head2");
        String duplicate = nik(LocalDate.of(1985, 6, 1), false);
        byte[] file = csv(
                ImportTestFiles.HEADER,
                row(ok, "Budi Santoso", "L", "1990-02-15", nik(LocalDate.of(1990, 2, 15), false), "15.71.01.1001"),
                row(externalId("d1"), "Agus Salim", "L", "31-02-1990", "", "15.71.01.1001"),
                row(externalId("d2"), "Rina Putri", "P", "1990/13/01", "", "15.71.01.1001"),
                row(externalId("n15"), "Joko Widodo", "L", "1990-02-15", "157101150290001", "15.71.01.1001"),
                row(externalId("n17"), "Sri Wahyuni", "P", "1990-02-15", "15710155029000011", "15.71.01.1001"),
                row(externalId("nx"), "Dewi Lestari", "P", "1990-02-15", "15710155029OOO12", "15.71.01.1001"),
                row(externalId("v"), "Bambang Pamungkas", "L", "1990-02-15", "", "15.71.01.9999"),
                String.join(
                        ",",
                        self,
                        "Wati Susanti",
                        "P",
                        "2010-01-01",
                        "",
                        "",
                        "15.71.01.1001",
                        "",
                        "",
                        "",
                        "",
                        self,
                        "IBU"),
                String.join(
                        ",", head1, "Hasan Basri", "L", "1970-01-01", "", "", "", "KEL-2H", "KEPALA", "", "", "", ""),
                String.join(
                        ",", head2, "Husin Basri", "L", "1972-01-01", "", "", "", "KEL-2H", "KEPALA", "", "", "", ""),
                row(externalId("dup1"), "Ahmad Dahlan", "L", "1985-06-01", duplicate, "15.71.01.1001"),
                row(externalId("dup2"), "Ahmad Dahlan", "L", "1985-06-01", duplicate, "15.71.01.1001"));
        ImportClient client = worker();
        long id = client.validated(alyatama(), "salah.csv", file);
        String status = client.status(id);
        assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("VALIDATED");
        assertThat(number(status, "$.totalRows")).isEqualTo(12);
        assertThat(number(status, "$.errorRows")).isEqualTo(10);
        assertThat(number(status, "$.validRows")).isEqualTo(2);

        String indonesian = client.report(id, "csv", "id");
        assertThat(indonesian)
                .contains("3,birth_date,birth_date,Galat,\"Tanggal \"\"31-02-1990\"\" tidak ada di kalender.\"")
                .contains("4,birth_date,birth_date,Galat,\"Tanggal \"\"1990/13/01\"\" tidak dikenali.")
                .contains("5,nik,nik,Galat,NIK harus 16 angka (yang diisi 15 angka).")
                .contains("6,nik,nik,Galat,NIK harus 16 angka (yang diisi 17 angka).")
                .contains("7,nik,nik,Galat,NIK hanya boleh berisi angka.")
                .contains("8,region_code,region_code,Galat,Kode wilayah “15.71.01.9999” tidak dikenal.")
                .contains("9,guardian_external_id,guardian_external_id,Galat,"
                        + "Seseorang tidak dapat menjadi wali bagi dirinya sendiri.")
                .contains("10,relationship_to_head,relationship_to_head,Galat,"
                        + "\"Keluarga \"\"KEL-2H\"\" memiliki 2 kepala keluarga")
                .contains("11,relationship_to_head,relationship_to_head,Galat")
                .contains("13,nik,nik,Galat,NIK ini sudah dipakai di baris 12 berkas yang sama.");
        assertThat(indonesian.lines().filter(l -> l.startsWith("2,"))).isEmpty();

        String english = client.report(id, "csv", "en");
        assertThat(english)
                .startsWith("\uFEFFRow,Field,Column in the file,Severity,Message")
                .contains("3,birth_date,birth_date,Error,\"Date \"\"31-02-1990\"\" does not exist in the calendar.\"")
                .contains("4,birth_date,birth_date,Error,\"Date \"\"1990/13/01\"\" is not recognised.")
                .contains("5,nik,nik,Error,A NIK has 16 digits")
                .contains("9,guardian_external_id,guardian_external_id,Error,")
                .contains("has 2 heads; a household may have only one.")
                .contains("13,nik,nik,Error,This NIK is already used in row 12 of the same file.");

        MvcResult refused = client.commit(id, "ALL_OR_NOTHING");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("10 baris masih memiliki galat");
        assertThat(people(ok, self, head1, head2)).isZero();

        String done = client.committed(id, "VALID_ONLY");
        assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("COMMITTED");
        assertThat(number(done, "$.createdRows")).isEqualTo(2);
        assertThat(people(ok)).isEqualTo(1);
        assertThat(people(self, head1, head2)).isZero();
        assertThat(Files.exists(settings.file(id))).isFalse();
        assertThat(jdbc.sql("select count(*) from audit.entry where subject_type = 'ImportJob' and subject_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void warningsDoNotBlockAndNikIsStoredEncrypted() throws Exception {
        String id1 = externalId("w");
        String nik = nik(LocalDate.of(1990, 2, 15), false);
        byte[] file = csv(ImportTestFiles.HEADER, row(id1, "Rahmat Hidayat", "P", "1990-02-15", nik, "15.71.01.1001"));
        ImportClient client = worker();
        long id = client.validated(alyatama(), "w.csv", file);
        String status = client.status(id);
        assertThat(number(status, "$.errorRows")).isZero();
        assertThat(number(status, "$.warningRows")).isEqualTo(1);
        assertThat(client.report(id, "csv", "en")).contains("2,nik,nik,Warning,");
        client.committed(id, "ALL_OR_NOTHING");
        var stored = jdbc.sql("select nik_cipher, nik_masked, sex from registry.person where external_id = ?")
                .param(id1)
                .query((rs, i) -> List.of(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(new String((byte[]) stored.get(0), StandardCharsets.ISO_8859_1))
                .doesNotContain(nik);
        assertThat(stored.get(1)).isEqualTo(nik.substring(0, 4) + "••••••••••••");
        assertThat(stored.get(2)).isEqualTo("F");
    }

    @Test
    void reimportingTheSameFileCreatesNoDuplicates() throws Exception {
        String head = externalId("kepala");
        String wife = externalId("istri");
        String child = externalId("anak");
        String noIdNik = nik(LocalDate.of(2000, 7, 7), true);
        String header = ImportTestFiles.HEADER + ",welfare_decile,decile_checked_on,disability_types";
        String kk = kk();
        byte[] file = csv(
                header,
                String.join(
                        ",",
                        head,
                        "Slamet Riyadi",
                        "L",
                        "15-02-1970",
                        "",
                        nik(LocalDate.of(1970, 2, 15), false),
                        "15.71.01.1001",
                        "RT-01",
                        "KEPALA",
                        kk,
                        "2020-01-01",
                        "",
                        "",
                        "3",
                        "2025-06-01",
                        ""),
                String.join(
                        ",",
                        wife,
                        "Sumarni",
                        "P",
                        "1972-03-05",
                        "",
                        nik(LocalDate.of(1972, 3, 5), true),
                        "15.71.01.1001",
                        "RT-01",
                        "ISTRI",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        ""),
                String.join(
                        ",",
                        child,
                        "Bagus Riyadi",
                        "L",
                        "",
                        "2005",
                        "",
                        "15.71.01.1001",
                        "RT-01",
                        "ANAK",
                        "",
                        "",
                        wife,
                        "ibu",
                        "",
                        "",
                        "fisik; sensorik"),
                String.join(
                        ",",
                        "",
                        "Tanpa Id",
                        "P",
                        "07/07/2000",
                        "",
                        noIdNik,
                        "15.71.01.1001",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        ""));
        ImportClient client = worker();
        long first = client.validated(alyatama(), "keluarga.csv", file);
        String done = client.committed(first, "ALL_OR_NOTHING");
        assertThat(number(done, "$.createdRows")).isEqualTo(4);
        assertThat(number(done, "$.households")).isEqualTo(1);
        long household = jdbc.sql("select m.household_id from registry.household_member m join registry.person p"
                        + " on p.id = m.person_id where p.external_id = ?")
                .param(head)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from registry.household_member where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select welfare_decile from registry.household where id = ?")
                        .param(household)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select array_to_string(disability_types, ',') || '|' || guardian_relationship || '|'"
                                + " || (guardian_id = (select id from registry.person where external_id = ?))"
                                + " || '|' || birth_date_approximate from registry.person where external_id = ?")
                        .params(wife, child)
                        .query(String.class)
                        .single())
                .isEqualTo("PHYSICAL,SENSORY|ibu|true|true");

        long second = client.validated(alyatama(), "keluarga.csv", file);
        String again = client.status(second);
        assertThat(number(again, "$.newRows")).isZero();
        assertThat(number(again, "$.existingRows")).isEqualTo(4);
        String redone = client.committed(second, "ALL_OR_NOTHING");
        assertThat(number(redone, "$.createdRows")).isZero();
        assertThat(number(redone, "$.updatedRows")).isZero();
        assertThat(number(redone, "$.unchangedRows")).isEqualTo(4);
        assertThat(people(head, wife, child)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from registry.person where nik_hash = ?")
                        .param(encryption.hash(People.NIK_FIELD, noIdNik))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from registry.household_member where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from registry.kk_history where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        byte[] changed = csv(
                ImportTestFiles.HEADER,
                String.join(",", wife, "Sumarni Riyadi", "P", "1972-03-05", "", "", "", "", "", "", "", "", ""));
        long third = client.validated(alyatama(), "ubah.csv", changed);
        String updated = client.committed(third, "ALL_OR_NOTHING");
        assertThat(number(updated, "$.updatedRows")).isEqualTo(1);
        assertThat(jdbc.sql("select full_name || '|' || region_code from registry.person where external_id = ?")
                        .param(wife)
                        .query(String.class)
                        .single())
                .isEqualTo("Sumarni Riyadi|15.71.01.1001");
    }

    @Test
    void aRowLikeSomeoneRegisteredOrLikeAnotherRowIsWarnedOfAndCanStillBeCommitted() throws Exception {
        String registered = externalId("sumarsih");
        ImportClient client = worker();
        client.committed(
                client.validated(
                        alyatama(),
                        "terdaftar.csv",
                        csv(
                                ImportTestFiles.HEADER,
                                row(registered, "Sumarsih Wulandari", "P", "1971-03-09", "", "15.71.01.1001"))),
                "ALL_OR_NOTHING");
        long registeredId = jdbc.sql("select id from registry.person where external_id = ?")
                .param(registered)
                .query(Long.class)
                .single();

        long id = client.validated(
                alyatama(),
                "baru.csv",
                csv(
                        ImportTestFiles.HEADER,
                        row(externalId("mirip"), "Sumarsi Wulandary", "P", "1971-03-09", "", "15.71.01.1002"),
                        row(externalId("darsono1"), "Darsono Hadiprayitno", "L", "1969-11-30", "", "15.71.01.1001"),
                        row(externalId("darsono2"), "Darsono Hadiprayitno", "L", "1969-11-30", "", "15.71.01.1003"),
                        row(
                                externalId("lain"),
                                "Sumarsih Wulandari",
                                "P",
                                "1971-03-09",
                                nik(LocalDate.of(1971, 3, 9), true),
                                "15.71.01.1001")));
        String status = client.status(id);
        assertThat(number(status, "$.errorRows")).isZero();
        assertThat(number(status, "$.warningRows")).isEqualTo(3);
        assertThat(client.report(id, "csv", "id"))
                .contains("2,full_name,full_name,Peringatan,\"Mungkin orang yang sudah terdaftar: #" + registeredId
                        + " Sumarsih Wulandari (nama mirip,")
                .contains("4,full_name,full_name,Peringatan,\"Nama, kabupaten/kota dan tanggal lahir sama dengan"
                        + " baris 3;")
                .contains("5,full_name,full_name,Peringatan,\"Mungkin orang yang sudah terdaftar: #" + registeredId);
        assertThat(client.report(id, "csv", "en"))
                .contains("2,full_name,full_name,Warning,\"Possibly someone already registered: #" + registeredId);

        String done = client.committed(id, "ALL_OR_NOTHING");
        assertThat(number(done, "$.createdRows")).isEqualTo(4);
    }

    @Test
    void aKkPeriodThatOverlapsTheHouseholdsHistoryIsRefusedAndALaterOneClosesTheCurrent() throws Exception {
        String head = externalId("kk");
        String nik = nik(LocalDate.of(1965, 1, 1), false);
        String firstKk = kk();
        ImportClient client = worker();
        // The same head of household in each file, with the KK number and the date it is valid from.
        java.util.function.BiFunction<String, String, byte[]> headWithKk = (number, validFrom) -> csv(
                ImportTestFiles.HEADER,
                String.join(
                        ",",
                        head,
                        "Darmaji",
                        "L",
                        "1965-01-01",
                        "",
                        nik,
                        "",
                        "H",
                        "KEPALA",
                        number,
                        validFrom,
                        "",
                        ""));
        long first = client.validated(alyatama(), "kk1.csv", headWithKk.apply(firstKk, "2020-01-01"));
        client.committed(first, "ALL_OR_NOTHING");

        long overlapping = client.validated(alyatama(), "kk2.csv", headWithKk.apply(kk(), "2019-06-01"));
        assertThat(number(client.status(overlapping), "$.errorRows")).isEqualTo(1);
        assertThat(client.report(overlapping, "csv", "id"))
                .contains("2,kk_valid_from,kk_valid_from,Galat,Masa berlaku KK ini bertumpuk dengan KK keluarga"
                        + " yang sudah tercatat (2020-01-01 sampai …).");
        assertThat(client.commit(overlapping, "ALL_OR_NOTHING").getResponse().getStatus())
                .isEqualTo(409);

        long later = client.validated(alyatama(), "kk3.csv", headWithKk.apply(kk(), "2023-01-01"));
        client.committed(later, "ALL_OR_NOTHING");
        List<String> periods = jdbc.sql("""
                        select k.valid_from || '..' || coalesce(k.valid_to::text, '') from registry.kk_history k
                        join registry.household_member m on m.household_id = k.household_id
                        join registry.person p on p.id = m.person_id
                        where p.external_id = ? order by k.valid_from
                        """).param(head).query(String.class).list();
        assertThat(periods).containsExactly("2020-01-01..2022-12-31", "2023-01-01..");
    }

    @Test
    void filesThatCannotBeReadAreRefusedWithAReason() throws Exception {
        ImportClient client = worker();
        long unit = alyatama();
        long before = jdbc.sql("select count(*) from registry.import_job")
                .query(Long.class)
                .single();
        byte[] windows = "full_name,sex,birth_year\nJosé,L,1990\n".getBytes(Charset.forName("windows-1252"));
        MvcResult notUtf8 = client.upload(unit, "ansi.csv", windows);
        assertThat(notUtf8.getResponse().getStatus()).isEqualTo(422);
        assertThat(notUtf8.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("bukan UTF-8 (karakter tidak terbaca di baris 2)")
                .contains("CSV UTF-8");
        assertThat(client.upload(unit, "kosong.csv", new byte[0])
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Berkas kosong.");
        assertThat(client.upload(unit, "palsu.xlsx", csv("full_name,sex", "Budi,L"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("bukan berkas XLSX");
        assertThat(client.upload(unit, "kutip.csv", csv("full_name,sex", "\"Budi,L", "Siti,P"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("baris 2 tidak pernah ditutup");
        assertThat(client.upload(unit, "judul.csv", csv("full_name,sex"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("hanya berisi baris judul");
        assertThat(jdbc.sql("select count(*) from registry.import_job")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(Files.list(settings.file(0).getParent())
                        .filter(p -> !p.getFileName().toString().equals("0")))
                .allSatisfy(p -> assertThat(jdbc.sql("select count(*) from registry.import_job where id = ?")
                                .param(Long.parseLong(p.getFileName().toString()))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));

        MvcResult missing = client.upload(unit, "kolom.csv", csv("nama,alamat", "Budi,Jl. Mawar"));
        long id = number(missing.getResponse().getContentAsString(), "$.id");
        MvcResult validate = mvc.perform(
                        bearer(post("/api/v1/people/imports/" + id + "/validate"), context, "pekerja.alyatama"))
                .andReturn();
        assertThat(validate.getResponse().getStatus()).isEqualTo(422);
        assertThat(validate.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Kolom wajib belum dipetakan: sex, birth_date / birth_year.");
    }

    @Test
    void sizeAndRowLimitsAreRefusedWithTheLimit() throws Exception {
        long maxBytes = settings.maxBytes();
        int maxRows = settings.maxRows();
        settings.limits(2 * 1024 * 1024, 3);
        try {
            ImportClient client = worker();
            MvcResult rows = client.upload(alyatama(), "banyak.csv", csv("full_name,sex", "A,L", "B,L", "C,P", "D,P"));
            assertThat(rows.getResponse().getStatus()).isEqualTo(422);
            assertThat(rows.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("lebih dari 3 baris data");
            byte[] big = new byte[3 * 1024 * 1024];
            java.util.Arrays.fill(big, (byte) 'a');
            MvcResult size = client.upload(alyatama(), "besar.csv", big);
            assertThat(size.getResponse().getStatus()).isEqualTo(422);
            assertThat(size.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("Berkas terlalu besar: paling banyak 2 MB.");
        } finally {
            settings.limits(maxBytes, maxRows);
        }
    }

    @Test
    void xlsxFilesAreImportedWithIndonesianHeaders() throws Exception {
        String ext = externalId("x");
        byte[] file = ImportTestFiles.xlsx(List.of(
                List.of("ID Eksternal", "Nama Lengkap", "Jenis Kelamin", "Tanggal Lahir", "NIK", "Kode Wilayah"),
                List.of(
                        ext,
                        "Yuliana",
                        "Perempuan",
                        LocalDate.of(1995, 8, 17),
                        nik(LocalDate.of(1995, 8, 17), true),
                        "1571011001"),
                List.of(externalId("x"), "Salah Angka", "L", LocalDate.of(1995, 8, 17), 1571011708950001L, "")));
        ImportClient client = worker();
        long id = client.validated(alyatama(), "data.xlsx", file);
        String status = client.status(id);
        assertThat(JsonPath.<String>read(status, "$.format")).isEqualTo("XLSX");
        assertThat(JsonPath.<String>read(status, "$.mapping.full_name")).isEqualTo("Nama Lengkap");
        assertThat(number(status, "$.errorRows")).isEqualTo(1);
        assertThat(client.report(id, "csv", "id")).contains("3,nik,NIK,Galat,\"NIK tersimpan sebagai angka");
        client.committed(id, "VALID_ONLY");
        assertThat(jdbc.sql("select birth_date || '|' || region_code from registry.person where external_id = ?")
                        .param(ext)
                        .query(String.class)
                        .single())
                .isEqualTo("1995-08-17|15.71.01.1001");
        assertThat(client.report(id, "xlsx", "en")).startsWith("PK");
    }

    @Test
    void uncommittedFilesAreDeletedAfterTheRetentionPeriod() throws Exception {
        ImportClient client = worker();
        MvcResult upload = client.upload(alyatama(), "lama.csv", csv("full_name,sex,birth_year", "Budi,L,1990"));
        long id = number(upload.getResponse().getContentAsString(), "$.id");
        assertThat(Files.exists(settings.file(id))).isTrue();
        jdbc.sql("update registry.import_job set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(settings.retention()).minus(1, ChronoUnit.HOURS)), id)
                .update();
        jobs.cleanUp();
        assertThat(Files.exists(settings.file(id))).isFalse();
        String status = client.status(id);
        assertThat(JsonPath.<String>read(status, "$.status")).isEqualTo("UPLOADED");
        MvcResult validate = mvc.perform(
                        bearer(post("/api/v1/people/imports/" + id + "/validate"), context, "pekerja.alyatama"))
                .andReturn();
        assertThat(validate.getResponse().getStatus()).isEqualTo(409);
        assertThat(validate.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("sudah dihapus");
    }
}
