package id.peduli.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as pages and the API show it. {@code mapping} gives, for each template column that is mapped, the
 * index of the file column it is read from.
 */
public record ImportJobView(
        long id,
        long ownerId,
        String ownerUsername,
        long orgUnitId,
        String orgUnitName,
        String fileName,
        String format,
        long sizeBytes,
        String encoding,
        boolean bom,
        String delimiter,
        List<String> headers,
        Map<String, Integer> mapping,
        String mode,
        String status,
        String phase,
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
        String errorKey,
        List<String> errorArgs,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant validatedAt,
        Instant committedAt,
        Instant fileDeletedAt) {

    public ImportJobView {
        headers = List.copyOf(headers);
        mapping = Map.copyOf(mapping);
        errorArgs = errorArgs == null ? List.of() : List.copyOf(errorArgs);
    }

    /** The same job with another (for example a refused) mapping, to show the form again as it was sent. */
    ImportJobView withMapping(Map<String, Integer> other) {
        return new ImportJobView(
                id,
                ownerId,
                ownerUsername,
                orgUnitId,
                orgUnitName,
                fileName,
                format,
                sizeBytes,
                encoding,
                bom,
                delimiter,
                headers,
                other,
                mode,
                status,
                phase,
                totalRows,
                processedRows,
                validRows,
                errorRows,
                warningRows,
                newRows,
                existingRows,
                createdRows,
                updatedRows,
                unchangedRows,
                households,
                errorKey,
                errorArgs,
                createdAt,
                startedAt,
                finishedAt,
                validatedAt,
                committedAt,
                fileDeletedAt);
    }

    public boolean running() {
        return "VALIDATING".equals(status) || "COMMITTING".equals(status);
    }

    public boolean fileAvailable() {
        return fileDeletedAt == null;
    }

    /**
     * Whole per cent done: the first pass over the rows (checks), the checks in the database, then, for a commit,
     * the second pass that encrypts and writes.
     */
    public int percent() {
        if (!running()) {
            return "COMMITTED".equals(status) || "VALIDATED".equals(status) ? 100 : 0;
        }
        double read = totalRows == 0 ? 0 : Math.min(1.0, (double) processedRows / totalRows);
        boolean commit = "COMMITTING".equals(status);
        if (phase == null || "READING".equals(phase)) {
            return (int) Math.floor(read * (commit ? 45 : 90));
        }
        if ("CHECKING".equals(phase)) {
            return commit ? 50 : 95;
        }
        return 55 + (int) Math.floor(read * 44);
    }

    /** The header of the file column mapped to {@code column}, or null. */
    public String headerFor(String column) {
        Integer index = mapping.get(column);
        return index == null || index < 0 || index >= headers.size() ? null : headers.get(index);
    }

    public boolean mapped(String column) {
        return headerFor(column) != null;
    }
}
