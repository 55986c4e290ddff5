package id.peduli.registry.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds import files for tests: unique NIKs and external ids, CSV and XLSX. */
public final class ImportTestFiles {

    static final String HEADER = "external_id,full_name,sex,birth_date,birth_year,nik,region_code,household_key,"
            + "relationship_to_head,kk_number,kk_valid_from,guardian_external_id,guardian_relationship";

    private static final AtomicInteger SERIAL =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final AtomicInteger ID = new AtomicInteger();

    private ImportTestFiles() {}

    /** A fresh, valid NIK of a person registered in Kota Jambi (district 15.71.01). */
    public static String nik(LocalDate birth, boolean female) {
        int serial = SERIAL.incrementAndGet();
        return String.format(
                "157101%02d%02d%02d%04d",
                birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    /** A 16-digit KK number that no other test uses. */
    static String kk() {
        return String.format(
                "1571%012d",
                (long) SERIAL.incrementAndGet() * 7919
                        + ThreadLocalRandom.current().nextInt(7919));
    }

    static String externalId(String name) {
        return name + "-" + RUN + "-" + ID.incrementAndGet();
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Data");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (value instanceof LocalDate d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format("dd/mm/yyyy").set();
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
