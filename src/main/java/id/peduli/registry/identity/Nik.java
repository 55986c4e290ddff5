package id.peduli.registry.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the Indonesian national identity number (NIK): {@code PPRRSS DDMMYY NNNN}, province, regency and
 * district of first issue, birth date with 40 added to the day for women, and a serial. There is no check digit, so
 * a NIK is judged by its format. Errors make it unusable; warnings (an unknown regency or district, which may have
 * split since, or a sex or birth date that disagrees with the record) are shown and may be accepted.
 */
public final class Nik {

    public record Problem(String key, Object... args) {}

    public record Check(String nik, List<Problem> errors, List<Problem> warnings) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** What the rules need to know about regions, so they can be tested without a database. */
    public interface RegionLookup {
        boolean exists(String dottedCode);
    }

    private Nik() {}

    /** Spaces and dots that people type between groups are ignored; anything else must be digits. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s.]", "");
    }

    /** How many leading digits a masked NIK or KK number shows: the province and regency, which a row shows anyway. */
    static final int SHOWN_DIGITS = 4;

    /**
     * The form lists, exports and the processing log show (ADR 6): the first four digits, the rest hidden, for
     * example {@code 3323••••••••••••}. Digits 5–12 (district and birth date) follow from what a row shows anyway, so
     * only hiding the serial keeps the number from being rebuilt. KK numbers have the same structure and the same
     * rule.
     */
    public static String masked(String number) {
        return number.substring(0, SHOWN_DIGITS) + "•".repeat(number.length() - SHOWN_DIGITS);
    }

    static String districtCode(String nik) {
        return nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6);
    }

    public static Check check(String raw, Character sex, LocalDate birthDate, Integer birthYear, RegionLookup regions) {
        String nik = normalise(raw);
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        if (nik == null || nik.isEmpty()) {
            return new Check(null, errors, warnings);
        }
        if (!nik.chars().allMatch(Character::isDigit)) {
            errors.add(new Problem("nik.digitsOnly"));
            return new Check(nik, errors, warnings);
        }
        if (nik.length() != 16) {
            errors.add(new Problem("nik.length", nik.length()));
            return new Check(nik, errors, warnings);
        }
        String province = nik.substring(0, 2);
        if (!regions.exists(province)) {
            errors.add(new Problem("nik.unknownProvince", province));
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year2 = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        int birthDay = female ? day - 40 : day;
        if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
            errors.add(new Problem("nik.day", nik.substring(6, 8)));
        }
        if (month < 1 || month > 12) {
            errors.add(new Problem("nik.month", nik.substring(8, 10)));
        }
        if ("0000".equals(nik.substring(12))) {
            errors.add(new Problem("nik.serial"));
        }
        if (errors.isEmpty() && !calendarDayExists(birthDay, month, year2)) {
            errors.add(new Problem("nik.date", birthDay, month));
        }
        if (!errors.isEmpty()) {
            return new Check(nik, errors, warnings);
        }
        String regency = nik.substring(0, 2) + "." + nik.substring(2, 4);
        if (!regions.exists(regency)) {
            warnings.add(new Problem("nik.unknownRegency", regency));
        } else if (!regions.exists(districtCode(nik))) {
            warnings.add(new Problem("nik.unknownDistrict", districtCode(nik)));
        }
        if (sex != null && (sex == 'F') != female) {
            warnings.add(new Problem(female ? "nik.sexFemale" : "nik.sexMale"));
        }
        if (birthDate != null) {
            if (birthDate.getDayOfMonth() != birthDay
                    || birthDate.getMonthValue() != month
                    || birthDate.getYear() % 100 != year2) {
                warnings.add(new Problem("nik.birthDate", String.format("%02d-%02d-%02d", birthDay, month, year2)));
            }
        } else if (birthYear != null && birthYear % 100 != year2) {
            warnings.add(new Problem("nik.birthYear", String.format("%02d", year2)));
        }
        return new Check(nik, errors, warnings);
    }

    private static boolean calendarDayExists(int day, int month, int year2) {
        try {
            // A leap day is possible in any century; 2000 is a leap year, so test with 20yy.
            LocalDate.of(2000 + year2, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
