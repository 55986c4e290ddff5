package id.peduli.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.shared.BusinessException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading uploaded files: what is detected, and every kind of unreadable file refused with its reason. */
class ImportFileTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(Path file, String name, String key, Object... args) {
        assertThatThrownBy(() -> ImportFile.inspect(file, name, 1000))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("file");
                    if (args.length > 0) {
                        assertThat(e.args()).containsExactly(args);
                    }
                });
    }

    private static List<String[]> rows(Path file, ImportFile.Inspection inspection) {
        List<String[]> rows = new ArrayList<>();
        try (ImportFile.Rows source = ImportFile.open(file, inspection)) {
            source.forEachRemaining(cells -> rows.add(cells.values()));
        }
        return rows;
    }

    @Test
    void commaSeparatedUtf8WithQuotedFields() throws IOException {
        Path file = write(
                "a.csv", utf8("full_name,sex,street\n\"Sutrisno, S.Pd.\",L,\"Jl. \"\"Melati\"\" 5\"\nÁdi Čahyo,L,\n"));
        ImportFile.Inspection inspection = ImportFile.inspect(file, "a.csv", 1000);
        assertThat(inspection.format()).isEqualTo(ImportFile.Format.CSV);
        assertThat(inspection.encoding()).isEqualTo("UTF-8");
        assertThat(inspection.bom()).isFalse();
        assertThat(inspection.delimiter()).isEqualTo(',');
        assertThat(inspection.headers()).containsExactly("full_name", "sex", "street");
        assertThat(inspection.rows()).isEqualTo(2);
        List<String[]> rows = rows(file, inspection);
        assertThat(rows.get(0)).containsExactly("Sutrisno, S.Pd.", "L", "Jl. \"Melati\" 5");
        assertThat(rows.get(1)[0]).isEqualTo("Ádi Čahyo");
    }

    @Test
    void byteOrderMarkIsDetectedAndSkipped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(utf8("full_name;sex\r\nBudi;L\r\n"));
        Path file = write("bom.csv", out.toByteArray());
        ImportFile.Inspection inspection = ImportFile.inspect(file, "bom.csv", 1000);
        assertThat(inspection.bom()).isTrue();
        assertThat(inspection.delimiter()).isEqualTo(';');
        assertThat(inspection.headers()).containsExactly("full_name", "sex");
        assertThat(rows(file, inspection).get(0)).containsExactly("Budi", "L");
    }

    @Test
    void tabSeparatedAndBlankLinesIgnored() throws IOException {
        Path file = write("t.tsv", utf8("full_name\tsex\n\nBudi\tL\n\t\nSiti\tP\n"));
        ImportFile.Inspection inspection = ImportFile.inspect(file, "t.tsv", 1000);
        assertThat(inspection.delimiter()).isEqualTo('\t');
        assertThat(inspection.rows()).isEqualTo(2);
        assertThat(rows(file, inspection)).hasSize(2);
    }

    @Test
    void windows1252IsRefusedAsNotUtf8WithItsLine() throws IOException {
        byte[] content = "full_name,sex\nBudi,L\nJosé Suárez,L\n".getBytes(Charset.forName("windows-1252"));
        refused(write("w.csv", content), "w.csv", "import.file.notUtf8", 3L);
    }

    @Test
    void utf16IsRefusedAsNotUtf8() throws IOException {
        byte[] content = "\uFEFFfull_name,sex\nBudi,L\n".getBytes(StandardCharsets.UTF_16LE);
        refused(write("u.csv", content), "u.csv", "import.file.notUtf8");
    }

    @Test
    void unclosedQuoteIsRefusedWithTheLineItOpensIn() throws IOException {
        refused(
                write("q.csv", utf8("full_name,sex\nBudi,L\n\"Siti,P\nAgus,L\n")),
                "q.csv",
                "import.file.unclosedQuote",
                3L);
    }

    @Test
    void textAfterAClosingQuoteIsRefused() throws IOException {
        refused(write("q.csv", utf8("full_name,sex\n\"Budi\" Santoso,L\n")), "q.csv", "import.file.badQuote", 2L);
    }

    @Test
    void wrongDelimiterLeavesOneColumnAndIsRefused() throws IOException {
        refused(write("p.csv", utf8("full_name|sex\nBudi|L\n")), "p.csv", "import.file.oneColumn", "full_name|sex");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() throws IOException {
        refused(write("e.csv", new byte[0]), "e.csv", "import.file.empty");
        refused(write("b.csv", utf8("\n\n \n")), "b.csv", "import.file.empty");
        refused(write("h.csv", utf8("full_name,sex\n")), "h.csv", "import.file.headerOnly");
    }

    @Test
    void tooManyRowsAreRefusedWithTheLimit() throws IOException {
        StringBuilder text = new StringBuilder("full_name,sex\n");
        for (int i = 0; i < 6; i++) {
            text.append("Orang ").append(i).append(",L\n");
        }
        Path file = write("m.csv", utf8(text.toString()));
        assertThatThrownBy(() -> ImportFile.inspect(file, "m.csv", 5))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows");
                    assertThat(e.args()).containsExactly(5);
                });
        assertThat(ImportFile.inspect(file, "m.csv", 6).rows()).isEqualTo(6);
    }

    @Test
    void anXlsxThatIsNotAnXlsxIsRefused() throws IOException {
        refused(write("fake.xlsx", utf8("full_name,sex\nBudi,L\n")), "fake.xlsx", "import.file.notXlsx");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write(utf8("not a workbook"));
            out.closeEntry();
        }
        refused(write("zip.xlsx", zip.toByteArray()), "zip.xlsx", "import.file.notXlsx");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 0, ole2, 0, 4);
        refused(write("old.xls", ole2), "old.xls", "import.file.oldExcel");
    }

    @Test
    void xlsxIsReadWithDatesAsDatesAndNumbersFlagged() throws IOException {
        byte[] workbook = ImportTestFiles.xlsx(List.of(
                List.of("full_name", "sex", "birth_date", "nik", "rt"),
                List.of("Budi", "L", LocalDate.of(1990, 2, 15), "1571011502900001", 3),
                List.of("Siti", "P", "05/03/1992", 1571014503920002L, "004")));
        Path file = write("w.xlsx", workbook);
        ImportFile.Inspection inspection = ImportFile.inspect(file, "w.xlsx", 1000);
        assertThat(inspection.format()).isEqualTo(ImportFile.Format.XLSX);
        assertThat(inspection.headers()).containsExactly("full_name", "sex", "birth_date", "nik", "rt");
        assertThat(inspection.rows()).isEqualTo(2);
        List<ImportFile.Cells> cells = new ArrayList<>();
        try (ImportFile.Rows source = ImportFile.open(file, inspection)) {
            source.forEachRemaining(cells::add);
        }
        assertThat(cells.get(0).rowNumber()).isEqualTo(2);
        assertThat(cells.get(0).values()).containsExactly("Budi", "L", "1990-02-15", "1571011502900001", "3");
        assertThat(cells.get(0).isNumeric(3)).isFalse();
        assertThat(cells.get(1).values()[2]).isEqualTo("05/03/1992");
        assertThat(cells.get(1).isNumeric(3)).isTrue();
    }

    @Test
    void aCellLongerThanTheLimitIsRefusedWithItsLine() throws IOException {
        String longCell = "x".repeat(2_001);
        refused(
                write("cell.csv", utf8("full_name,sex\nBudi,L\n\"" + longCell + "\",P\n")),
                "cell.csv",
                "import.file.cellTooLong",
                3L,
                2_000);
        // Multi-byte characters count once: 2,000 of them fit.
        Path fits = write("fits.csv", utf8("full_name,sex\n" + "é".repeat(2_000) + ",L\n"));
        assertThat(ImportFile.inspect(fits, "fits.csv", 1000).rows()).isEqualTo(1);
    }

    @Test
    void tooManyColumnsAndTooLongRowsAreRefused() throws IOException {
        String wide = String.join(",", java.util.Collections.nCopies(201, "c"));
        refused(write("wide.csv", utf8(wide + "\n" + wide + "\n")), "wide.csv", "import.file.tooManyColumns", 1L, 200);
        String header = String.join(",", java.util.Collections.nCopies(15, "h"));
        String row = String.join(",", java.util.Collections.nCopies(15, "y".repeat(1_500)));
        refused(write("long.csv", utf8(header + "\n" + row + "\n")), "long.csv", "import.file.rowTooLong", 2L, 20_000);
    }

    @Test
    void anXlsxCellLongerThanTheLimitIsRefused() throws IOException {
        byte[] workbook = ImportTestFiles.xlsx(
                List.of(List.of("full_name", "sex"), List.of("Budi", "L"), List.of("z".repeat(3_000), "P")));
        assertThatThrownBy(() -> ImportFile.inspect(write("c.xlsx", workbook), "c.xlsx", 1000))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.cellTooLong"));
    }

    @Test
    void anXlsxEntryThatUnpacksToThousandsOfTimesItsSizeIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write(utf8("<Types/>"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 20; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        }
        assertThat(zip.size()).isLessThan(100_000);
        refused(write("bomb.xlsx", zip.toByteArray()), "bomb.xlsx", "import.file.compressed", 100);
    }

    @Test
    void sharedStringsLargerThanTheLimitAreRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                text.append("<si><t>")
                        .append(Long.toString(random.nextLong(), 36))
                        .append("</t></si>");
            }
            out.write(utf8(text.toString()));
            out.closeEntry();
        }
        Path file = write("strings.xlsx", zip.toByteArray());
        ImportFile.Limits small = new ImportFile.Limits(2_000, 200, 20_000, 1024 * 1024, 100);
        assertThatThrownBy(() -> ImportFile.inspect(file, "strings.xlsx", 1000, small))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.sharedStringsTooLarge");
                    assertThat(e.args()).containsExactly(1L);
                });
    }
}
