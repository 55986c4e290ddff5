package id.peduli.registry.imports;

import id.peduli.registry.search.PersonExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-row report of an import, in the reader's language: every error and warning with its row (the header is
 * row 1, as in a spreadsheet), the template column, the header of the file column it was read from, and the message.
 * Issues are read with a cursor and written as they come, so a report of a million rows needs no more memory than
 * one of ten. Headers and messages repeat what the uploaded file held, so CSV cells that a spreadsheet would take for a
 * formula get a leading apostrophe, as in exports ({@link PersonExport#neutralised}); XLSX cells are written as text.
 */
@Component
class ImportReport {

    private static final int FETCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final MessageSource messages;

    ImportReport(DataSource dataSource, PlatformTransactionManager transactions, MessageSource messages) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.messages = messages;
    }

    /** The first {@code limit} issues, errors before warnings within a row, for the job page. */
    List<ImportIssueView> first(ImportJobView job, Locale locale, int limit) {
        List<ImportIssueView> issues = new ArrayList<>();
        each(job, locale, limit, issues::add);
        return issues;
    }

    void csv(ImportJobView job, Locale locale, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(writer);
            printer.printRecord(header(locale));
            each(job, locale, Integer.MAX_VALUE, issue -> {
                try {
                    printer.printRecord(
                            issue.row(),
                            PersonExport.neutralised(issue.column()),
                            PersonExport.neutralised(issue.header()),
                            PersonExport.neutralised(severity(issue, locale)),
                            PersonExport.neutralised(issue.message()),
                            PersonExport.neutralised(issue.name()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void xlsx(ImportJobView job, Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Peduli", "1.0");
            Worksheet sheet = workbook.newWorksheet(t("import.report.sheet", locale));
            List<String> header = header(locale);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.width(0, 8);
            sheet.width(1, 22);
            sheet.width(2, 22);
            sheet.width(3, 12);
            sheet.width(4, 90);
            sheet.width(5, 30);
            int[] row = {1};
            each(job, locale, Worksheet.MAX_ROWS - 1, issue -> {
                int r = row[0]++;
                sheet.value(r, 0, issue.row());
                sheet.value(r, 1, issue.column());
                sheet.value(r, 2, issue.header());
                sheet.value(r, 3, severity(issue, locale));
                sheet.value(r, 4, issue.message());
                sheet.value(r, 5, issue.name());
                if (r % 1000 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void each(ImportJobView job, Locale locale, int limit, Consumer<ImportIssueView> sink) {
        readOnly.executeWithoutResult(s -> jdbc.query(
                """
                select row_number, column_name, severity, message_key, message_args::text as args, row_name
                from registry.import_issue where job_id = ?
                order by row_number, severity, column_name
                limit ?
                """,
                rs -> {
                    String column = rs.getString("column_name");
                    Object[] args = ImportJobs.strings(rs.getString("args")).toArray();
                    String key = rs.getString("message_key");
                    sink.accept(new ImportIssueView(
                            rs.getLong("row_number"),
                            column,
                            column == null ? null : job.headerFor(column),
                            "ERROR".equals(rs.getString("severity")),
                            messages.getMessage(key, args, key, locale),
                            rs.getString("row_name")));
                },
                job.id(),
                limit));
    }

    private List<String> header(Locale locale) {
        return List.of(
                t("import.report.row", locale),
                t("import.report.column", locale),
                t("import.report.header", locale),
                t("import.report.severity", locale),
                t("import.report.message", locale),
                t("import.report.name", locale));
    }

    private String severity(ImportIssueView issue, Locale locale) {
        return t(issue.error() ? "import.severity.ERROR" : "import.severity.WARNING", locale);
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
