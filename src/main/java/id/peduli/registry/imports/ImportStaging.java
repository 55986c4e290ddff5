package id.peduli.registry.imports;

import id.peduli.platform.FieldEncryption;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging of an import run: temporary tables, and the two passes over the file. The first pass checks every row
 * in Java (on a few worker threads) and streams its keys and problems with COPY into {@code import_row}; the second,
 * for a commit, encrypts the rows again and COPYs new people straight into {@code registry.person} and the rest into
 * {@code import_full} for {@link ImportWriter}. Everything runs in the caller's transaction and connection, where
 * the temporary tables live.
 */
@Component
class ImportStaging {

    private static final Logger log = LoggerFactory.getLogger(ImportStaging.class);
    private static final int PROGRESS_EVERY = 20_000;
    static final int CHUNK = 1 << 16;
    private static final int BATCH = 2_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final FieldEncryption encryption;
    private final ImportSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    ImportStaging(
            DataSource dataSource,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            FieldEncryption encryption,
            ImportSettings settings,
            Clock clock,
            @Value("${peduli.time-zone}") String zone) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.encryption = encryption;
        this.settings = settings;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    void createStaging() {
        jdbc.sql("""
                        create temp table import_row (
                            row_no integer not null, ok boolean not null, warn boolean not null, issues jsonb,
                            external_id varchar(64), nik_hash bytea, region_code varchar(13),
                            guardian_external_id varchar(64), household_key varchar(100), relationship varchar(20),
                            kk_hash bytea, kk_valid_from date, name_key varchar(300), birth_date date,
                            birth_year smallint, full_name varchar(200)
                        ) on commit drop
                        """).update();
        jdbc.sql("""
                        create temp table import_problem (row_no integer not null, column_name varchar(40),
                            severity varchar(7) not null, message_key varchar(100) not null, message_args jsonb)
                            on commit drop
                        """).update();
        jdbc.sql("create temp table import_scope (unit_id bigint primary key) on commit drop")
                .update();
        jdbc.sql("""
                        create temp table import_match (row_no integer primary key, person_id bigint not null,
                            ext_id bigint, ext_merged bigint, ext_nik bytea, ext_unit bigint, nik_id bigint,
                            nik_unit bigint) on commit drop
                        """).update();
        jdbc.sql("""
                        create temp table import_guardian (row_no integer primary key, guardian_id bigint,
                            guardian_row integer) on commit drop
                        """).update();
    }

