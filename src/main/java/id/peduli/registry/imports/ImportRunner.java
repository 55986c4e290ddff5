package id.peduli.registry.imports;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.platform.InstanceId;
import id.peduli.region.Regions;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
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
import java.sql.Timestamp;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import job: validation only, or validation and commit, in one transaction. Rows are read from the file,
 * checked and encrypted in Java and streamed with COPY into a temporary staging table; the rules that need other rows
 * or the database run as set-based SQL over that table; then people, households, members and KK periods are written
 * with a few {@code insert ... select} statements. Progress is written in separate short transactions so that it is
 * visible while the job runs. Jobs run one at a time on their own thread, as the user who started them.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int PROGRESS_EVERY = 20_000;
    private static final int CHUNK = 1 << 16;
    private static final int BATCH = 2_000;

    /** What a run found and did. */
    record Outcome(
            int total,
            int valid,
            int errors,
            int warnings,
            int newRows,
            int existingRows,
            int created,
            int updated,
            int households,
            boolean written) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final FieldEncryption encryption;
    private final Organizations organizations;
    private final Regions regions;
    private final Access access;
    private final AuditLog audit;
    private final ImportSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final InstanceId instance;
    private final ThreadPoolTaskExecutor thread;
    private final AsyncTaskExecutor executor;

    ImportRunner(
            DataSource dataSource,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            FieldEncryption encryption,
            Organizations organizations,
            Regions regions,
            Access access,
            AuditLog audit,
            ImportSettings settings,
            Clock clock,
            @Value("${peduli.time-zone}") String zone,
            InstanceId instance) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.encryption = encryption;
        this.organizations = organizations;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.instance = instance;
        this.thread = new ThreadPoolTaskExecutor();
        thread.setCorePoolSize(1);
        thread.setMaxPoolSize(1);
        thread.setQueueCapacity(10_000);
        thread.setThreadNamePrefix("import-");
        thread.initialize();
        this.executor = new DelegatingSecurityContextAsyncTaskExecutor(thread);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }

    /** Queues the job; it runs as the current user. */
    void submit(long jobId, boolean commit, ImportMode mode) {
        InterruptedImports.claim(jdbc, instance, jobId);
        executor.execute(() -> runQuietly(jobId, commit, mode));
    }

    private void runQuietly(long jobId, boolean commit, ImportMode mode) {
        try {
            run(jobId, commit, mode);
        } catch (RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            String key = e instanceof BusinessException b ? b.messageKey() : "import.failed";
            Object[] args = e instanceof BusinessException b ? b.args() : new Object[0];
            fail(jobId, key, args);
        }
    }

    /** Runs the job in the calling thread (the executor's, or a benchmark's). */
    Outcome run(long jobId, boolean commit, ImportMode mode) {
        ImportJobs.Stored job = ImportJobs.load(jdbc, jobId);
        Path file = settings.file(jobId);
        if (job.fileDeletedAt() != null || !Files.exists(file)) {
            throw BusinessException.invalid("file", "import.file.gone");
        }
        separate.executeWithoutResult(s -> jdbc.sql("""
                        update registry.import_job set started_at = now(), heartbeat_at = now(), finished_at = null,
                            processed_rows = 0,
                            phase = 'READING', error_key = null, error_args = null where id = ?
                        """).param(jobId).update());
        Outcome outcome = transaction.execute(s -> work(job, file, commit, mode));
        if (outcome != null && outcome.written()) {
            deleteFile(jobId);
        }
        return outcome;
    }

    private Outcome work(ImportJobs.Stored job, Path file, boolean commit, ImportMode mode) {
        long jobId = job.id();
        jdbc.sql("set local work_mem = '256MB'").update();
        // temp_buffers can change only before a session's first temporary table: a pooled connection that already
        // ran an import keeps its size, so the setting is tried in its own subtransaction and a refusal is ignored.
        jdbc.sql(
                        "do $$ begin perform set_config('temp_buffers', '256MB', true); exception when others then null; end $$")
                .update();
        createStaging();
        Access.Scope scope = access.scope(RegistryRoles.IMPORT);
        if (!scope.all()) {
            List<Long> units = organizations.subtrees(scope.roots()).stream()
                    .map(OrgUnit::id)
                    .toList();
            for (Long unit : units) {
                jdbc.sql("insert into import_scope values (?)").param(unit).update();
            }
        }
        if (commit && !access.covers(job.orgUnitId(), RegistryRoles.IMPORT)) {
            throw new BusinessException(403, "orgUnitId", "import.unitNotAllowed");
        }
        long started = System.nanoTime();
        Set<String> knownRegions = regions.codesDownTo(3);
        int total = checkPass(job, file, knownRegions);
        long staged = System.nanoTime();
        progress(jobId, total, "CHECKING");
        check(jobId, scope.all());
        Counts counts = counts();
        long checked = System.nanoTime();
        boolean write = commit && (mode == ImportMode.VALID_ONLY || counts.errors() == 0) && counts.valid() > 0;
        int created = 0;
        int updated = 0;
        int households = 0;
        if (write) {
            progress(jobId, 0, "WRITING");
            created = writePass(job, file, knownRegions);
            created += insertPeople(jobId, job.orgUnitId());
            updated = updatePeople(jobId);
            households = writeHouseholds(job.orgUnitId());
        }
        long written = System.nanoTime();
        jdbc.sql("delete from registry.import_issue where job_id = ?")
                .param(jobId)
                .update();
        jdbc.sql("""
                        insert into registry.import_issue (job_id, row_number, column_name, severity, message_key,
                            message_args, row_name)
                        select :job, s.row_no, i ->> 0, case i ->> 1 when 'E' then 'ERROR' else 'WARNING' end,
                            i ->> 2, i -> 3, s.full_name
                        from import_row s cross join lateral jsonb_array_elements(s.issues) i
                        where s.issues is not null
                        union all
                        select :job, p.row_no, p.column_name, p.severity, p.message_key, p.message_args, r.full_name
                        from import_problem p left join import_row r on r.row_no = p.row_no
                        """).param("job", jobId).update();
        String status = write ? "COMMITTED" : "VALIDATED";
        String errorKey = null;
        if (commit && !write) {
            errorKey = counts.valid() == 0 ? "import.commit.nothingValid" : "import.commit.refused";
        }
        jdbc.sql("""
                        update registry.import_job set status = :status, phase = null, processed_rows = :total,
                            total_rows = :total, valid_rows = :valid, error_rows = :errors, warning_rows = :warnings,
                            new_rows = :newRows, existing_rows = :existing,
                            created_rows = :created, updated_rows = :updated,
                            unchanged_rows = :unchanged, households = :households,
                            mode = coalesce(:mode, mode), error_key = :errorKey, error_args = '[]',
                            finished_at = now(),
                            validated_at = now(),
                            committed_at = case when :written then now() else committed_at end,
                            version = version + 1
                        where id = :id
                        """)
                .param("status", status)
                .param("total", total)
                .param("valid", counts.valid())
                .param("errors", counts.errors())
                .param("warnings", counts.warnings())
                .param("newRows", counts.newRows())
                .param("existing", counts.existing())
                .param("created", write ? created : null)
                .param("updated", write ? updated : null)
                .param("unchanged", write ? counts.existing() - updated : null)
                .param("households", write ? households : null)
                .param("mode", commit ? mode.name() : null)
                .param("errorKey", errorKey)
                .param("written", write)
                .param("id", jobId)
                .update();
        log.info(
                "Import job {}: {} rows staged in {} ms, checked in {} ms, written in {} ms",
                jobId,
                total,
                (staged - started) / 1_000_000,
                (checked - staged) / 1_000_000,
                (written - checked) / 1_000_000);
        if (write) {
            audit.record(AuditRecord.of(AuditAction.CREATE, "ImportJob", jobId)
                    .unit(job.orgUnitId())
                    .change("file", null, job.fileName())
                    .change("mode", null, mode.name())
                    .change("rows", null, total)
                    .change("created", null, created)
                    .change("updated", null, updated)
                    .change("unchanged", null, counts.existing() - updated)
                    .change("rejected", null, counts.errors())
                    .change("households", null, households));
            // Each person created or changed has their own entry, so that their history and the processing log
            // searched by person lead to the job (a new person still has version 0).
            jdbc.sql("select id, org_unit_id, version = 0 from registry.person where import_job_id = ?")
                    .param(jobId)
                    .query(rs -> {
                        audit.record(AuditRecord.of(
                                        rs.getBoolean(3) ? AuditAction.CREATE : AuditAction.UPDATE,
                                        "Person",
                                        rs.getLong(1))
                                .unit(rs.getLong(2))
                                .change("importJob", null, jobId));
                    });
        }
        return new Outcome(
                total,
                counts.valid(),
                counts.errors(),
                counts.warnings(),
                counts.newRows(),
                counts.existing(),
                created,
                updated,
                households,
                write);
    }

    // ------------------------------------------------------------------------------------------ staging

    private void createStaging() {
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
    private int checkPass(ImportJobs.Stored job, Path file, Set<String> knownRegions) {
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
    private int writePass(ImportJobs.Stored job, Path file, Set<String> knownRegions) {
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

    // --------------------------------------------------------------------------------------------- rules

    /** The rules that need other rows or the database. */
    private void check(long jobId, boolean allUnits) {
        stageKnownRegions();
        problem("""
                select s.row_no, 'region_code', 'ERROR', 'region.unknown', jsonb_build_array(s.region_code)
                from import_row s
                where s.region_code is not null
                  and not exists (select 1 from import_region r where r.code = s.region_code)
                """);
        problem("""
                select s.row_no, 'nik', 'ERROR', 'import.nik.duplicateInFile', jsonb_build_array(d.first_row)
                from import_row s
                join (select nik_hash, min(row_no) as first_row from import_row where nik_hash is not null
                      group by nik_hash having count(*) > 1) d on d.nik_hash = s.nik_hash
                where s.row_no <> d.first_row
                """);
        problem("""
                select s.row_no, 'external_id', 'ERROR', 'import.externalId.duplicateInFile',
                    jsonb_build_array(d.first_row)
                from import_row s
                join (select external_id, min(row_no) as first_row from import_row where external_id is not null
                      group by external_id having count(*) > 1) d on d.external_id = s.external_id
                where s.row_no <> d.first_row
                """);

        jdbc.sql("""
                        insert into import_match (row_no, person_id, ext_id, ext_merged, ext_nik, ext_unit, nik_id,
                            nik_unit)
                        select s.row_no, coalesce(e.id, n.id), e.id, e.merged_into, e.nik_hash, e.org_unit_id, n.id,
                            n.org_unit_id
                        from import_row s
                        left join registry.person e on s.external_id is not null and e.external_id = s.external_id
                        left join registry.person n on s.nik_hash is not null and n.nik_hash = s.nik_hash
                            and n.merged_into is null
                        where e.id is not null or n.id is not null
                        """).update();
        jdbc.sql("analyze import_match").update();
        problem("""
                select m.row_no, 'external_id', 'ERROR', 'import.externalId.merged',
                    case when :all or m.ext_unit in (select unit_id from import_scope)
                         then jsonb_build_array(m.ext_merged) else jsonb_build_array('…') end
                from import_match m where m.ext_merged is not null
                """.replace(":all", allUnits ? "true" : "false"));
        problem("""
                select m.row_no, 'nik', 'ERROR', 'import.identityConflict', jsonb_build_array()
                from import_match m where m.ext_id is not null and m.nik_id is not null and m.ext_id <> m.nik_id
                """);
        problem("""
                select m.row_no, 'nik', 'ERROR', 'import.nik.differs', jsonb_build_array()
                from import_match m join import_row s using (row_no)
                where m.ext_id is not null and m.nik_id is null and m.ext_nik is not null and s.nik_hash is not null
                """);
        if (!allUnits) {
            problem("""
                    select m.row_no, case when m.ext_id is not null then 'external_id' else 'nik' end, 'ERROR',
                        'import.registeredElsewhere', jsonb_build_array()
                    from import_match m
                    where coalesce(m.ext_unit, m.nik_unit) not in (select unit_id from import_scope)
                    """);
        }

        possibleDuplicates(allUnits);

        jdbc.sql("""
                        insert into import_guardian (row_no, guardian_id, guardian_row)
                        select distinct on (s.row_no) s.row_no, m.person_id, g.row_no
                        from import_row s
                        join import_row g on g.external_id = s.guardian_external_id
                        left join import_match m on m.row_no = g.row_no
                        where s.guardian_external_id is not null
                        order by s.row_no, g.row_no
                        """).update();
        jdbc.sql("""
                        insert into import_guardian (row_no, guardian_id, guardian_row)
                        select s.row_no, p.id, null
                        from import_row s
                        join registry.person p on p.external_id = s.guardian_external_id and p.merged_into is null
                        where s.guardian_external_id is not null
                          and not exists (select 1 from import_guardian x where x.row_no = s.row_no)
                          and (:all or p.org_unit_id in (select unit_id from import_scope))
                        """).param("all", allUnits).update();
        problem("""
                select s.row_no, 'guardian_external_id', 'ERROR', 'import.guardian.notFound',
                    jsonb_build_array(s.guardian_external_id)
                from import_row s
                where s.guardian_external_id is not null
                  and not exists (select 1 from import_guardian x where x.row_no = s.row_no)
                """);

        jdbc.sql("""
                        create temp table import_membership on commit drop as
                        select s.row_no, s.household_key, hm.household_id
                        from import_row s
                        join import_match m using (row_no)
                        join registry.household_member hm on hm.person_id = m.person_id
                        where s.household_key is not null
                        """).update();
        problem("""
                select s.row_no, 'household_key', 'ERROR', 'import.household.split', jsonb_build_array(s.household_key)
                from import_row s
                where s.household_key in (select household_key from import_membership group by household_key
                                          having count(distinct household_id) > 1)
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.twoHeads',
                    jsonb_build_array(s.household_key, h.heads)
                from import_row s
                join (select household_key, count(*) as heads from import_row where relationship = 'HEAD'
                      group by household_key having count(*) > 1) h on h.household_key = s.household_key
                where s.relationship = 'HEAD'
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.noHead',
                    jsonb_build_array(s.household_key)
                from import_row s
                where s.household_key is not null
                  and not exists (select 1 from import_membership b where b.household_key = s.household_key)
                  and not exists (select 1 from import_row h where h.household_key = s.household_key
                                  and h.relationship = 'HEAD')
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.hasHead',
                    jsonb_build_array(s.household_key)
                from import_row s
                join (select distinct household_key, household_id from import_membership) b
                    on b.household_key = s.household_key
                join registry.household_member head on head.household_id = b.household_id
                    and head.relationship = 'HEAD'
                left join import_match m on m.row_no = s.row_no
                where s.relationship = 'HEAD' and head.person_id is distinct from m.person_id
                """);
        problem("""
                select s.row_no, 'kk_number', 'ERROR', 'import.kk.differs', jsonb_build_array(s.household_key)
                from import_row s
                where s.kk_hash is not null
                  and s.household_key in (select household_key from import_row where kk_hash is not null
                                          group by household_key
                                          having count(distinct (kk_hash, kk_valid_from)) > 1)
                """);
        problem("""
                select s.row_no, 'kk_valid_from', 'ERROR', 'import.kk.overlap',
                    jsonb_build_array(k.valid_from::text, coalesce(k.valid_to::text, '…'))
                from import_row s
                join (select distinct household_key, household_id from import_membership) b
                    on b.household_key = s.household_key
                join registry.kk_history k on k.household_id = b.household_id
                where s.kk_hash is not null and s.kk_valid_from is not null
                  and not exists (select 1 from registry.kk_history same where same.household_id = b.household_id
                                  and same.kk_hash = s.kk_hash and same.valid_from = s.kk_valid_from)
                  and not (k.valid_to is null and k.valid_from < s.kk_valid_from)
                  and daterange(k.valid_from, k.valid_to, '[]') && daterange(s.kk_valid_from, null, '[]')
                """);
        markErrors();
        // A row that depends on a row with an error (its guardian, the head of its new household) can't be written.
        for (int round = 0; round < 20; round++) {
            problem("""
                    select s.row_no, 'guardian_external_id', 'ERROR', 'import.guardian.rowInvalid',
                        jsonb_build_array(g.guardian_row)
                    from import_row s join import_guardian g using (row_no)
                    join import_row gr on gr.row_no = g.guardian_row
                    where s.ok and not gr.ok
                    """);
            problem("""
                    select s.row_no, 'household_key', 'ERROR', 'import.household.headInvalid',
                        jsonb_build_array(h.row_no)
                    from import_row s
                    join import_row h on h.household_key = s.household_key and h.relationship = 'HEAD'
                        and not h.ok
                    where s.ok and s.household_key is not null and s.row_no <> h.row_no
                      and not exists (select 1 from import_membership b where b.household_key = s.household_key)
                    """);
            if (markErrors() == 0) {
                break;
            }
        }
    }

    /**
     * Warns of rows that may describe someone already registered or listed twice, as registration does: a new person
     * (no NIK or external id of the registry matched) with a similar name, the same regency and the same birth date
     * (or birth year ± 1 when either date is approximate) as a registered person, unless both have a NIK (two NIKs
     * are two people); and rows of the file with the same
     * name key, regency and birth date (or year, when approximate) that do not both carry a NIK. These are warnings:
     * the user reads them in the report and may leave such rows out of the commit. Only people the importer may read
     * are named; others are reported without their name.
     */
    private void possibleDuplicates(boolean allUnits) {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', '0.6', true)")
                .query((rs, i) -> rs.getString(1))
                .single();
        problem("""
                select distinct on (s.row_no) s.row_no, 'full_name', 'WARNING',
                    case when :all or p.org_unit_id in (select unit_id from import_scope)
                         then 'import.possibleDuplicate' else 'import.possibleDuplicateElsewhere' end,
                    case when :all or p.org_unit_id in (select unit_id from import_scope)
                         then jsonb_build_array(p.id, p.full_name) else jsonb_build_array() end
                from import_row s
                join registry.person p on p.regency_code = substr(s.region_code, 1, 5)
                    and p.birth_year between s.birth_year - 1 and s.birth_year + 1
                where s.ok and s.name_key is not null and s.region_code is not null and s.birth_year is not null
                  and p.merged_into is null
                  and (p.birth_date = s.birth_date or p.birth_date_approximate or s.birth_date is null)
                  and p.name_key operator(public.%) s.name_key
                  and (s.nik_hash is null or p.nik_hash is null)
                  and not exists (select 1 from import_match m where m.row_no = s.row_no)
                order by s.row_no, public.similarity(p.name_key, s.name_key) desc, p.id
                """.replace(":all", allUnits ? "true" : "false"));
        problem("""
                select s.row_no, 'full_name', 'WARNING', 'import.possibleDuplicateInFile', jsonb_build_array(d.first_row)
                from import_row s
                join (select name_key, substr(region_code, 1, 5) as regency, coalesce(birth_date::text, birth_year::text)
                             as born, min(row_no) as first_row, count(nik_hash) as niks, count(*) as rows
                      from import_row
                      where ok and name_key is not null and region_code is not null and birth_year is not null
                      group by 1, 2, 3 having count(*) > 1) d
                    on d.name_key = s.name_key and d.regency = substr(s.region_code, 1, 5)
                    and d.born = coalesce(s.birth_date::text, s.birth_year::text)
                where s.ok and s.row_no <> d.first_row and d.niks < d.rows
                """);
        jdbc.sql("""
                        update import_row set warn = true
                        where not warn and row_no in (select row_no from import_problem where severity = 'WARNING')
                        """).update();
    }

    /**
     * Copies the region codes of the file that name a region into {@code import_region}, asking the region module
     * rather than reading its tables.
     */
    private void stageKnownRegions() {
        List<String> codes = jdbc.sql("select distinct region_code from import_row where region_code is not null")
                .query(String.class)
                .list();
        jdbc.sql("create temp table import_region (code varchar(13) primary key) on commit drop")
                .update();
        Set<String> known = regions.existing(codes);
        if (!known.isEmpty()) {
            jdbc.sql("insert into import_region select unnest(?::varchar[])")
                    .param(known.toArray(String[]::new))
                    .update();
        }
    }

    private void problem(String select) {
        jdbc.sql("insert into import_problem (row_no, column_name, severity, message_key, message_args) " + select)
                .update();
    }

    private int markErrors() {
        return jdbc.sql("""
                        update import_row set ok = false
                        where ok and row_no in (select row_no from import_problem where severity = 'ERROR')
                        """).update();
    }

    record Counts(int valid, int errors, int warnings, int newRows, int existing) {}

    private Counts counts() {
        return jdbc.sql("""
                        select count(*) filter (where s.ok) as valid,
                               count(*) filter (where not s.ok) as errors,
                               count(*) filter (where s.warn) as warnings,
                               count(*) filter (where s.ok and m.row_no is null) as new_rows,
                               count(*) filter (where s.ok and m.row_no is not null) as existing
                        from import_row s left join import_match m using (row_no)
                        """)
                .query((rs, i) -> new Counts(
                        rs.getInt("valid"),
                        rs.getInt("errors"),
                        rs.getInt("warnings"),
                        rs.getInt("new_rows"),
                        rs.getInt("existing")))
                .single();
    }

    // -------------------------------------------------------------------------------------------- writes

    /** New people of the second staging table (those with a household or a guardian). */
    private int insertPeople(long jobId, long unit) {
        return jdbc.sql("""
                        insert into registry.person (id, org_unit_id, full_name, other_names, name_key, sex,
                            birth_place, birth_date, birth_year, birth_date_approximate, nik_cipher, nik_hash,
                            nik_masked, region_code, regency_code, rt, rw, street, phone, disability_types,
                            guardian_id, guardian_relationship, external_id, import_job_id)
                        select f.person_id, :unit, f.full_name, f.other_names, f.name_key, f.sex, f.birth_place,
                            f.birth_date, f.birth_year, f.approximate, f.nik_cipher, f.nik_hash, f.nik_masked,
                            f.region_code, f.regency_code, f.rt, f.rw, f.street, f.phone, f.disability_types,
                            g.guardian_id, case when g.guardian_id is null then null else f.guardian_relationship end,
                            f.external_id, :job
                        from import_full f left join import_guardian g using (row_no)
                        where not exists (select 1 from import_match m where m.row_no = f.row_no)
                        """).param("unit", unit).param("job", jobId).update();
    }

    /** Updates matched people whose data differ; blank cells keep what is registered. Returns how many changed. */
    private int updatePeople(long jobId) {
        return jdbc.sql("""
                        with incoming as (
                            select p.id, s.full_name,
                                coalesce(s.other_names, p.other_names) as other_names,
                                case when s.other_names is null and p.other_names is not null
                                          and s.full_name = p.full_name then p.name_key
                                     else s.name_key end as name_key_candidate,
                                s.sex,
                                coalesce(s.birth_place, p.birth_place) as birth_place,
                                case when s.birth_date is not null then s.birth_date
                                     when s.birth_year = p.birth_year then p.birth_date else null end as birth_date,
                                s.birth_year,
                                case when s.birth_date is not null then false
                                     when s.birth_year = p.birth_year then p.birth_date_approximate
                                     else true end as approximate,
                                case when p.nik_hash is null then s.nik_cipher else p.nik_cipher end as nik_cipher,
                                coalesce(p.nik_hash, s.nik_hash) as nik_hash,
                                case when p.nik_hash is null then s.nik_masked else p.nik_masked end as nik_masked,
                                coalesce(s.region_code, p.region_code) as region_code,
                                case when s.region_code is null then p.regency_code else s.regency_code end
                                    as regency_code,
                                coalesce(s.rt, p.rt) as rt, coalesce(s.rw, p.rw) as rw,
                                coalesce(s.street, p.street) as street, coalesce(s.phone, p.phone) as phone,
                                case when cardinality(s.disability_types) > 0 then s.disability_types
                                     else p.disability_types end as disability_types,
                                coalesce(g.guardian_id, p.guardian_id) as guardian_id,
                                case when g.guardian_id is not null then s.guardian_relationship
                                     else p.guardian_relationship end as guardian_relationship,
                                coalesce(p.external_id, s.external_id) as external_id
                            from import_full s
                            join import_match m using (row_no)
                            join registry.person p on p.id = m.person_id
                            left join import_guardian g on g.row_no = s.row_no
                        ),
                        changed as (
                            select i.* from incoming i join registry.person p on p.id = i.id
                            where (p.full_name, p.other_names, p.sex, p.birth_place, p.birth_date, p.birth_year,
                                   p.birth_date_approximate, p.nik_hash, p.region_code, p.rt, p.rw, p.street,
                                   p.phone, p.disability_types, p.guardian_id, p.guardian_relationship,
                                   p.external_id)
                                is distinct from
                                  (i.full_name, i.other_names, i.sex, i.birth_place, i.birth_date, i.birth_year,
                                   i.approximate, i.nik_hash, i.region_code, i.rt, i.rw, i.street, i.phone,
                                   i.disability_types, i.guardian_id, i.guardian_relationship, i.external_id)
                        )
                        update registry.person p set full_name = c.full_name, other_names = c.other_names,
                            name_key = c.name_key_candidate, sex = c.sex, birth_place = c.birth_place,
                            birth_date = c.birth_date, birth_year = c.birth_year,
                            birth_date_approximate = c.approximate, nik_cipher = c.nik_cipher,
                            nik_hash = c.nik_hash, nik_masked = c.nik_masked, region_code = c.region_code,
                            regency_code = c.regency_code, rt = c.rt, rw = c.rw, street = c.street,
                            phone = c.phone, disability_types = c.disability_types, guardian_id = c.guardian_id,
                            guardian_relationship = c.guardian_relationship, external_id = c.external_id,
                            import_job_id = :job, version = p.version + 1, updated_at = now()
                        from changed c
                        where p.id = c.id
                        """).param("job", jobId).update();
    }

    /** Creates or updates households, their members and KK periods; returns how many households were touched. */
    private int writeHouseholds(long unit) {
        String sequence = jdbc.sql("select pg_get_serial_sequence('registry.household', 'id')")
                .query(String.class)
                .single();
        jdbc.sql("""
                        create temp table import_household on commit drop as
                        select k.household_key, coalesce(b.household_id, nextval('%s')) as household_id,
                            b.household_id is null as is_new, k.row_no as main_row
                        from (select distinct on (household_key) household_key, row_no from import_row
                              where ok and household_key is not null
                              order by household_key, (relationship = 'HEAD') desc, row_no) k
                        left join (select distinct household_key, household_id from import_membership) b
                            on b.household_key = k.household_key
                        """.formatted(sequence)).update();
        int households = jdbc.sql("select count(*) from import_household")
                .query(Integer.class)
                .single();
        if (households == 0) {
            return 0;
        }
        jdbc.sql("""
                        create temp table import_decile on commit drop as
                        select distinct on (s.household_key) s.household_key, f.welfare_decile, f.decile_checked_on
                        from import_row s join import_full f using (row_no)
                        where s.ok and s.household_key is not null and f.welfare_decile is not null
                        order by s.household_key, (s.relationship = 'HEAD') desc, s.row_no
                        """).update();
        jdbc.sql("""
                        insert into registry.household (id, org_unit_id, region_code, rt, rw, street, welfare_decile,
                            decile_checked_on)
                        select h.household_id, :unit, f.region_code, f.rt, f.rw, f.street, d.welfare_decile,
                            d.decile_checked_on
                        from import_household h
                        join import_full f on f.row_no = h.main_row
                        left join import_decile d on d.household_key = h.household_key
                        where h.is_new
                        """).param("unit", unit).update();
        jdbc.sql("""
                        update registry.household t set welfare_decile = d.welfare_decile,
                            decile_checked_on = d.decile_checked_on, version = t.version + 1, updated_at = now()
                        from import_household h
                        join import_decile d on d.household_key = h.household_key
                        where t.id = h.household_id and not h.is_new
                          and (t.welfare_decile, t.decile_checked_on)
                              is distinct from (d.welfare_decile, d.decile_checked_on)
                        """).update();
        jdbc.sql("""
                        insert into registry.household_member (household_id, person_id, relationship)
                        select h.household_id, coalesce(m.person_id, f.person_id), s.relationship
                        from import_row s
                        join import_full f using (row_no)
                        join import_household h on h.household_key = s.household_key
                        left join import_match m on m.row_no = s.row_no
                        where s.ok
                        on conflict (household_id, person_id) do update set relationship = excluded.relationship
                        where household_member.relationship is distinct from excluded.relationship
                        """).update();
        jdbc.sql("""
                        create temp table import_kk on commit drop as
                        select distinct on (s.household_key) h.household_id, f.kk_cipher, s.kk_hash, f.kk_masked,
                            s.kk_valid_from
                        from import_row s
                        join import_full f using (row_no)
                        join import_household h on h.household_key = s.household_key
                        where s.ok and s.kk_hash is not null
                        order by s.household_key, (s.relationship = 'HEAD') desc, s.row_no
                        """).update();
        jdbc.sql("delete from import_kk k using registry.kk_history e where e.household_id = k.household_id"
                        + " and e.kk_hash = k.kk_hash and e.valid_from = k.kk_valid_from")
                .update();
        jdbc.sql("""
                        update registry.kk_history e set valid_to = k.kk_valid_from - 1
                        from import_kk k
                        where e.household_id = k.household_id and e.valid_to is null and e.valid_from < k.kk_valid_from
                        """).update();
        jdbc.sql("""
                        insert into registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from)
                        select household_id, kk_cipher, kk_hash, kk_masked, kk_valid_from from import_kk
                        """).update();
        return households;
    }

    // ------------------------------------------------------------------------------------------ progress

    private void progress(long jobId, int rows, String phase) {
        separate.executeWithoutResult(s -> jdbc.sql(
                        "update registry.import_job set processed_rows = ?, phase = ?, heartbeat_at = now() where id = ?")
                .params(rows, phase, jobId)
                .update());
    }

    private void fail(long jobId, String key, Object... args) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            ImportRowRules.jsonString(json, String.valueOf(args[i]));
        }
        json.append(']');
        separate.executeWithoutResult(s -> jdbc.sql("""
                        update registry.import_job set status = 'FAILED', phase = null, error_key = :key,
                            error_args = cast(:args as jsonb), finished_at = :now, version = version + 1
                        where id = :id
                        """)
                .param("key", key)
                .param("args", json.toString())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", jobId)
                .update());
    }

    void deleteFile(long jobId) {
        try {
            Files.deleteIfExists(settings.file(jobId));
        } catch (IOException e) {
            log.warn("Could not delete the file of import job {}", jobId, e);
            return;
        }
        jdbc.sql("update registry.import_job set file_deleted_at = now() where id = ? and file_deleted_at is null")
                .param(jobId)
                .update();
        // The names in the report came from the file: they go with it.
        jdbc.sql("update registry.import_issue set row_name = null where job_id = ? and row_name is not null")
                .param(jobId)
                .update();
    }
}
