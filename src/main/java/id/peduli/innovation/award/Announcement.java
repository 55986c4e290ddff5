package id.peduli.innovation.award;

import java.time.LocalDate;

/** An announcement or decree of a period with its number. */
public record Announcement(long id, long periodId, Kind kind, String number, LocalDate issuedOn, String issuedBy) {

    public enum Kind {
        /** Result of the administrative selection (S3). */
        SCREENING,
        /** Decree of the Top 99 (S5). */
        TOP99,
        /** Decree of the winners (S8). */
        WINNERS
    }
}
