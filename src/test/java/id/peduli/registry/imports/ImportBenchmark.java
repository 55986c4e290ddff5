package id.peduli.registry.imports;

import id.peduli.PeduliApplication;
import id.peduli.platform.EmbeddedDatabaseForTools;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bulk import against PostgreSQL COPY, in the same run and on the same database: generates a CSV of people with
 * valid, unique NIKs; (a) COPYs it into a bare table with the same columns as the file and the same kinds of indexes
 * as registry.person; (b) imports it with Peduli (inspection, row rules, NIK encryption and HMAC, duplicate checks
 * in the file and against the registry, writes); prints both rates and their ratio. Run by bench/registry-import.sh.
 *
 * <p>Arguments: number of rows (default 1,000,000), data directory (default target/bench-import).
 */
public final class ImportBenchmark {

    private static final String[] DISTRICTS = {
        "33.23.01",
        "33.23.02",
        "33.23.03",
        "33.23.04",
        "33.23.05",
        "33.23.06",
        "33.23.07",
        "33.23.08",
        "15.71.01",
        "15.71.02",
        "15.71.03",
        "15.71.04",
        "34.71.01",
        "34.71.02",
        "35.78.01",
        "35.78.02"
    };

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dataDir =
                Path.of(args.length > 1 ? args[1] : "target/bench-import").toAbsolutePath();
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Path csv = dataDir.resolve("people.csv");
        long started = System.nanoTime();
        generate(csv, rows);
        log("generated %,d rows (%,d MB) in %.1f s", rows, Files.size(csv) >> 20, seconds(started));

        ConfigurableApplicationContext context = SpringApplication.run(
                PeduliApplication.class,
                "--peduli.data-dir=" + dataDir,
                "--server.port=0",
                "--peduli.demo.enabled=true",
                "--peduli.registry.import.max-rows=" + Math.max(rows, 1_000_000),
                "--peduli.registry.import.max-bytes=2GB",
                "--logging.level.root=WARN",
                "--logging.level.id.peduli.registry=INFO");
        try {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long unit = jdbc.sql("select id from organization.org_unit where name = 'BBRSBG Kartini Temanggung'")
                    .query(Long.class)
                    .single();
            UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("manajer.kartini");
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

            double copySeconds = copy(context, csv);
            log(
                    "(a) COPY into a bare indexed table: %,d rows in %.2f s = %,.0f rows/s",
                    rows, copySeconds, rows / copySeconds);

            ImportJobs jobs = context.getBean(ImportJobs.class);
            ImportRunner runner = context.getBean(ImportRunner.class);
            long heapBefore = usedHeapAfterGc();
            resetPeaks();
            long t0 = System.nanoTime();
            ImportJobView job;
            try (InputStream in = Files.newInputStream(csv)) {
                job = jobs.upload(unit, "people.csv", in, null);
            }
            double uploadSeconds = seconds(t0);
            jdbc.sql("update registry.import_job set status = 'COMMITTING', mode = 'VALID_ONLY' where id = ?")
                    .param(job.id())
                    .update();
            long t1 = System.nanoTime();
            ImportRunner.Outcome outcome = runner.run(job.id(), true, ImportMode.VALID_ONLY);
            double commitSeconds = seconds(t1);
            double importSeconds = uploadSeconds + commitSeconds;
            long peak = peakHeap();
            long people = jdbc.sql("select count(*) from registry.person where import_job_id = ?")
                    .param(job.id())
                    .query(Long.class)
                    .single();
            log(
                    "(b) Peduli import: upload and inspection %.2f s, validation + encryption + HMAC + duplicate checks"
                            + " + writes %.2f s; %,d people created, %,d rows refused",
                    uploadSeconds, commitSeconds, outcome.created(), outcome.errors());
            log(
                    "    total %.2f s = %,.0f rows/s; heap in use before %,d MB, peak during the import %,d MB",
                    importSeconds, rows / importSeconds, heapBefore >> 20, peak >> 20);
            if (people != rows) {
                throw new IllegalStateException("expected " + rows + " people, found " + people);
            }

            long t2 = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                job = jobs.upload(unit, "people-again.csv", in, null);
            }
            jdbc.sql("update registry.import_job set status = 'COMMITTING', mode = 'VALID_ONLY' where id = ?")
                    .param(job.id())
                    .update();
            ImportRunner.Outcome again = runner.run(job.id(), true, ImportMode.VALID_ONLY);
            double againSeconds = seconds(t2);
            log(
                    "(c) re-import of the same file: %.2f s = %,.0f rows/s; %,d created, %,d updated, %,d unchanged",
                    againSeconds,
                    rows / againSeconds,
                    again.created(),
                    again.updated(),
                    again.existingRows() - again.updated());

