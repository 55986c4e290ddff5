package id.peduli.workshop;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.peduli.indicator.IndicatorDefinition;
import id.peduli.platform.Ui;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.List;

/**
 * The printable monthly report: one A4 landscape page with the month's indicators for the chosen sites together, then
 * a small table with one line per site, in the reader's language.
 */
final class DashboardReport {

    private DashboardReport() {}

    static byte[] pdf(
            String scope,
            YearMonth month,
            List<IndicatorDefinition> definitions,
            DashboardRow total,
            List<DashboardRow> perSite,
            Ui ui) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(document, out);
        String monthName = ui.t("workshop.month." + month.getMonthValue()) + " " + month.getYear();
        document.addTitle(ui.t("workshop.report.title", monthName));
        document.open();
        Font title = new Font(Font.HELVETICA, 16, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
        Font normal = new Font(Font.HELVETICA, 10, Font.NORMAL);
        Font head = new Font(Font.HELVETICA, 7, Font.BOLD);
        Font small = new Font(Font.HELVETICA, 7, Font.NORMAL);
        document.add(new Paragraph(ui.t("workshop.report.title", monthName), title));
        document.add(new Paragraph(ui.t("workshop.report.scope", scope, perSite.size()), normal));
        document.add(new Paragraph(" ", small));

        PdfPTable summary = new PdfPTable(definitions.size());
        summary.setWidthPercentage(100);
        for (IndicatorDefinition d : definitions) {
            summary.addCell(cell(ui.t(d.labelKey()), head, Element.ALIGN_LEFT, new Color(0xe9, 0xef, 0xf6)));
        }
        for (int i = 0; i < definitions.size(); i++) {
            String value = total == null ? null : total.values().get(i);
            summary.addCell(cell(
                    show(value, definitions.get(i), ui),
                    new Font(Font.HELVETICA, 12, Font.BOLD),
                    Element.ALIGN_RIGHT,
                    null));
        }
        document.add(summary);
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(ui.t("workshop.report.perSite"), normal));

        PdfPTable sites = new PdfPTable(definitions.size() + 1);
        sites.setWidthPercentage(100);
        sites.setHeaderRows(1);
        sites.addCell(cell(ui.t("workshop.site"), head, Element.ALIGN_LEFT, new Color(0xe9, 0xef, 0xf6)));
        for (IndicatorDefinition d : definitions) {
            sites.addCell(cell(ui.t(d.labelKey()), head, Element.ALIGN_LEFT, new Color(0xe9, 0xef, 0xf6)));
        }
        for (DashboardRow row : perSite) {
            sites.addCell(cell(row.label(), small, Element.ALIGN_LEFT, null));
            for (int i = 0; i < definitions.size(); i++) {
                sites.addCell(
                        cell(show(row.values().get(i), definitions.get(i), ui), small, Element.ALIGN_RIGHT, null));
            }
        }
        document.add(sites);
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(ui.t("workshop.report.note"), small));
        document.close();
        return out.toByteArray();
    }

    private static String show(String value, IndicatorDefinition definition, Ui ui) {
        if (value == null) {
            return "–";
        }
        return switch (definition.measureKey()) {
            case "indicator.measure.rupiah" -> ui.rupiah(new java.math.BigDecimal(value).longValue());
            case "indicator.measure.percent" -> value + " %";
            default -> value;
        };
    }

    private static PdfPCell cell(String text, Font font, int align, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(3);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }
}
