package id.peduli.registry.search;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.FieldEncryption;
import id.peduli.registry.RegistryRoles;
import id.peduli.registry.person.NikChecks;
import id.peduli.registry.person.People;
import id.peduli.shared.BusinessException;
import id.peduli.shared.InvalidInput;
import id.peduli.shared.InvalidInput.FieldProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports search results to CSV (UTF-8 with a byte order mark, so that spreadsheet programs read it as UTF-8) or
 * XLSX, streamed row by row. Only roles allowed to export may do so, with a reason of 10 to 500 characters; the
 * export is written to the processing log (purpose = the reason, with the criteria and the row count) before the
 * first row leaves. NIK and KK are masked unless the user asks for them in full and holds a role that sees them for
 * every unit they may search in. Text cells that a spreadsheet would take for a formula get a leading apostrophe.
 */
@Service
public class PersonExport {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;
    private static final int FETCH_SIZE = 1000;
    private static final int XLSX_FLUSH_ROWS = 1000;

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(
                        List.of(new FieldProblem("format", "peopleSearch.export.formatInvalid", value)), false);
            }
        }
    }

    /** Where the file goes: called once, after every check passed, with the file name and content type. */
    interface Target {
        OutputStream open(String fileName, String contentType) throws IOException;

        /** The HTTP response, as a download that is never cached. */
        static Target download(jakarta.servlet.http.HttpServletResponse response) {
            return (fileName, contentType) -> {
                response.setContentType(contentType);
                response.setHeader(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString());
                response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store");
                return response.getOutputStream();
            };
        }
    }

    /** What was exported, for the caller and for tests. */
    record Result(long rows, boolean fullIdentifiers) {}

    private final PersonSearch search;
    private final Access access;
    private final AuditLog audit;
    private final FieldEncryption encryption;
    private final MessageSource messages;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate separate;
    private final long maxRows;
    private final NikChecks nikChecks;

    PersonExport(
            PersonSearch search,
            NikChecks nikChecks,
            Access access,
            AuditLog audit,
            FieldEncryption encryption,
            MessageSource messages,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${peduli.registry.export-max-rows:100000}") long maxRows) {
        this.search = search;
        this.nikChecks = nikChecks;
        this.access = access;
        this.audit = audit;
        this.encryption = encryption;
        this.messages = messages;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxRows = maxRows;
    }

    long maxRows() {
        return maxRows;
    }

    /** True when the current user may export at all. */
    boolean allowed() {
        return access.hasAnyRole(RegistryRoles.EXPORT);
    }

    /** Checks the reason: required, 10 to 500 characters; returns it trimmed. */
    static String checkedReason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInput(List.of(new FieldProblem("reason", "peopleSearch.export.reasonRequired")), false);
        }
        if (text.length() < MIN_REASON || text.length() > MAX_REASON) {
            throw new InvalidInput(
                    List.of(new FieldProblem("reason", "peopleSearch.export.reasonLength", MIN_REASON, MAX_REASON)),
                    false);
        }
        return text;
    }

    /**
     * Exports everything the criteria find within the user's units. Refuses (before anything is written) without
     * the export right, without a proper reason, or with more rows than allowed. Count, log entry and rows come
     * from one snapshot, so the logged count is the number of rows in the file.
     */
    Result export(
            SearchCriteria criteria,
            String reason,
            Format format,
            boolean fullRequested,
            Locale locale,
            Target target) {
        if (!allowed()) {
            throw new AccessDeniedException("export of people needs one of the export roles");
        }
        String purpose = checkedReason(reason);
        if (criteria.kind() == SearchCriteria.Kind.IDENTIFIER) {
            // Exporting a NIK or KK lookup also answers whether the number exists: it counts like a lookup.
            nikChecks.count();
        }
        Result result = snapshot.execute(status -> {
            // The export roles' units, not the reading ones: a unit the user may read but not export gives no rows.
            PersonSearch.UnitScope scope = search.scope(RegistryRoles.EXPORT);
            PersonSearch.Where where = null;
            long found = 0;
            if (!scope.none()) {
                for (PersonSearch.Where plan : search.plans(criteria, scope)) {
                    search.apply(plan);
                    where = plan;
                    found = search.count(plan);
                    if (found >= plan.minimum()) {
                        break;
                    }
                }
            }
            long rows = found;
            PersonSearch.Where chosen = where;
            if (rows > maxRows) {
                throw new BusinessException(422, null, "peopleSearch.export.tooMany", rows, maxRows);
            }
            boolean full = fullRequested && search.fullIdentifiersFor(scope);
            separate.executeWithoutResult(inner -> audit.record(AuditRecord.of(AuditAction.EXPORT, "PersonSearch", null)
                    .purpose(purpose)
                    .change("filters", null, criteria.describe())
                    .change("rows", null, rows)
                    .change("format", null, format)
                    .change("identifiers", null, full ? "full" : "masked")));
            try (OutputStream out = target.open(fileName(format, locale), format.contentType)) {
                RowWriter writer = format == Format.CSV ? new CsvWriter(out) : new XlsxWriter(out, sheet(locale));
                writer.header(headers(locale));
                if (rows > 0) {
                    stream(chosen, full, locale, writer);
                }
                writer.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Result(rows, full);
        });
        return result;
    }

    /** Writes every row of the plan, ordered by name, reading from the database in batches. */
    private void stream(PersonSearch.Where where, boolean full, Locale locale, RowWriter writer) {
        String sql = "select " + PersonSearch.COLUMNS + ", p.rt, p.rw, p.nik_cipher, k.kk_masked, k.kk_cipher"
                + " from registry.person p"
                + " left join registry.household_member hm on hm.person_id = p.id"
                + " left join registry.kk_history k on k.household_id = hm.household_id"
                + " and k.valid_from <= :today and (k.valid_to is null or k.valid_to >= :today)"
                + " where " + where.sql() + " order by p.full_name, p.id";
        LocalDate today = search.today();
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues()).addValue("today", today);
        Map<Long, String> units = new HashMap<>();
        jdbc.query(sql, params, (RowCallbackHandler) rs -> {
            PersonSearch.Row row = PersonSearch.row(rs);
            List<Object> cells = new ArrayList<>(16);
            cells.add(row.id());
            cells.add(row.fullName());
            cells.add(text(locale, "peopleSearch.sex." + row.sex()));
            cells.add(row.birthDate());
            cells.add(row.birthYear());
            cells.add(text(locale, row.approximate() ? "peopleSearch.export.yes" : "peopleSearch.export.no"));
            cells.add(PersonSearch.age(row.birthDate(), row.birthYear(), today));
            cells.add(identifier(rs, full, "nik_cipher", row.nikMasked(), People.NIK_FIELD));
            cells.add(identifier(rs, full, "kk_cipher", rs.getString("kk_masked"), PersonSearch.KK_FIELD));
            cells.add(row.regionCode());
            cells.add(search.regionName(row.regionCode()));
            cells.add(rs.getString("rt"));
            cells.add(rs.getString("rw"));
            cells.add(units.computeIfAbsent(row.orgUnitId(), search::unitName));
            cells.add(row.disabilityTypes().stream()
                    .map(t -> text(locale, "peopleSearch.disability." + t))
                    .collect(Collectors.joining(", ")));
            writer.row(cells);
        });
    }

    private String identifier(ResultSet rs, boolean full, String cipherColumn, String masked, String field)
            throws SQLException {
        if (full) {
            byte[] cipher = rs.getBytes(cipherColumn);
            if (cipher != null) {
                return encryption.decrypt(field, cipher);
            }
        }
        return masked;
    }

    private List<String> headers(Locale locale) {
        return List.of(
                        "id",
                        "fullName",
                        "sex",
                        "birthDate",
                        "birthYear",
                        "approximate",
                        "age",
                        "nik",
                        "kk",
                        "regionCode",
                        "regionName",
                        "rt",
                        "rw",
                        "orgUnit",
                        "disabilityTypes")
                .stream()
                .map(column -> text(locale, "peopleSearch.column." + column))
                .toList();
    }

    private String fileName(Format format, Locale locale) {
        return "peduli-" + text(locale, "peopleSearch.export.fileName") + "-" + search.today() + "." + format.extension;
    }

    private String sheet(Locale locale) {
        return text(locale, "peopleSearch.export.sheet");
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * A text cell as a spreadsheet must not evaluate: a value starting with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading apostrophe.
     */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private interface RowWriter {
        void header(List<String> names) throws IOException;

        void row(List<Object> cells) throws SQLException;

        void finish() throws IOException;
    }

    /** RFC 4180 CSV in UTF-8 with a byte order mark; dates as ISO yyyy-MM-dd. */
    private static final class CsvWriter implements RowWriter {
        private final Writer writer;
        private final CSVPrinter printer;

        CsvWriter(OutputStream out) throws IOException {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        }

        @Override
        public void header(List<String> names) throws IOException {
            printer.printRecord(names.stream().map(PersonExport::neutralised).toList());
        }

        @Override
        public void row(List<Object> cells) throws SQLException {
            List<String> values = new ArrayList<>(cells.size());
            for (Object cell : cells) {
                values.add(cell == null ? "" : neutralised(String.valueOf(cell)));
            }
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    /** One worksheet, written out every thousand rows so that memory stays flat; dates as dates. */
    private static final class XlsxWriter implements RowWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        XlsxWriter(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Peduli", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void header(List<String> names) {
            for (int column = 0; column < names.size(); column++) {
                sheet.inlineString(0, column, neutralised(names.get(column)));
            }
            sheet.range(0, 0, 0, names.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            next = 1;
        }

        @Override
        public void row(List<Object> cells) {
            for (int column = 0; column < cells.size(); column++) {
                Object cell = cells.get(column);
                if (cell instanceof Number number) {
                    sheet.value(next, column, number);
                } else if (cell instanceof LocalDate date) {
                    sheet.value(next, column, date);
                    sheet.style(next, column).format("yyyy-mm-dd").set();
                } else if (cell != null) {
                    sheet.inlineString(next, column, neutralised(String.valueOf(cell)));
                }
            }
            next++;
            if (next % XLSX_FLUSH_ROWS == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