            double copyRate = rows / copySeconds;
            double importRate = rows / importSeconds;
            log(
                    "RESULT rows=%d copy_rows_per_s=%.0f import_rows_per_s=%.0f ratio=%.1f%% (goal >= 50%%)",
                    rows, copyRate, importRate, 100 * importRate / copyRate);
        } finally {
            SecurityContextHolder.clearContext();
            context.close();
        }
    }

    /**
     * COPY of the same file into a table with the file's columns and one index for each of registry.person's: primary
     * key, unique NIK, unique external id, trigram GIN and word-array GIN on the name, regency and birth year, region
     * code, and unit and id (here sex and id: both grow at the end of a few key ranges).
     */
    private static double copy(ApplicationContext context, Path csv) throws Exception {
        // The application's database role may not create tables: the bare table belongs to the owner.
        try (Connection connection = EmbeddedDatabaseForTools.ownerConnection(context);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists public.bench_person_copy");
            statement.execute("""
                        create table public.bench_person_copy (
                            id bigserial primary key, external_id varchar(64), full_name varchar(200),
                            other_names varchar(300), sex char(1), birth_place varchar(100), birth_date date,
                            birth_year smallint, nik varchar(16), region_code varchar(13), rt varchar(3),
                            rw varchar(3), street varchar(200), phone varchar(30))
                        """);
            statement.execute("create unique index on public.bench_person_copy (nik) where nik is not null");
            statement.execute(
                    "create unique index on public.bench_person_copy (external_id) where external_id is not null");
            statement.execute("create index on public.bench_person_copy using gin (full_name public.gin_trgm_ops)");
            statement.execute(
                    "create index on public.bench_person_copy using gin (string_to_array(lower(full_name), ' '))");
            statement.execute("create index on public.bench_person_copy (sex, id)");
            statement.execute("create index on public.bench_person_copy (substr(region_code, 1, 5), birth_year)");
            statement.execute("create index on public.bench_person_copy (region_code varchar_pattern_ops)");
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy public.bench_person_copy (external_id, full_name, other_names, sex, birth_place,"
                                        + " birth_date, birth_year, nik, region_code, rt, rw, street, phone)"
                                        + " from stdin (format csv, header true)",
                                in);
            }
            double seconds = seconds(started);
            statement.execute("drop table public.bench_person_copy");
            return seconds;
        }
    }

    /** The template's person columns; NIKs are valid (known district, real date, sex) and unique. */
    private static void generate(Path csv, int rows) throws IOException {
        Faker faker = new Faker(Locale.forLanguageTag("id-ID"), new Random(42));
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            first.add(faker.name().firstName());
            last.add(faker.name().lastName());
        }
        for (int i = 0; i < 200; i++) {
            places.add(faker.address().city());
        }
        Random random = new Random(7);
        LocalDate base = LocalDate.of(1940, 1, 1);
        int days = 30_000;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("external_id,full_name,other_names,sex,birth_place,birth_date,birth_year,nik,region_code,rt,rw,"
                    + "street,phone\n");
            for (int i = 0; i < rows; i++) {
                String district = DISTRICTS[i % DISTRICTS.length];
                int slot = i / DISTRICTS.length;
                LocalDate birth = base.plusDays(slot % days);
                int serial = slot / days + 1;
                boolean female = random.nextBoolean();
                String nik = district.replace(".", "")
                        + String.format(
                                "%02d%02d%02d%04d",
                                birth.getDayOfMonth() + (female ? 40 : 0),
                                birth.getMonthValue(),
                                birth.getYear() % 100,
                                serial);
                String name = first.get(random.nextInt(first.size())) + " " + last.get(random.nextInt(last.size()));
                out.write("BENCH-" + i);
                out.write(',');
                out.write(name);
                out.write(",,");
                out.write(female ? 'P' : 'L');
                out.write(',');
                out.write(places.get(random.nextInt(places.size())));
                out.write(',');
                out.write(birth.toString());
                out.write(",,");
                out.write(nik);
                out.write(',');
                out.write(district);
                out.write(',');
                out.write(String.format("%03d,%03d", 1 + random.nextInt(20), 1 + random.nextInt(10)));
                out.write(",Jl. Merdeka No. ");
                out.write(Integer.toString(1 + random.nextInt(200)));
                out.write(",08");
                out.write(Long.toString(1_000_000_000L + random.nextInt(900_000_000)));
                out.write('\n');
            }
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @SuppressWarnings("java:S106")
    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
