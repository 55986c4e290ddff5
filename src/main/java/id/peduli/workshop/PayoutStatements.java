package id.peduli.workshop;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names on a payout run, the working in words, and the payout statement of one participant as an easy-read PDF: large
 * type, short sentences, the amount in figures and in words, the picture of each product made next to its line, and
 * room for the signature or thumbprint.
 */
@Component
class PayoutStatements {

    private final Participants participants;
    private final Products products;
    private final Sites sites;
    private final ProductPictures pictures;
    private final MessageSource messages;

    PayoutStatements(
            Participants participants,
            Products products,
            Sites sites,
            ProductPictures pictures,
            MessageSource messages) {
        this.participants = participants;
        this.pictures = pictures;
        this.products = products;
        this.sites = sites;
        this.messages = messages;
    }

    /** The run with each line's participant name. */
    PayoutRunView named(PayoutRunView run) {
        List<PayoutLineView> lines = new ArrayList<>();
        for (PayoutLineView l : run.lines()) {
            String name =
                    participants.find(l.enrolmentId()).map(Participant::name).orElse("#" + l.enrolmentId());
            lines.add(new PayoutLineView(
                    l.id(),
                    l.enrolmentId(),
                    l.personId(),
                    name,
                    l.daysAttended(),
                    l.acceptedUnits(),
                    l.minutes(),
                    l.gross(),
                    l.share(),
                    l.adjustment(),
                    l.amount(),
                    l.working(),
                    l.receivedOn(),
                    l.receiptMethod(),
                    l.receivedBy()));
        }
        return new PayoutRunView(
                run.id(),
                run.siteId(),
                run.siteName(),
                run.period(),
                run.status(),
                run.ruleKind(),
                run.fundBasisPoints(),
                run.pool(),
                run.groupFund(),
                run.paidTotal(),
                run.computedAt(),
                run.approvedAt(),
                run.version(),
                lines);
    }

    /** Product names by "#id", as the working refers to products. */
    Map<String, String> productNames(PayoutRunView run) {
        Map<String, String> names = new HashMap<>();
        sites.find(run.siteId())
                .ifPresent(site -> products.ofCentre(site.centreId())
                        .forEach(p -> names.put("#" + p.id(), p.name() + " (" + p.unit() + ")")));
        return names;
    }

    /** One step of the working in the reader's language. */
    String text(PayoutLineView.Step step, Map<String, String> productNames, Locale locale) {
        Object[] args =
                step.args().stream().map(a -> productNames.getOrDefault(a, a)).toArray();
        return messages.getMessage(step.key(), args, step.key(), locale);
    }

    byte[] pdf(PayoutRunView run, PayoutLineView line, Locale locale) {
        Map<String, String> names = productNames(run);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(t("workshop.statement.title", locale));
        document.open();
        Font title = new Font(Font.HELVETICA, 24, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
        Font big = new Font(Font.HELVETICA, 18, Font.NORMAL);
        Font bigBold = new Font(Font.HELVETICA, 30, Font.BOLD);
        Font normal = new Font(Font.HELVETICA, 16, Font.NORMAL);
        document.add(new Paragraph(t("workshop.statement.title", locale), title));
        String month = run.period().getMonth().getDisplayName(TextStyle.FULL, locale) + " "
                + run.period().getYear();
        document.add(new Paragraph(t("workshop.statement.for", locale, line.name()), big));
        document.add(new Paragraph(t("workshop.statement.place", locale, run.siteName()), big));
        document.add(new Paragraph(t("workshop.statement.month", locale, month), big));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph(t("workshop.statement.youGet", locale), big));
        Paragraph amount = new Paragraph(line.amount().format(), bigBold);
        amount.setAlignment(Element.ALIGN_LEFT);
        document.add(amount);
        document.add(new Paragraph(capitalised(line.amount().words(locale)), big));
        document.add(new Paragraph(" ", normal));
        document.add(new Paragraph(t("workshop.statement.days", locale, line.daysAttended()), normal));
        document.add(new Paragraph(t("workshop.statement.how", locale), big));
        Map<Long, ProductPictures.Picture> pictured = pictures.of(line.working().stream()
                .map(PayoutStatements::productOf)
                .filter(java.util.Objects::nonNull)
                .toList());
        for (PayoutLineView.Step step : line.working()) {
            Long product = productOf(step);
            ProductPictures.Picture picture = product == null ? null : pictured.get(product);
            if (picture == null) {
                document.add(new Paragraph("•  " + text(step, names, locale), normal));
            } else {
                document.add(pictureLine(picture, text(step, names, locale), normal));
            }
        }
        document.add(new Paragraph(" ", normal));
        PdfPTable receipt = new PdfPTable(2);
        receipt.setWidthPercentage(100);
        receipt.addCell(cell(t("workshop.statement.signHere", locale), normal));
        receipt.addCell(cell(t("workshop.statement.thumbHere", locale), normal));
        document.add(receipt);
        if (line.receivedOn() != null) {
            document.add(new Paragraph(
                    t(
                            "workshop.statement.received",
                            locale,
                            line.receivedOn().toString(),
                            t("workshop.receivedBy." + line.receivedBy(), locale)),
                    normal));
        }
        document.close();
        return out.toByteArray();
    }

    /** The product of a piece-rate step of the working ("#id" as its first argument), or null. */
    static Long productOf(PayoutLineView.Step step) {
        if (!"workshop.working.piece".equals(step.key())
                || step.args().isEmpty()
                || !step.args().get(0).startsWith("#")) {
            return null;
        }
        try {
            return Long.parseLong(step.args().get(0).substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A line of the working with the product's picture on its left, large enough to recognise. */
    private static PdfPTable pictureLine(ProductPictures.Picture picture, String text, Font font) {
        PdfPTable row = new PdfPTable(new float[] {1, 4});
        row.setWidthPercentage(100);
        row.setSpacingBefore(4);
        PdfPCell image;
        try {
            Image img = Image.getInstance(picture.data());
            img.scaleToFit(90, 90);
            image = new PdfPCell(img, false);
        } catch (java.io.IOException | RuntimeException e) {
            image = new PdfPCell(new Paragraph(" ", font));
        }
        image.setBorder(PdfPCell.NO_BORDER);
        image.setPadding(4);
        row.addCell(image);
        PdfPCell words = new PdfPCell(new Paragraph(text, font));
        words.setBorder(PdfPCell.NO_BORDER);
        words.setVerticalAlignment(Element.ALIGN_MIDDLE);
        words.setPadding(4);
        row.addCell(words);
        return row;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, font));
        cell.setFixedHeight(110);
        cell.setPadding(8);
        return cell;
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
