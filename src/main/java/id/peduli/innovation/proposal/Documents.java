package id.peduli.innovation.proposal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import id.peduli.innovation.award.Announcement;
import id.peduli.innovation.period.Period;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Printable documents: the proposal as the unit wrote it, and the certificate of a Top 99 or winning innovation. */
public final class Documents {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font LARGE = new Font(Font.HELVETICA, 22, Font.BOLD);

    private Documents() {}

    /** {@code t} translates a message key with arguments in the reader's language. */
    static byte[] proposal(
            ProposalView p, Period period, Map<String, String> answers, BiFunction<String, Object[], String> t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(p.title(), TITLE));
        doc.add(new Paragraph(t.apply("innovation.pdf.subtitle", new Object[] {period.title(), p.unitName()}), BODY));
        doc.add(new Paragraph(
                t.apply("innovation.group", new Object[0]) + ": "
                        + t.apply("innovation.group." + p.group().name(), new Object[0]) + " · "
                        + t.apply("innovation.category", new Object[0]) + ": " + period.categoryName(p.categoryCode()),
                BODY));
        doc.add(new Paragraph(
                t.apply("innovation.startedOn", new Object[0]) + ": "
                        + p.innovation().startedOn(),
                BODY));
        section(
                doc,
                t.apply("innovation.problem", new Object[0]),
                p.innovation().problem());
        section(
                doc,
                t.apply("innovation.baseline", new Object[0]),
                p.innovation().baseline());
        section(
                doc,
                t.apply("innovation.approach", new Object[0]),
                p.innovation().approach());
        section(
                doc,
                t.apply("innovation.results", new Object[0]),
                p.innovation().results());
        for (Period.Aspect a : period.aspectsFor(p.group())) {
            section(
                    doc,
                    t.apply("innovation.aspect." + a.code(), new Object[0]) + " ("
                            + t.apply("innovation.weight", new Object[] {a.weight()}) + ")",
                    answers.getOrDefault(a.code(), "—"));
        }
        doc.close();
        return out.toByteArray();
    }

    public static byte[] certificate(
            ProposalView p, Period period, Announcement decree, Locale locale, BiFunction<String, Object[], String> t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 60, 60, 60, 60);
        PdfWriter.getInstance(doc, out);
        doc.open();
        String award = ProposalState.WINNERS.contains(p.state())
                ? t.apply("innovation.certificate.winner." + p.state().name(), new Object[] {period.topFinal()})
                : t.apply("innovation.certificate.top99", new Object[] {period.topFirst()});
        List<Paragraph> lines = List.of(
                new Paragraph(t.apply("innovation.certificate.heading", new Object[0]), LARGE),
                new Paragraph(" ", BODY),
                new Paragraph(t.apply("innovation.certificate.given", new Object[0]), BODY),
                new Paragraph(p.unitName(), TITLE),
                new Paragraph(t.apply("innovation.certificate.for", new Object[0]), BODY),
                new Paragraph("“" + p.title() + "”", TITLE),
                new Paragraph(award, HEADING),
                new Paragraph(period.title(), BODY),
                new Paragraph(" ", BODY),
                new Paragraph(
                        t.apply("innovation.certificate.decree", new Object[] {
                            decree.number(),
                            DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(decree.issuedOn())
                        }),
                        BODY));
        for (Paragraph line : lines) {
            line.setAlignment(Element.ALIGN_CENTER);
            doc.add(line);
        }
        doc.close();
        return out.toByteArray();
    }

    private static void section(Document doc, String heading, String text) {
        Paragraph h = new Paragraph(heading, HEADING);
        h.setSpacingBefore(10);
        doc.add(h);
        doc.add(new Paragraph(text == null || text.isBlank() ? "—" : text, BODY));
    }

    /** A PDF shown in the browser under {@code name}. */
    public static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(pdf);
    }
}
