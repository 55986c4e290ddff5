package id.peduli.registry.imports;

import id.peduli.shared.BusinessException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded CSV or XLSX file as a stream of rows, never holding the file in memory. {@link #inspect} looks at
 * the whole file once: format (by content, not by name), BOM, strict UTF-8, delimiter (comma, semicolon or tab, from
 * the header line), balanced quotes, header and number of rows; a file that can't be read is refused with a reason.
 * {@link #open} then reads the rows again for validation and for the commit.
 */
final class ImportFile {

    enum Format {
        CSV,
        XLSX
    }

    /** What inspection found. Row numbers in reports count the header as row 1, as a spreadsheet shows them. */
    record Inspection(
            Format format, String encoding, boolean bom, Character delimiter, List<String> headers, int rows) {}

    /** One data row: the cells in header order, and which of them were numbers in a spreadsheet. */
    record Cells(long rowNumber, String[] values, boolean[] numeric) {

        String get(int index) {
            return index < 0 || index >= values.length ? null : values[index];
        }

        boolean isNumeric(int index) {
            return index >= 0 && index < numeric.length && numeric[index];
        }
    }

    /**
     * What one file may hold beyond its size and row count, so that a small or odd file cannot make inspection hold
     * large strings in memory: characters in one cell, columns in one row (counting up to the last non-empty cell),
     * characters in one row, the unpacked size of an XLSX file's shared strings, and how much more an XLSX entry may
     * unpack to than it takes in the file (counted while unpacking, beyond the first megabyte; a zip bomb unpacks to
     * thousands of times its size, a real sheet to tens).
     */
    record Limits(int cellChars, int columns, int rowChars, long sharedStringsBytes, int compressionRatio) {

        static final Limits DEFAULT = new Limits(2_000, 200, 20_000, 100L * 1024 * 1024, 100);

        long sharedStringsMegabytes() {
            return Math.max(1, sharedStringsBytes / (1024 * 1024));
        }
    }

    /** The data rows of a file, after the header. */
    interface Rows extends Closeable, Iterator<Cells> {
        @Override
        void close();
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final int BUFFER = 1 << 16;
    /** Entries smaller than this when unpacked are not judged by their compression ratio. */
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private ImportFile() {}

    static Inspection inspect(Path file, String fileName, int maxRows) {
        return inspect(file, fileName, maxRows, Limits.DEFAULT);
    }

    static Inspection inspect(Path file, String fileName, int maxRows, Limits limits) {
        byte[] head = new byte[4];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (size == 0) {
            throw refused("import.file.empty");
        }
        if (read == 4 && startsWith(head, OLE2)) {
            throw refused("import.file.oldExcel");
        }
        if (read == 4 && startsWith(head, ZIP)) {
            return inspectXlsx(file, maxRows, limits);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm")) {
            throw refused("import.file.notXlsx");
        }
        return inspectCsv(file, head, read, maxRows, limits);
    }

    static Rows open(Path file, Inspection inspection) {
        return inspection.format() == Format.XLSX ? xlsxRows(file, inspection) : csvRows(file, inspection);
    }

    // ---------------------------------------------------------------------------------------------- CSV

    private static Inspection inspectCsv(Path file, byte[] head, int read, int maxRows, Limits limits) {
        boolean bom = read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (read >= 2
                && (((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
                        || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE))) {
            throw refused("import.file.notUtf8", 1);
        }
        char delimiter = detectDelimiter(file, bom);
        int records = scan(file, bom, delimiter, maxRows, limits);
        List<String> headers = null;
        if (records > 0) {
            try (CSVParser parser = parser(file, bom, delimiter)) {
                for (CSVRecord record : parser) {
                    if (!blank(record)) {
                        headers = headers(record);
                        break;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw refused("import.file.notUtf8", 1);
            }
        }
        if (headers == null) {
            throw refused("import.file.empty");
        }
        if (headers.size() < 2) {
            throw refused("import.file.oneColumn", headers.get(0));
        }
        int rows = records - 1;
        if (rows == 0) {
            throw refused("import.file.headerOnly");
        }
        return new Inspection(Format.CSV, "UTF-8", bom, delimiter, headers, rows);
    }

    /**
     * One pass over the bytes, without building strings: strict UTF-8, balanced quotes (RFC 4180: a quote opens only
     * at the start of a field, and a closing quote is followed by a delimiter or the end of the line) and the number
     * of non-blank records, header included, within the cell, column and row length limits. Refuses with the line
     * number of the first problem.
     */
    private static int scan(Path file, boolean bom, char delimiter, int maxRows, Limits limits) {
        byte[] buffer = new byte[BUFFER];
        long line = 1;
        long quoteLine = 0;
        boolean quoted = false;
        boolean closed = false;
        boolean fieldStart = true;
        boolean content = false;
        int records = 0;
        int pending = 0;
        int lead = 0;
        int position = 0;
        int cellChars = 0;
        int rowChars = 0;
        int columns = 1;
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(3);
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        boolean valid = b >= 0x80 && b <= 0xBF;
                        if (valid && position == 1) {
                            valid = switch (lead) {
                                case 0xE0 -> b >= 0xA0;
                                case 0xED -> b <= 0x9F;
                                case 0xF0 -> b >= 0x90;
                                case 0xF4 -> b <= 0x8F;
                                default -> true;
                            };
                        }
                        if (!valid) {
                            throw refused("import.file.notUtf8", line);
                        }
                        pending--;
                        position++;
                        continue;
                    }
                    if (b >= 0x80) {
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                        } else {
                            throw refused("import.file.notUtf8", line);
                        }
                        lead = b;
                        position = 1;
                    }
                    // One character starts here (continuation bytes were skipped above); quotes, and separators
                    // outside quotes, are not part of a cell.
                    boolean separator = !quoted && (b == delimiter || b == '\n' || b == '\r');
                    if (b != '"' && !separator && ++cellChars > limits.cellChars()) {
                        throw refused("import.file.cellTooLong", line, limits.cellChars());
                    }
                    if (++rowChars > limits.rowChars()) {
                        throw refused("import.file.rowTooLong", line, limits.rowChars());
                    }
                    if (b == '\n') {
                        line++;
                    }
                    if (quoted) {
                        if (b == '"') {
                            quoted = false;
                            closed = true;
                        }
                        content = content || (b != '"' && b != ' ' && b != '\n' && b != '\r' && b != '\t');
                        continue;
                    }
                    if (closed) {
                        closed = false;
                        if (b == '"') {
                            quoted = true;
                            content = true;
                            continue;
                        }
                        if (b != delimiter && b != '\n' && b != '\r') {
                            throw refused("import.file.badQuote", b == '\n' ? line - 1 : line);
                        }
                    }
                    if (b == '"' && fieldStart) {
                        quoted = true;
                        quoteLine = line;
                        fieldStart = false;
                        continue;
                    }
                    if (b == '\n') {
                        if (content) {
                            records++;
                            if (records - 1 > maxRows) {
                                throw refused("import.file.tooManyRows", maxRows);
                            }
                        }
                        content = false;
                        fieldStart = true;
                        cellChars = 0;
                        rowChars = 0;
                        columns = 1;
                    } else if (b == delimiter) {
                        fieldStart = true;
                        cellChars = 0;
                        if (++columns > limits.columns()) {
                            throw refused("import.file.tooManyColumns", line, limits.columns());
                        }
                    } else if (b != '\r') {
                        fieldStart = false;
                        content = content || (b != ' ' && b != '\t');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pending > 0) {
            throw refused("import.file.notUtf8", line);
        }
        if (quoted) {
            throw refused("import.file.unclosedQuote", quoteLine);
        }
        if (content) {
            records++;
            if (records - 1 > maxRows) {
                throw refused("import.file.tooManyRows", maxRows);
            }
        }
        return records;
    }

    private static Rows csvRows(Path file, Inspection inspection) {
        CSVParser parser;
        try {
            parser = parser(file, inspection.bom(), inspection.delimiter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<CSVRecord> records = parser.iterator();
        int width = inspection.headers().size();
        return new Rows() {
            private Cells next = advance(true);

            private Cells advance(boolean skipHeader) {
                boolean headerSeen = !skipHeader;
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (blank(record)) {
                        continue;
                    }
                    if (!headerSeen) {
                        headerSeen = true;
                        continue;
                    }
                    String[] values = new String[Math.max(width, record.size())];
                    for (int i = 0; i < record.size(); i++) {
                        values[i] = record.get(i);
                    }
                    return new Cells(record.getRecordNumber(), values, new boolean[0]);
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Cells next() {
                Cells current = next;
                next = advance(false);
                return current;
            }

            @Override
            public void close() {
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static CSVParser parser(Path file, boolean bom, char delimiter) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (bom) {
            in.skipNBytes(3);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader);
    }

    /** The delimiter that occurs most often, outside quotes, in the header line; comma when there is none. */
    private static char detectDelimiter(Path file, boolean bom) {
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(3);
            }
            byte[] start = in.readNBytes(BUFFER);
            String text = new String(start, StandardCharsets.UTF_8);
            int comma = 0;
            int semicolon = 0;
            int tab = 0;
            boolean quoted = false;
            boolean content = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    if (content) {
                        break;
                    }
                } else if (!quoted) {
                    switch (c) {
                        case ',' -> comma++;
                        case ';' -> semicolon++;
                        case '\t' -> tab++;
                        default -> {}
                    }
                    content = content || !Character.isWhitespace(c);
                }
            }
            if (semicolon > comma && semicolon >= tab) {
                return ';';
            }
            if (tab > comma && tab > semicolon) {
                return '\t';
            }
            return ',';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> headers(CSVRecord record) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i).strip();
            headers.add(value.isEmpty() ? "#" + (i + 1) : value);
        }
        return List.copyOf(headers);
    }

    // --------------------------------------------------------------------------------------------- XLSX

    private static Inspection inspectXlsx(Path file, int maxRows, Limits limits) {
        checkZip(file, limits);
        List<String> headers = null;
        int rows = 0;
        try (ReadableWorkbook workbook = workbook(file);
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            Iterator<Row> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                checkRow(row, limits);
                String[] values = texts(row, headers == null ? row.getCellCount() : headers.size(), null);
                if (allBlank(values)) {
                    continue;
                }
                if (headers == null) {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < values.length; i++) {
                        names.add(values[i] == null || values[i].isBlank() ? "#" + (i + 1) : values[i].strip());
                    }
                    while (!names.isEmpty() && names.get(names.size() - 1).startsWith("#")) {
                        names.remove(names.size() - 1);
                    }
                    headers = List.copyOf(names);
                    continue;
                }
                rows++;
                if (rows > maxRows) {
                    throw refused("import.file.tooManyRows", maxRows);
                }
            }
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("import.file.notXlsx");
        }
        if (headers == null || headers.isEmpty()) {
            throw refused("import.file.empty");
        }
        if (headers.size() < 2) {
            throw refused("import.file.oneColumn", headers.get(0));
        }
        if (rows == 0) {
            throw refused("import.file.headerOnly");
        }
        return new Inspection(Format.XLSX, null, false, null, headers, rows);
    }

    /** Refuses a cell, a row or a number of columns beyond the limits, naming the row as a spreadsheet shows it. */
    private static void checkRow(Row row, Limits limits) {
        long chars = 0;
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                continue;
            }
            String raw = cell.getType() == CellType.STRING ? cell.getText() : cell.getRawValue();
            int length = raw == null ? 0 : raw.length();
            if (length == 0) {
                continue;
            }
            if (i >= limits.columns()) {
                throw refused("import.file.tooManyColumns", row.getRowNum(), limits.columns());
            }
            if (length > limits.cellChars()) {
                throw refused("import.file.cellTooLong", row.getRowNum(), limits.cellChars());
            }
            chars += length;
            if (chars > limits.rowChars()) {
                throw refused("import.file.rowTooLong", row.getRowNum(), limits.rowChars());
            }
        }
    }

    /**
     * Unpacks every entry of the XLSX file once, counting bytes without keeping them: refuses an entry that unpacks to
     * more than {@code compressionRatio} times its packed size (beyond a first megabyte), and shared strings larger
     * than the limit, before the workbook reader loads anything.
     */
    static void checkZip(Path file, Limits limits) {
        byte[] buffer = new byte[BUFFER];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                boolean sharedStrings = entry.getName().toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
                long packed = Math.max(1, entry.getCompressedSize());
                long unpacked = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        unpacked += n;
                        if (unpacked > RATIO_GRACE_BYTES && unpacked > packed * limits.compressionRatio()) {
                            throw refused("import.file.compressed", limits.compressionRatio());
                        }
                        if (sharedStrings && unpacked > limits.sharedStringsBytes()) {
                            throw refused("import.file.sharedStringsTooLarge", limits.sharedStringsMegabytes());
                        }
                    }
                }
            }
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("import.file.notXlsx");
        }
    }

    private static Rows xlsxRows(Path file, Inspection inspection) {
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = workbook(file);
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException e) {
            throw refused("import.file.notXlsx");
        }
        Iterator<Row> iterator = stream.iterator();
        int width = inspection.headers().size();
        return new Rows() {
            private boolean headerSeen;
            private Cells next = advance();

            private Cells advance() {
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    boolean[] numeric = new boolean[width];
                    String[] values = texts(row, width, numeric);
                    if (allBlank(values)) {
                        continue;
                    }
                    if (!headerSeen) {
                        headerSeen = true;
                        continue;
                    }
                    return new Cells(row.getRowNum(), values, numeric);
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Cells next() {
                Cells current = next;
                next = advance();
                return current;
            }

            @Override
            public void close() {
                stream.close();
                try {
                    workbook.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static ReadableWorkbook workbook(Path file) throws IOException {
        return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    }

    /** Cell texts; dates become ISO dates, whole numbers lose their ".0", and numeric cells are flagged. */
    private static String[] texts(Row row, int width, boolean[] numeric) {
        String[] values = new String[width];
        for (int i = 0; i < width && i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                continue;
            }
            if (cell.getType() == CellType.NUMBER) {
                if (numeric != null) {
                    numeric[i] = true;
                }
                if (isDateFormat(cell)) {
                    LocalDateTime date = cell.asDate();
                    values[i] = date == null ? null : date.toLocalDate().toString();
                } else {
                    BigDecimal number = cell.asNumber();
                    values[i] =
                            number == null ? null : number.stripTrailingZeros().toPlainString();
                }
            } else if (cell.getType() == CellType.FORMULA) {
                values[i] = cell.getRawValue();
            } else {
                values[i] = cell.getText();
            }
        }
        return values;
    }

    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String plain =
                format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return plain.contains("d") && plain.contains("m") || plain.contains("y");
    }

    private static boolean allBlank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static BusinessException refused(String key, Object... args) {
        return BusinessException.invalid("file", key, args);
    }
}
