package id.peduli.workshop.goods;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The invoice of a sale as a PDF in the reader's language: the seller (site or gallery of the centre), the number and
 * date, the buyer, the lines, the total in figures and in words. A cancelled sale's invoice keeps its number and reads
 * DIBATALKAN / CANCELLED with the day and reason; returns are listed under the lines with the net total.
 */
@Component
class Invoices {

    private final MessageSource messages;

    Invoices(MessageSource messages) {
        this.messages = messages;
    }

    byte[] pdf(SaleView sale, Location seller, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(t("goods.invoice.title", locale) + " " + sale.invoiceNumber());
        document.open();
        Font title = new Font(Font.HELVETICA, 20, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
        Font normal = new Font(Font.HELVETICA, 11, Font.NORMAL);
        Font bold = new Font(Font.HELVETICA, 11, Font.BOLD);
        document.add(new Paragraph(t("goods.invoice.title", locale), title));
        if (sale.cancelled()) {
            Font stamp = new Font(Font.HELVETICA, 24, Font.BOLD, new Color(0xb0, 0x1c, 0x1c));
            document.add(new Paragraph(t("goods.invoice.cancelled", locale), stamp));
            document.add(new Paragraph(
                    t(
                            "goods.invoice.cancelledOn",
                            locale,
                            sale.cancelledOn()
                                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                            .withLocale(locale)),
                            sale.cancelReason()),
                    normal));
        }
        document.add(new Paragraph("Sheltered Workshop Peduli · " + seller.name(), bold));
        if (!seller.gallery()) {
            document.add(new Paragraph(seller.centreName(), normal));
        }
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph(t("goods.invoice.number", locale, sale.invoiceNumber()), normal));
        document.add(new Paragraph(
                t(
                        "goods.invoice.date",
                        locale,
                        sale.soldOn()
                                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                        .withLocale(locale))),
                normal));
        document.add(new Paragraph(t("goods.invoice.buyer", locale, sale.buyer()), normal));
        document.add(new Paragraph(
                t("goods.invoice.channel", locale, t(sale.channel().labelKey(), locale)), normal));
        document.add(new Paragraph(" ", normal));
        PdfPTable table = new PdfPTable(new float[] {4, 1.2f, 2, 2});
        table.setWidthPercentage(100);
        table.addCell(head(t("goods.invoice.product", locale), bold));
        table.addCell(head(t("goods.invoice.quantity", locale), bold));
        table.addCell(head(t("goods.invoice.unitPrice", locale), bold));
        table.addCell(head(t("goods.invoice.amount", locale), bold));
        for (SaleView.Line line : sale.lines()) {
            table.addCell(new PdfPCell(new Phrase(line.name() + " (" + line.code() + ")", normal)));
            table.addCell(right(line.quantity() + " " + line.unit(), normal));
            table.addCell(right(line.unitPrice().format(), normal));
            table.addCell(right(line.amount().format(), normal));
        }
        PdfPCell label = new PdfPCell(new Phrase(t("goods.invoice.total", locale), bold));
        label.setColspan(3);
        table.addCell(label);
        table.addCell(right(sale.total().format(), bold));
        for (SaleView.Return r : sale.returns()) {
            String day = r.returnedOn()
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            for (SaleView.ReturnLine line : r.lines()) {
                PdfPCell returned = new PdfPCell(new Phrase(
                        t("goods.invoice.returnLine", locale, line.name(), line.quantity(), line.unit(), day), normal));
                returned.setColspan(3);
                table.addCell(returned);
                table.addCell(right(line.amount().negate().format(), normal));
            }
        }
        if (!sale.returns().isEmpty() || sale.cancelled()) {
            PdfPCell net = new PdfPCell(new Phrase(t("goods.invoice.netTotal", locale), bold));
            net.setColspan(3);
            table.addCell(net);
            table.addCell(right(sale.netTotal().format(), bold));
        }
        document.add(table);
        document.add(new Paragraph(" ", normal));
        String words = sale.netTotal().words(locale);
        document.add(new Paragraph(
                t("goods.invoice.inWords", locale, Character.toUpperCase(words.charAt(0)) + words.substring(1)),
                normal));
        if (sale.note() != null) {
            document.add(new Paragraph(sale.note(), normal));
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell head(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBackgroundColor(new Color(0xe9, 0xee, 0xf5));
        return cell;
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
