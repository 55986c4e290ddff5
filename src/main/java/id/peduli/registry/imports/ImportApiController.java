package id.peduli.registry.imports;

import id.peduli.platform.ApiDownload;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs over the API: upload a CSV or XLSX file for a unit, validate it (with a column mapping of template
 * column to file header), follow its progress, download the per-row report, commit. Jobs run in the background:
 * poll {@code GET /api/v1/people/imports/{id}} until {@code running} is false.
 */
@RestController
@RequestMapping("/api/v1/people/imports")
@Tag(name = "People import", description = "Bulk import of people and households from CSV or XLSX")
@PreAuthorize(RegistryRoles.IMPORT_READ_EXPRESSION)
class ImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportJobs jobs;
    private final ImportReport report;
    private final ImportTemplate template;
    private final MessageSource messages;

    ImportApiController(ImportJobs jobs, ImportReport report, ImportTemplate template, MessageSource messages) {
        this.jobs = jobs;
        this.report = report;
        this.template = template;
        this.messages = messages;
    }

    /** A job as the API shows it; {@code mapping} is template column → file header. */
    @Schema(name = "ImportJob")
    record JobResponse(
            long id,
            String status,
            boolean running,
            String phase,
            int percent,
            long orgUnitId,
            String fileName,
            String format,
            long sizeBytes,
            String encoding,
            boolean bom,
            String delimiter,
            List<String> headers,
            Map<String, String> mapping,
            String mode,
            int totalRows,
            int processedRows,
            Integer validRows,
            Integer errorRows,
            Integer warningRows,
            Integer newRows,
            Integer existingRows,
            Integer createdRows,
            Integer updatedRows,
            Integer unchangedRows,
            Integer households,
            String errorCode,
            String error,
            Instant createdAt,
            Instant finishedAt,
            Instant committedAt) {}

    /** The body of a validation request: template column → file header; empty keeps the saved mapping. */
    @Schema(name = "ImportValidateRequest")
    record ValidateRequest(Map<String, String> mapping) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(RegistryRoles.IMPORT_EXPRESSION)
    @Operation(
            summary = "Upload a CSV or XLSX file for a unit",
            description = "The file is inspected at once (format, encoding, delimiter, header, row count) and refused "
                    + "with a reason when it can't be read. The optional mapping is JSON: "
                    + "{\"full_name\": \"Nama Lengkap\", ...}; without it the mapping is suggested from the headers.")
    ResponseEntity<JobResponse> upload(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "orgUnitId", required = false) Long orgUnitId,
            @RequestParam(value = "mapping", required = false) String mapping) {
        Map<String, String> byHeader = parseMapping(mapping);
        try {
            ImportJobView job = jobs.upload(
                    orgUnitId,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getInputStream(),
                    byHeader);
            return ResponseEntity.created(URI.create("/api/v1/people/imports/" + job.id()))
                    .body(response(job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    @Operation(summary = "My import jobs, newest first (a DPO also sees those of the units they cover)")
    List<JobResponse> list() {
        return jobs.list().stream().map(this::response).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, progress and counts of a job")
    JobResponse get(@PathVariable long id) {
        return response(jobs.get(id));
    }

    @PostMapping("/{id}/validate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Validate the file (nothing is written); optionally with a new mapping")
    ResponseEntity<JobResponse> validate(@PathVariable long id, @RequestBody(required = false) ValidateRequest body) {
        ImportJobView job = jobs.get(id);
        Map<String, Integer> mapping =
                body == null || body.mapping() == null || body.mapping().isEmpty()
                        ? null
                        : ImportJobs.mapping(job.headers(), body.mapping());
        return ResponseEntity.accepted().body(response(jobs.validate(id, mapping)));
    }

    @PostMapping("/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Commit a validated job",
            description = "ALL_OR_NOTHING writes every row or none; VALID_ONLY writes the rows without errors. "
                    + "Re-importing a file updates or skips the people it already created (by external id or NIK).")
    ResponseEntity<JobResponse> commit(
            @PathVariable long id, @RequestParam(value = "mode", required = false) String mode) {
        return ResponseEntity.accepted().body(response(jobs.commit(id, ImportPageController.parseMode(mode))));
    }

    @DeleteMapping("/{id}/file")
    @Operation(
            summary = "Discard the uploaded file of a job that is not running",
            description = "The file is deleted at once and no longer counts against your limits on uncommitted "
                    + "import files; the job stays listed with its counts.")
    JobResponse discard(@PathVariable long id) {
        return response(jobs.discard(id));
    }

    @ApiDownload({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @GetMapping("/{id}/report")
    @Operation(summary = "The per-row report (errors and warnings) as CSV or XLSX, in the Accept-Language")
    void report(
            @PathVariable long id,
            @RequestParam(value = "format", defaultValue = "csv") String format,
            HttpServletResponse response)
            throws IOException {
        ImportJobView job = jobs.get(id);
        if (!"xlsx".equalsIgnoreCase(format) && !"csv".equalsIgnoreCase(format)) {
            throw BusinessException.invalid("format", "import.report.format");
        }
        jobs.logReport(job, format.toUpperCase(java.util.Locale.ROOT));
        if ("xlsx".equalsIgnoreCase(format)) {
            ImportPageController.download(
                    response,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "peduli-import-" + id + "-report.xlsx");
            report.xlsx(job, LocaleContextHolder.getLocale(), response.getOutputStream());
        } else if ("csv".equalsIgnoreCase(format)) {
            ImportPageController.download(response, "text/csv;charset=UTF-8", "peduli-import-" + id + "-report.csv");
            report.csv(job, LocaleContextHolder.getLocale(), response.getOutputStream());
        } else {
            throw BusinessException.invalid("format", "import.report.format");
        }
    }

    @ApiDownload({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @GetMapping("/template")
    @Operation(summary = "The empty import template as CSV or XLSX")
    void template(@RequestParam(value = "format", defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        if ("xlsx".equalsIgnoreCase(format)) {
            ImportPageController.download(
                    response,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "peduli-import-template.xlsx");
            template.xlsx(response.getOutputStream(), LocaleContextHolder.getLocale());
        } else if ("csv".equalsIgnoreCase(format)) {
            ImportPageController.download(response, "text/csv;charset=UTF-8", "peduli-import-template.csv");
            template.csv(response.getOutputStream());
        } else {
            throw BusinessException.invalid("format", "import.report.format");
        }
    }

    private static Map<String, String> parseMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (RuntimeException e) {
            throw BusinessException.invalid("mapping", "import.mapping.json");
        }
    }

    private JobResponse response(ImportJobView job) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            String header = job.headerFor(field.column());
            if (header != null) {
                mapping.put(field.column(), header);
            }
        }
        String error = job.errorKey() == null
                ? null
                : messages.getMessage(
                        job.errorKey(), job.errorArgs().toArray(), job.errorKey(), LocaleContextHolder.getLocale());
        return new JobResponse(
                job.id(),
                job.status(),
                job.running(),
                job.phase(),
                job.percent(),
                job.orgUnitId(),
                job.fileName(),
                job.format(),
                job.sizeBytes(),
                job.encoding(),
                job.bom(),
                job.delimiter(),
                job.headers(),
                mapping,
                job.mode(),
                job.totalRows(),
                job.processedRows(),
                job.validRows(),
                job.errorRows(),
                job.warningRows(),
                job.newRows(),
                job.existingRows(),
                job.createdRows(),
                job.updatedRows(),
                job.unchangedRows(),
                job.households(),
                job.errorKey(),
                error,
                job.createdAt(),
                job.finishedAt(),
                job.committedAt());
    }
}
