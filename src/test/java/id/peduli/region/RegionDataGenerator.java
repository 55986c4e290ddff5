package id.peduli.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled region resource {@code src/main/resources/region/kemendagri-regions.csv.gz} (columns code,
 * parent_code, level, name) from the four CSV files of idn-area-data (provinces, regencies, districts, villages).
 * Run from the project root after {@code ./mvnw -q test-compile}: {@code java -cp target/classes:target/test-classes
 * id.peduli.region.RegionDataGenerator [sourceDir] [target]}; the source directory defaults to
 * {@code ../shared/data/regions}. It refuses data whose codes are malformed, duplicated or whose parent is missing.
 * The output is deterministic: the same input gives the same bytes.
 */
final class RegionDataGenerator {

    static final String HEADER = "code,parent_code,level,name";
    private static final String[] FILES = {"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"};

    private RegionDataGenerator() {}

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "../shared/data/regions");
        Path target = Path.of(args.length > 1 ? args[1] : "src/main/resources/region/kemendagri-regions.csv.gz");
        List<Row> rows = read(source);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            write(rows, out);
        }
        System.out.printf("Wrote %d regions to %s (%d bytes)%n", rows.size(), target, Files.size(target));
    }

    record Row(String code, String parentCode, int level, String name) {}

    static List<Row> read(Path directory) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (int level = 1; level <= FILES.length; level++) {
            Path file = directory.resolve(FILES[level - 1]);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = reader.readLine();
                if (header == null) {
                    throw new IOException(file + " is empty");
                }
                String line;
                int lineNumber = 1;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> fields = parseLine(line);
                    Row row = level == 1
                            ? new Row(expect(fields, 2, file, lineNumber).get(0), null, 1, fields.get(1))
                            : new Row(expect(fields, 3, file, lineNumber).get(0), fields.get(1), level, fields.get(2));
                    check(row, known, file, lineNumber);
                    known.add(row.code());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> expect(List<String> fields, int count, Path file, int line) throws IOException {
        if (fields.size() != count) {
            throw new IOException(file + ":" + line + " has " + fields.size() + " fields, expected " + count);
        }
        return fields;
    }

    private static void check(Row row, Set<String> known, Path file, int line) throws IOException {
        String where = file + ":" + line + " ";
        if (!RegionCodes.isWellFormed(row.code()) || RegionCodes.levelOf(row.code()) != row.level()) {
            throw new IOException(where + "malformed code " + row.code());
        }
        if (known.contains(row.code())) {
            throw new IOException(where + "duplicate code " + row.code());
        }
        String expectedParent = RegionCodes.parentOf(row.code());
        if (row.level() > 1 && (!row.code().startsWith(row.parentCode() + ".") || !known.contains(row.parentCode()))) {
            throw new IOException(where + "parent " + row.parentCode() + " of " + row.code() + " is unknown");
        }
        if (row.level() > 1 && !row.parentCode().equals(expectedParent)) {
            throw new IOException(where + "parent " + row.parentCode() + " does not match code " + row.code());
        }
        if (row.name().isBlank() || !row.name().equals(row.name().strip())) {
            throw new IOException(where + "blank or padded name for " + row.code());
        }
    }

    static void write(List<Row> rows, OutputStream target) throws IOException {
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(nonClosing(target), 1 << 16), StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Row row : rows) {
                out.write(row.code());
                out.write(',');
                out.write(row.parentCode() == null ? "" : row.parentCode());
                out.write(',');
                out.write(Integer.toString(row.level()));
                out.write(',');
                out.write(quote(row.name()));
                out.write('\n');
            }
        }
        target.flush();
    }

    /** RFC 4180 quoting, which PostgreSQL's {@code COPY ... (FORMAT csv)} reads back unchanged. */
    static String quote(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static List<String> parseLine(String line) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("Unterminated quote in: " + line);
        }
        fields.add(field.toString());
        return fields;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
