package id.peduli.registry.imports;

import id.peduli.access.Access;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs: upload (the file goes to disk and is inspected at once), the column mapping, starting validation and
 * commit, and who may see what. Users with an import role import into the units their grants cover and see their own
 * jobs; a DPO sees the jobs of the units their grant covers. A job that is refused never reaches the database: the
 * upload is answered with the reason.
 */
@Service
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final String DPO = "DPO";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A running job whose progress has not moved for this long was interrupted (the application stopped). */
    private static final String STALE = "interval '15 minutes'";

    private final JdbcClient jdbc;
    private final Access access;
    private final Organizations organizations;
    private final ImportSettings settings;
    private final ImportRunner runner;
    private final Users users;
    private final AuditLog audit;

    ImportJobs(
            JdbcClient jdbc,
            Access access,
            Organizations organizations,
            ImportSettings settings,
            ImportRunner runner,
            Users users,
            AuditLog audit) {
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
        this.settings = settings;
        this.runner = runner;
    }

    /** What the runner needs of a job. */
    record Stored(
            long id,
            long ownerId,
            long orgUnitId,
            String fileName,
            String status,
            ImportFile.Inspection inspection,
            Map<String, Integer> mapping,
            Instant fileDeletedAt,
            String clientAddress) {

        /** For each field (by ordinal), the mapped file column or -1. */
        int[] columns() {
            int[] columns = new int[ImportField.values().length];
            Arrays.fill(columns, -1);
            mapping.forEach((column, index) ->
                    ImportField.ofColumn(column).ifPresent(f -> columns[f.ordinal()] = index == null ? -1 : index));
            return columns;
        }
    }

    static Stored load(JdbcClient jdbc, long id) {
        return jdbc.sql("""
                        select id, owner_id, org_unit_id, file_name, status, format, encoding, bom, delimiter, headers,
                            mapping, total_rows, file_deleted_at, client_address
                        from registry.import_job where id = ?
                        """)
                .param(id)
                .query((rs, i) -> new Stored(
                        rs.getLong("id"),
                        rs.getLong("owner_id"),
                        rs.getLong("org_unit_id"),
                        rs.getString("file_name"),
                        rs.getString("status"),
                        new ImportFile.Inspection(
                                ImportFile.Format.valueOf(rs.getString("format")),
                                rs.getString("encoding"),
                                rs.getBoolean("bom"),
                                delimiter(rs.getString("delimiter")),
                                strings(rs.getString("headers")),
                                rs.getInt("total_rows")),
                        mapping(rs.getString("mapping")),
                        instant(rs, "file_deleted_at"),
                        rs.getString("client_address")))
                .optional()
                .orElseThrow(() -> BusinessException.notFound("import.notFound", id));
    }

    // -------------------------------------------------------------------------------------------- upload

    /** The units the current user may import into, in tree order. */
    List<OrgUnit> importUnits() {
        Access.Scope scope = access.scope(RegistryRoles.IMPORT);
        if (scope.none()) {
            return List.of();
        }
        return scope.all() ? organizations.tree() : organizations.subtrees(scope.roots());
    }

    /**
     * Stores and inspects an uploaded file. {@code mappingByHeader} (template column to file header) is optional;
     * without it the mapping is suggested from the headers.
     */
    ImportJobView upload(Long orgUnitId, String fileName, InputStream content, Map<String, String> mappingByHeader) {
        PeduliPrincipal user = user();
        if (orgUnitId == null) {
            throw BusinessException.invalid("orgUnitId", "import.unitRequired");
        }
        if (!access.covers(orgUnitId, RegistryRoles.IMPORT)) {
            throw new BusinessException(403, "orgUnitId", "import.unitNotAllowed");
        }
        if (content == null) {
            throw ImportFile.refused("import.file.missing");
        }
        cleanUp();
        long quotaLeft = pendingQuotaLeft(user.userId());
        String name = fileName == null || fileName.isBlank()
                ? "import"
                : Path.of(fileName).getFileName().toString();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long id = jdbc.sql("""
                        insert into registry.import_job (owner_id, owner_username, org_unit_id, file_name, format,
                            size_bytes, status, client_address)
                        values (:owner, :username, :unit, :name, 'CSV', 0, 'UPLOADED', :address) returning id
                        """)
                .param("owner", user.userId())
                .param("username", user.username())
                .param("unit", orgUnitId)
                .param("name", name)
                .param("address", AuditLog.requestAddress())
                .query(Long.class)
                .single();
        Path file = settings.file(id);
        try {
            long size = store(content, file, quotaLeft);
            ImportFile.Inspection inspection = ImportFile.inspect(file, name, settings.maxRows());
            Map<String, Integer> mapping = mappingByHeader == null || mappingByHeader.isEmpty()
                    ? suggest(inspection.headers())
                    : mapping(inspection.headers(), mappingByHeader);
            jdbc.sql("""
                            update registry.import_job set format = :format, size_bytes = :size, encoding = :encoding,
                                bom = :bom, delimiter = :delimiter, headers = cast(:headers as jsonb),
                                mapping = cast(:mapping as jsonb), total_rows = :rows
                            where id = :id
                            """)
                    .param("format", inspection.format().name())
                    .param("size", size)
                    .param("encoding", inspection.encoding())
                    .param("bom", inspection.bom())
                    .param("delimiter", delimiterName(inspection.delimiter()))
                    .param("headers", JSON.writeValueAsString(inspection.headers()))
                    .param("mapping", JSON.writeValueAsString(mapping))
                    .param("rows", inspection.rows())
                    .param("id", id)
                    .update();
        } catch (RuntimeException e) {
            discard(id, file);
            throw e;
        }
        return get(id);
    }

    /**
     * How many bytes the user may still upload under their limits on uncommitted files (those neither committed,
     * discarded nor expired); refused when they already keep as many files or bytes as allowed.
     */
    private long pendingQuotaLeft(long ownerId) {
        long[] pending = jdbc.sql("""
                        select count(*), coalesce(sum(size_bytes), 0) from registry.import_job
                        where owner_id = ? and file_deleted_at is null
                        """)
                .param(ownerId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (pending[0] >= settings.maxPendingFiles()) {
            throw new BusinessException(
                    409, "file", "import.pending.tooManyFiles", pending[0], settings.maxPendingFiles());
        }
        if (pending[1] >= settings.maxPendingBytes()) {
            throw pendingBytes(pending[1]);
        }
        return settings.maxPendingBytes() - pending[1];
    }

    private BusinessException pendingBytes(long bytes) {
        long mb = 1024 * 1024;
        return new BusinessException(
                409,
                "file",
                "import.pending.tooManyBytes",
                (bytes + mb - 1) / mb,
                Math.max(1, settings.maxPendingBytes() / mb));
    }

    /**
     * Writes the upload under a temporary name next to its final one and renames it only once complete, so that no
     * reader (and no start after a crash) ever sees half a file under a job's name. A write that fails (the disk
     * filled up, the directory went away) removes the temporary file and is refused with a message that says so.
     */
    private long store(InputStream content, Path file, long quotaLeft) {
        long max = settings.maxBytes();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        Path part = partial(file);
        try {
            try (InputStream in = content;
                    OutputStream out = ImportSettings.createPrivate(part)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > max) {
                        throw ImportFile.refused("import.file.tooLarge", settings.maxMegabytes());
                    }
                    if (size > quotaLeft) {
                        throw pendingBytes(settings.maxPendingBytes() - quotaLeft + size);
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(part);
            log.warn("Could not store an uploaded import file: {}", e.toString());
            throw new BusinessException(507, "file", "import.file.writeFailed");
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        return size;
    }

    /** The name an upload is written under until it is complete. */
    static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + PART_SUFFIX);
    }

    static final String PART_SUFFIX = ".part";

    /** Removes uploads a crashed start left half-written: their jobs never saw them complete. */
    void removePartialUploads() {
        Path directory = settings.file(0).getParent();
        try (var files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(PART_SUFFIX)).forEach(ImportJobs::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not look for half-written uploads in {}: {}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private void discard(long id, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete refused import file {}", file, e);
        }
        jdbc.sql("delete from registry.import_job where id = ?").param(id).update();
    }

    /** For each template column, the first file header that names it. */
    static Map<String, Integer> suggest(List<String> headers) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            for (int i = 0; i < headers.size(); i++) {
                if (field.matches(headers.get(i)) && !mapping.containsValue(i)) {
                    mapping.put(field.column(), i);
                    break;
                }
            }
        }
        return mapping;
    }

    /** A mapping given as template column → file header name (the API's form). */
    static Map<String, Integer> mapping(List<String> headers, Map<String, String> byHeader) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        List<InvalidMapping> problems = new ArrayList<>();
        byHeader.forEach((column, header) -> {
            Optional<ImportField> field = ImportField.ofColumn(column);
            if (field.isEmpty()) {
                problems.add(new InvalidMapping("import.mapping.unknownColumn", column));
                return;
            }
            if (header == null || header.isBlank()) {
                return;
            }
            int index = headers.indexOf(header.strip());
            if (index < 0) {
                problems.add(new InvalidMapping("import.mapping.unknownHeader", header));
                return;
            }
            mapping.put(field.get().column(), index);
        });
        if (!problems.isEmpty()) {
            InvalidMapping first = problems.get(0);
            throw BusinessException.invalid("mapping", first.key(), first.value());
        }
        return mapping;
    }

    private record InvalidMapping(String key, String value) {}

    // ------------------------------------------------------------------------------------------- reading

    /**
     * The current user's jobs, newest first; a DPO also sees the jobs of the units their grant covers. A job whose
     * owner no longer holds an import role for its unit is left out for that owner; the unit's DPO still sees it.
     */
    List<ImportJobView> list() {
        PeduliPrincipal user = user();
        cleanUp();
        Map<Long, List<PeduliPrincipal.RoleGrant>> grants = new HashMap<>();
        return jdbc
                .sql("""
                        select id, owner_id, org_unit_id from registry.import_job
                        order by created_at desc, id desc limit 500
                        """)
                .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("owner_id"), rs.getLong("org_unit_id")})
                .list()
                .stream()
                .filter(job -> visible(user, job[1], job[2], grants))
                .limit(100)
                .map(job -> jdbc.sql("select * from registry.import_job where id = ?")
                        .param(job[0])
                        .query(this::view)
                        .single())
                .toList();
    }

    /**
     * The job if the current user may see it; otherwise "not found", so that others' jobs stay invisible. The scope
     * is checked before the job is read: the user must be a DPO of the unit, or its owner while he still holds an
     * import role for its unit.
     */
    ImportJobView get(long id) {
        long[] owner = jdbc.sql("select owner_id, org_unit_id from registry.import_job where id = ?")
                .param(id)
                .query((rs, i) -> new long[] {rs.getLong("owner_id"), rs.getLong("org_unit_id")})
                .optional()
                .orElseThrow(() -> BusinessException.notFound("import.notFound", id));
        if (!visible(user(), owner[0], owner[1], new HashMap<>())) {
            throw BusinessException.notFound("import.notFound", id);
        }
        return jdbc.sql("select * from registry.import_job where id = ?")
                .param(id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> BusinessException.notFound("import.notFound", id));
    }

    /** Writes the download of a job's per-row report to the processing log. */
    void logReport(ImportJobView job, String format) {
        audit.record(AuditRecord.of(AuditAction.VIEW, "ImportReport", job.id())
                .unit(job.orgUnitId())
                .change("format", null, format));
    }

    private boolean visible(
            PeduliPrincipal user, long ownerId, long unitId, Map<Long, List<PeduliPrincipal.RoleGrant>> grants) {
        if (access.covers(unitId, DPO)) {
            // The data protection officer of the unit oversees every job of it, whoever started it.
            return true;
        }
        if (ownerId != user.userId()) {
            return false;
        }
        // The owner's grants as they are now (not as they were at upload): a lost grant hides the job.
        List<PeduliPrincipal.RoleGrant> ownerGrants = grants.computeIfAbsent(ownerId, this::grantsOf);
        Set<String> importing = Set.of(RegistryRoles.IMPORT);
        return ownerGrants.stream()
                .anyMatch(g -> importing.contains(g.role())
                        && (g.unitId() == null || organizations.isWithin(unitId, g.unitId())));
    }

    private List<PeduliPrincipal.RoleGrant> grantsOf(long userId) {
        return users.find(userId)
                .filter(UserView::enabled)
                .map(u -> u.grants().stream()
                        .map(g -> new PeduliPrincipal.RoleGrant(g.role().name(), g.unitId(), g.unitName()))
                        .toList())
                .orElse(List.of());
    }

    /** Refused unless the current user started the job and still may import into its unit. */
    private ImportJobView own(long id) {
        ImportJobView job = get(id);
        if (job.ownerId() != user().userId() || !access.covers(job.orgUnitId(), RegistryRoles.IMPORT)) {
            throw new BusinessException(403, null, "import.notOwner");
        }
        return job;
    }

    // -------------------------------------------------------------------------------------------- running

    /** Saves the mapping (when given) and starts a validation run. */
    ImportJobView validate(long id, Map<String, Integer> mapping) {
        ImportJobView job = own(id);
        requireFile(job);
        Map<String, Integer> chosen = mapping == null ? job.mapping() : mapping;
        requireMapping(job.headers(), chosen);
        int updated = jdbc.sql("""
                        update registry.import_job set status = 'VALIDATING', phase = 'READING', processed_rows = 0,
                            mapping = cast(:mapping as jsonb), mode = null, valid_rows = null, error_rows = null,
                            warning_rows = null, new_rows = null, existing_rows = null, error_key = null,
                            error_args = null, heartbeat_at = now(), version = version + 1,
                            client_address = coalesce(:address, client_address)
                        where id = :id and file_deleted_at is null
                          and (status in ('UPLOADED', 'VALIDATED', 'FAILED')
                               or (status in ('VALIDATING', 'COMMITTING') and heartbeat_at < now() - %s))
                        """.formatted(STALE))
                .param("mapping", JSON.writeValueAsString(chosen))
                .param("address", AuditLog.requestAddress())
                .param("id", id)
                .update();
        if (updated == 0) {
            throw stateConflict(get(id));
        }
        runner.submit(id, false, null);
        return get(id);
    }

    /** Starts the commit of a validated job. */
    ImportJobView commit(long id, ImportMode mode) {
        ImportJobView job = own(id);
        if (mode == null) {
            throw BusinessException.invalid("mode", "import.commit.modeRequired");
        }
        requireFile(job);
        if (!"VALIDATED".equals(job.status())) {
            throw stateConflict(job);
        }
        if (mode == ImportMode.ALL_OR_NOTHING && job.errorRows() != null && job.errorRows() > 0) {
            throw BusinessException.conflict("mode", "import.commit.hasErrors", job.errorRows());
        }
        if (job.validRows() != null && job.validRows() == 0) {
            throw BusinessException.conflict("mode", "import.commit.nothingValid");
        }
        int updated = jdbc.sql("""
                        update registry.import_job set status = 'COMMITTING', phase = 'READING', processed_rows = 0,
                            mode = :mode, heartbeat_at = now(), version = version + 1,
                            client_address = coalesce(:address, client_address)
                        where id = :id and status = 'VALIDATED' and file_deleted_at is null
                        """)
                .param("mode", mode.name())
                .param("address", AuditLog.requestAddress())
                .param("id", id)
                .update();
        if (updated == 0) {
            throw stateConflict(get(id));
        }
        runner.submit(id, true, mode);
        return get(id);
    }

    static void requireMapping(List<String> headers, Map<String, Integer> mapping) {
        List<String> missing = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            if (field.required() && !mapped(headers, mapping, field)) {
                missing.add(field.column());
            }
        }
        if (!mapped(headers, mapping, ImportField.BIRTH_DATE) && !mapped(headers, mapping, ImportField.BIRTH_YEAR)) {
            missing.add(ImportField.BIRTH_DATE.column() + " / " + ImportField.BIRTH_YEAR.column());
        }
        if (!missing.isEmpty()) {
            throw BusinessException.invalid("mapping", "import.mapping.missing", String.join(", ", missing));
        }
        Map<Integer, List<String>> byIndex = mapping.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() >= 0)
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        for (Map.Entry<Integer, List<String>> entry : byIndex.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw BusinessException.invalid(
                        "mapping",
                        "import.mapping.twice",
                        headers.get(entry.getKey()),
                        String.join(", ", entry.getValue()));
            }
        }
    }

    private static boolean mapped(List<String> headers, Map<String, Integer> mapping, ImportField field) {
        Integer index = mapping.get(field.column());
        return index != null && index >= 0 && index < headers.size();
    }

    /**
     * Discards the uploaded file of a job that is not running: the file is deleted at once (it no longer counts
     * against the user's limits); the job stays listed, with its counts and report, as "file deleted".
     */
    ImportJobView discard(long id) {
        ImportJobView job = own(id);
        if (job.running()) {
            throw stateConflict(job);
        }
        runner.deleteFile(id);
        return get(id);
    }

    private static void requireFile(ImportJobView job) {
        if (job.fileDeletedAt() != null) {
            throw BusinessException.conflict(null, "import.file.gone");
        }
    }

    private static BusinessException stateConflict(ImportJobView job) {
        return switch (job.status()) {
            case "COMMITTED" -> BusinessException.conflict(null, "import.state.committed");
            case "VALIDATING", "COMMITTING" -> BusinessException.conflict(null, "import.state.running");
            default -> BusinessException.conflict(null, "import.state.notValidated");
        };
    }

    // -------------------------------------------------------------------------------------------- cleanup

    /** Deletes the files of uncommitted jobs older than the retention period. */
    void cleanUp() {
        List<Long> expired = jdbc.sql("""
                        select id from registry.import_job
                        where file_deleted_at is null and created_at < :before
                          and (status not in ('VALIDATING', 'COMMITTING') or heartbeat_at < now() - %s)
                        """.formatted(STALE))
                .param("before", Timestamp.from(Instant.now().minus(settings.retention())))
                .query(Long.class)
                .list();
        expired.forEach(runner::deleteFile);
    }

    @EventListener(ApplicationReadyEvent.class)
    void cleanUpAtStart() {
        removePartialUploads();
        cleanUp();
    }

    // ------------------------------------------------------------------------------------------- mapping

    private ImportJobView view(ResultSet rs, int row) throws SQLException {
        long unit = rs.getLong("org_unit_id");
        Instant heartbeat = instant(rs, "heartbeat_at");
        String status = rs.getString("status");
        String errorKey = rs.getString("error_key");
        List<String> errorArgs = strings(rs.getString("error_args"));
        if (("VALIDATING".equals(status) || "COMMITTING".equals(status))
                && heartbeat != null
                && heartbeat.isBefore(Instant.now().minusSeconds(15 * 60))) {
            status = "FAILED";
            errorKey = "import.interrupted";
            errorArgs = List.of();
        }
        return new ImportJobView(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("owner_username"),
                unit,
                organizations.name(unit),
                rs.getString("file_name"),
                rs.getString("format"),
                rs.getLong("size_bytes"),
                rs.getString("encoding"),
                rs.getBoolean("bom"),
                rs.getString("delimiter"),
                strings(rs.getString("headers")),
                mapping(rs.getString("mapping")),
                rs.getString("mode"),
                status,
                rs.getString("phase"),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                integer(rs, "valid_rows"),
                integer(rs, "error_rows"),
                integer(rs, "warning_rows"),
                integer(rs, "new_rows"),
                integer(rs, "existing_rows"),
                integer(rs, "created_rows"),
                integer(rs, "updated_rows"),
                integer(rs, "unchanged_rows"),
                integer(rs, "households"),
                errorKey,
                errorArgs,
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "validated_at"),
                instant(rs, "committed_at"),
                instant(rs, "file_deleted_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Object> values = JSON.readValue(json, new TypeReference<List<Object>>() {});
        return values.stream().map(String::valueOf).toList();
    }

    static Map<String, Integer> mapping(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() {});
    }

    static String delimiterName(Character delimiter) {
        if (delimiter == null) {
            return null;
        }
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }

    static Character delimiter(String name) {
        if (name == null) {
            return null;
        }
        return "TAB".equals(name) ? '\t' : name.charAt(0);
    }

    private PeduliPrincipal user() {
        return access.currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
