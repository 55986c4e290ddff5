package id.peduli.workshop;

import id.peduli.indicator.IndicatorDefinition;
import id.peduli.platform.Ui;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The dashboard's table as CSV (UTF-8 with a byte order mark) and as an XLSX workbook with numbers as numbers. */
final class DashboardExports {

    private DashboardExports() {}

    static byte[] csv(List<DashboardRow> rows, List<IndicatorDefinition> definitions, String groupLabel, Ui ui) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(csvCell(groupLabel)).append(',').append(csvCell(ui.t("workshop.period")));
        for (IndicatorDefinition d : definitions) {
            out.append(',').append(csvCell(ui.t(d.labelKey())));
        }
        out.append("\r\n");
        for (DashboardRow row : rows) {
            out.append(csvCell(row.label())).append(',').append(row.month());
            for (String value : row.values()) {
                out.append(',').append(value == null ? "" : value);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<DashboardRow> rows, List<IndicatorDefinition> definitions, String groupLabel, Ui ui) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Peduli", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(ui.t("workshop.dashboard.table")));
            sheet.inlineString(0, 0, neutralised(groupLabel));
            sheet.inlineString(0, 1, neutralised(ui.t("workshop.period")));
            for (int i = 0; i < definitions.size(); i++) {
                sheet.inlineString(0, i + 2, neutralised(ui.t(definitions.get(i).labelKey())));
            }
            sheet.range(0, 0, 0, definitions.size() + 1).style().bold().set();
            sheet.freezePane(0, 1);
            int r = 1;
            for (DashboardRow row : rows) {
                sheet.inlineString(r, 0, neutralised(row.label()));
                sheet.inlineString(r, 1, row.month().toString());
                for (int i = 0; i < row.values().size(); i++) {
                    String value = row.values().get(i);
                    if (value != null) {
                        sheet.value(r, i + 2, new BigDecimal(value));
                    }
                }
                r++;
            }
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sheetName(String text) {
        String name = text.replaceAll("[\\\\/*?:\\[\\]]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** A text that a spreadsheet would read as a formula is kept as text. */
    private static String neutralised(String text) {
        return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String csvCell(String value) {
        String text = neutralised(value == null ? "" : value);
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
