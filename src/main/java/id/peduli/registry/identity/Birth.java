package id.peduli.registry.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a birth: a birth date, or only a birth year when the date is not known (the record is then
 * approximate); neither in the future; a year given with a date is the date's year; years from {@link #MIN_YEAR} to
 * {@link #MAX_YEAR} (checked where the year is read: the form's and the API's constraints, the import's cell). The
 * registration form, the API and the import all judge a birth here.
 */
public final class Birth {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    /** Which of the two inputs a problem is about. */
    public enum Field {
        DATE,
        YEAR
    }

    public record Problem(Field field, String key) {

        /** True for "give a date or a year": the caller may leave it out when a cell could not be read at all. */
        public boolean missing() {
            return key.equals(REQUIRED);
        }
    }

    private static final String REQUIRED = "person.birthRequired";

    private Birth() {}

    /** The year the person was born in: the date's, or the year given alone; null when neither is known. */
    public static Integer year(LocalDate date, Integer year) {
        return date != null ? Integer.valueOf(date.getYear()) : year;
    }

    public static List<Problem> check(LocalDate date, Integer year, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (date == null && year == null) {
            problems.add(new Problem(Field.DATE, REQUIRED));
        }
        boolean dateInFuture = date != null && date.isAfter(today);
        if (dateInFuture) {
            problems.add(new Problem(Field.DATE, "person.birthInFuture"));
        }
        if (date != null && year != null && !year.equals(date.getYear())) {
            problems.add(new Problem(Field.YEAR, "person.birthYearMismatch"));
        }
        Integer born = year(date, year);
        if (!dateInFuture && born != null && born > today.getYear()) {
            problems.add(new Problem(Field.YEAR, "person.birthInFuture"));
        }
        return problems;
    }
}
