package id.peduli.workshop;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * One participant's line of a payout run, with the working that led to it: each working step is a message key and
 * its arguments, shown in the reader's language.
 */
public record PayoutLineView(
        long id,
        long enrolmentId,
        long personId,
        String name,
        int daysAttended,
        int acceptedUnits,
        int minutes,
        Money gross,
        Money share,
        Money adjustment,
        Money amount,
        List<Step> working,
        LocalDate receivedOn,
        String receiptMethod,
        String receivedBy) {

    /** One line of the working: {@code key} is a message key, {@code args} its arguments (already formatted). */
    @Schema(name = "WorkshopPayoutStep")
    public record Step(String key, List<String> args) {}
}
