package id.peduli.registry.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The empty import template: the template columns as the header row. The XLSX has NIK, KK, phone, RT, RW and code
 * columns formatted as text (so that a spreadsheet keeps all 16 digits and leading zeros) and a second sheet that
 * explains every column in the reader's language.
 */
@Component
class ImportTemplate {

    private static final ImportField[] TEXT_COLUMNS = {
        ImportField.EXTERNAL_ID,
        ImportField.NIK,
        ImportField.REGION_CODE,
        ImportField.RT,
        ImportField.RW,
        ImportField.PHONE,
        ImportField.GUARDIAN_EXTERNAL_ID,
        ImportField.HOUSEHOLD_KEY,
        ImportField.KK_NUMBER
    };

    private final MessageSource messages;

    ImportTemplate(MessageSource messages) {
        this.messages = messages;
    }

    void csv(OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(writer);
            printer.printRecord(Arrays.stream(ImportField.values()).map(ImportField::column));
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void xlsx(OutputStream out, Locale locale) {
        try {
            Workbook workbook = new Workbook(out, "Peduli", "1.0");
            Worksheet data = workbook.newWorksheet(t("import.template.sheet", locale));
            ImportField[] fields = ImportField.values();
            for (int c = 0; c < fields.length; c++) {
                data.value(0, c, fields[c].column());
                data.style(0, c).bold().set();
                data.width(c, Math.max(12, fields[c].column().length() + 4));
            }
            for (ImportField field : TEXT_COLUMNS) {
                data.range(1, field.ordinal(), 5000, field.ordinal())
                        .style()
                        .format("@")
                        .set();
            }
            Worksheet help = workbook.newWorksheet(t("import.template.helpSheet", locale));
            help.value(0, 0, t("import.template.column", locale));
            help.value(0, 1, t("import.template.meaning", locale));
            help.style(0, 0).bold().set();
            help.style(0, 1).bold().set();
            help.width(0, 24);
            help.width(1, 110);
            for (int r = 0; r < fields.length; r++) {
                help.value(r + 1, 0, fields[r].column());
                help.value(r + 1, 1, t("import.help." + fields[r].column(), locale));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
