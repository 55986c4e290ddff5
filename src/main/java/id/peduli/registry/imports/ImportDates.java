package id.peduli.registry.imports;

import id.peduli.registry.identity.Birth;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates as an import file writes them: YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, each checked against the calendar. */
final class ImportDates {

    private ImportDates() {}

    record DateResult(LocalDate date, String problem) {}

    /** YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; a date that does not exist (31-02-1990) is refused as such. */
    static DateResult parseDate(String value) {
        String[] parts;
        int year;
        int month;
        int day;
        if (value.length() >= 8 && value.length() <= 10 && value.charAt(4) == '-') {
            parts = value.split("-", -1);
            if (parts.length != 3
                    || !ImportWords.allDigits(parts[0])
                    || !ImportWords.allDigits(parts[1])
                    || !ImportWords.allDigits(parts[2])) {
                return new DateResult(null, "import.date.format");
            }
            year = Integer.parseInt(parts[0]);
            month = parseSmall(parts[1]);
            day = parseSmall(parts[2]);
        } else {
            char separator = value.indexOf('/') >= 0 ? '/' : '-';
            parts = value.split(separator == '/' ? "/" : "-", -1);
            if (parts.length != 3
                    || parts[2].length() != 4
                    || !ImportWords.allDigits(parts[0])
                    || !ImportWords.allDigits(parts[1])
                    || !ImportWords.allDigits(parts[2])) {
                return new DateResult(null, "import.date.format");
            }
            day = parseSmall(parts[0]);
            month = parseSmall(parts[1]);
            year = Integer.parseInt(parts[2]);
        }
        if (day < 0 || month < 0) {
            return new DateResult(null, "import.date.format");
        }
        if (month < 1 || month > 12) {
            return new DateResult(null, "import.date.month");
        }
        if (year < Birth.MIN_YEAR || year > Birth.MAX_YEAR) {
            return new DateResult(null, "import.date.year");
        }
        try {
            return new DateResult(LocalDate.of(year, month, day), null);
        } catch (DateTimeException e) {
            return new DateResult(null, "import.date.notInCalendar");
        }
    }

    private static int parseSmall(String digits) {
        return digits.isEmpty() || digits.length() > 2 ? -1 : Integer.parseInt(digits);
    }
}