    /** First pass: checks every row and streams its keys and problems into the staging table. */
    int checkPass(ImportJobs.Stored job, Path file, Set<String> knownRegions) {
        int[] rows = {0};
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream out = copy(connection, "import_row (" + ImportRowRules.CHECK_COLUMNS + ")")) {
            readInParallel(
                    job,
                    knownRegions,
                    file,
                    false,
                    (cells, rules, main, spill) -> {
                        rules.stage(cells, ImportRowRules.Target.CHECK, main);
                        return true;
                    },
                    out,
                    null,
                    rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("analyze import_row").update();
        return rows[0];
    }

    /**
     * Second pass, for a commit: reads the rows again, encrypts them, and COPYs new people without household or
     * guardian straight into registry.person; rows that update someone or join a household go, in full, to a
     * spill file on disk and from there into a second staging table for the SQL that writes them. Returns the
     * number of people COPYed.
     */
    int writePass(ImportJobs.Stored job, Path file, Set<String> knownRegions) {
        BitSet skip = new BitSet();
        BitSet full = new BitSet();
        jdbc.sql("""
                        select s.row_no, s.ok from import_row s left join import_match m using (row_no)
                        where not s.ok or m.row_no is not null or s.household_key is not null
                           or s.guardian_external_id is not null
                        """).query(rs -> {
            (rs.getBoolean(2) ? full : skip).set(rs.getInt(1));
        });
        String sequence = jdbc.sql("select pg_get_serial_sequence('registry.person', 'id')")
                .query(String.class)
                .single();
        jdbc.sql("""
                        create temp table import_full (
                            row_no integer not null, guardian_relationship varchar(30), kk_cipher bytea,
                            kk_masked varchar(20), welfare_decile smallint, decile_checked_on date,
                            full_name varchar(200), other_names varchar(300), name_key varchar(300), sex char(1),
                            birth_place varchar(100), birth_date date, birth_year smallint, approximate boolean,
                            nik_cipher bytea, nik_hash bytea, nik_masked varchar(20), region_code varchar(13),
                            regency_code varchar(5), rt varchar(3), rw varchar(3), street varchar(200),
                            phone varchar(30), disability_types varchar(20)[], external_id varchar(64),
                            person_id bigint default nextval('%s')
                        ) on commit drop
                        """.formatted(sequence)).update();
        Path spill = settings.file(job.id()).resolveSibling(job.id() + ".full");
        int[] rows = {0};
        int[] people = {0};
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (OutputStream out = copy(connection, "registry.person (" + ImportRowRules.PERSON_COLUMNS + ")");
                    OutputStream spilled = new BufferedOutputStream(ImportSettings.createPrivate(spill), CHUNK)) {
                readInParallel(
                        job,
                        knownRegions,
                        file,
                        true,
                        (cells, rules, main, second) -> {
                            int row = (int) cells.rowNumber();
                            if (skip.get(row)) {
                                return false;
                            }
                            boolean wide = full.get(row);
                            if (!rules.stage(
                                    cells,
                                    wide ? ImportRowRules.Target.FULL : ImportRowRules.Target.PERSON,
                                    wide ? second : main)) {
                                throw new IllegalStateException("row " + row + " changed between the passes");
                            }
                            return !wide;
                        },
                        out,
                        spilled,
                        rows,
                        people);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spill), CHUNK)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy import_full (" + ImportRowRules.FULL_COLUMNS + ") from stdin", in);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the import failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                log.warn("Could not delete {}", spill, e);
            }
        }
        jdbc.sql("analyze import_full").update();
        // In-file guardians now have ids: matched people, people just COPYed, or rows of the second staging table.
        jdbc.sql("""
                        update import_guardian g set guardian_id = coalesce(m.person_id, f.person_id, p.id)
                        from import_row gr
                        left join import_match m on m.row_no = gr.row_no
                        left join import_full f on f.row_no = gr.row_no
                        left join registry.person p on p.external_id = gr.external_id and p.merged_into is null
                        where gr.row_no = g.guardian_row
                        """).update();
        return people[0];
    }

    /** What a pass does with one row: appends it to the main or the second output; true counts it. */
    private interface RowWork {
        boolean apply(ImportFile.Cells cells, ImportRowRules rules, StringBuilder main, StringBuilder second);
    }

    private record Chunk(byte[] main, byte[] second, int counted) {}

    /**
     * Reads the file in this thread and hands batches of rows to worker threads that check (and encrypt) them; the
     * results are written in order to {@code main} (and {@code second}). At most a few batches are in flight, so
     * memory stays the same whatever the size of the file.
     */
    private void readInParallel(
            ImportJobs.Stored job,
            Set<String> knownRegions,
            Path file,
            boolean encrypt,
            RowWork work,
            OutputStream main,
            OutputStream second,
            int[] rows,
            int... counted) {
        int[] columns = job.columns();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        ThreadLocal<ImportRowRules> rules = ThreadLocal.withInitial(() -> new ImportRowRules(
                columns, knownRegions::contains, encryption, encrypt, today, job.orgUnitId(), job.id()));
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "import-" + job.id() + "-rules");
            thread.setDaemon(true);
            return thread;
        });
        String phase = encrypt ? "WRITING" : "READING";
        try (ImportFile.Rows source = ImportFile.open(file, job.inspection())) {
            Deque<Future<Chunk>> pending = new ArrayDeque<>();
            List<ImportFile.Cells> batch = new ArrayList<>(BATCH);
            while (source.hasNext()) {
                batch.add(source.next());
                rows[0]++;
                if (batch.size() == BATCH) {
                    pending.add(pool.submit(encode(batch, rules, work)));
                    batch = new ArrayList<>(BATCH);
                    while (pending.size() > 2 * workers) {
                        write(pending.poll(), main, second, counted);
                    }
                }
                if (rows[0] % PROGRESS_EVERY == 0) {
                    progress(job.id(), rows[0], phase);
                }
            }
            if (!batch.isEmpty()) {
                pending.add(pool.submit(encode(batch, rules, work)));
            }
            while (!pending.isEmpty()) {
                write(pending.poll(), main, second, counted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Chunk> encode(
            List<ImportFile.Cells> batch, ThreadLocal<ImportRowRules> rules, RowWork work) {
        return () -> {
            ImportRowRules rowRules = rules.get();
            StringBuilder main = new StringBuilder(batch.size() * 300);
            StringBuilder second = new StringBuilder();
            int counted = 0;
            for (ImportFile.Cells cells : batch) {
                if (work.apply(cells, rowRules, main, second)) {
                    counted++;
                }
            }
            return new Chunk(
                    main.toString().getBytes(StandardCharsets.UTF_8),
                    second.toString().getBytes(StandardCharsets.UTF_8),
                    counted);
        };
    }

    private static void write(Future<Chunk> future, OutputStream main, OutputStream second, int[] counted)
            throws IOException {
        Chunk chunk;
        try {
            chunk = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        main.write(chunk.main());
        if (second != null && chunk.second().length > 0) {
            second.write(chunk.second());
        }
        if (counted.length > 0) {
            counted[0] += chunk.counted();
        }
    }

    private static OutputStream copy(Connection connection, String target) {
        try {
            return new PGCopyOutputStream(
                    connection.unwrap(PGConnection.class), "copy " + target + " from stdin", CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into " + target, e);
        }
    }

    /** Writes how far the job got, in its own short transaction so that it is visible while the job runs. */
    void progress(long jobId, int rows, String phase) {
        separate.executeWithoutResult(s -> jdbc.sql(
                        "update registry.import_job set processed_rows = ?, phase = ?, heartbeat_at = now() where id = ?")
                .params(rows, phase, jobId)
                .update());
    }
}
