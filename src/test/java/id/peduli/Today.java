package id.peduli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Today as the application sees it: in {@code peduli.time-zone}, read the way application.properties reads it (the
 * environment variable {@code PEDULI_TIME_ZONE}, else Asia/Jakarta). Tests take their dates from here, not from the
 * machine's zone: on a machine in UTC, between 17:00 and midnight, the machine's today is the application's yesterday.
 */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of(System.getenv().getOrDefault("PEDULI_TIME_ZONE", "Asia/Jakarta"));

    private Today() {}

    /** The application's date now. */
    public static LocalDate date() {
        return LocalDate.now(ZONE);
    }

    /** The application's month now. */
    public static YearMonth month() {
        return YearMonth.now(ZONE);
    }
}
