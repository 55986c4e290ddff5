package id.peduli.registry.imports;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.InstanceId;
import id.peduli.region.Regions;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import job: validation only, or validation and commit, in one transaction. Rows are read from the file,
 * checked and encrypted in Java and streamed with COPY into a temporary staging table ({@link ImportStaging}); the
 * rules that need other rows or the database run as set-based SQL over that table ({@link ImportChecks}); then people,
 * households, members and KK periods are written with a few {@code insert ... select} statements
 * ({@link ImportWriter}). Progress is written in separate short transactions so that it is
 * visible while the job runs. Jobs run one at a time on their own thread, as the user who started them; their audit
 * entries carry the client address of the request that started the run (kept on the job).
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

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

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final Organizations organizations;
    private final Regions regions;
    private final ImportStaging staging;
    private final ImportChecks checks;
    private final ImportWriter writer;
    private final Access access;
    private final AuditLog audit;
    private final ImportSettings settings;
    private final Clock clock;
    private final InstanceId instance;
    private final ThreadPoolTaskExecutor thread;
    private final AsyncTaskExecutor executor;

    ImportRunner(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Organizations organizations,
            Regions regions,
            ImportStaging staging,
            ImportChecks checks,
            ImportWriter writer,
            Access access,
            AuditLog audit,
            ImportSettings settings,
            Clock clock,
            InstanceId instance) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.organizations = organizations;
        this.regions = regions;
        this.staging = staging;
        this.checks = checks;
        this.writer = writer;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
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
        staging.createStaging();
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
        int total = staging.checkPass(job, file, knownRegions);
        long staged = System.nanoTime();
        staging.progress(jobId, total, "CHECKING");
        checks.check(jobId, scope.all());
        ImportChecks.Counts counts = checks.counts();
        long checked = System.nanoTime();
        boolean write = commit && (mode == ImportMode.VALID_ONLY || counts.errors() == 0) && counts.valid() > 0;
        int created = 0;
        int updated = 0;
        int households = 0;
        if (write) {
            staging.progress(jobId, 0, "WRITING");
            created = staging.writePass(job, file, knownRegions);
            created += writer.insertPeople(jobId, job.orgUnitId());
            updated = writer.updatePeople(jobId);
            households = writer.writeHouseholds(job.orgUnitId());
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
                    .clientAddress(job.clientAddress())
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
                                .clientAddress(job.clientAddress())
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

    private void fail(long jobId, String key, Object... args) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            ImportCopyText.jsonString(json, String.valueOf(args[i]));
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
