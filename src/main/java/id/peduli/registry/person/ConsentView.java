package id.peduli.registry.person;

import id.peduli.registry.ConsentCommand;
import java.time.LocalDate;

/** A recorded basis for a purpose; active until withdrawn. */
public record ConsentView(
        long id,
        String purpose,
        ConsentCommand.LawfulBasis basis,
        ConsentCommand.ConsentGiver givenBy,
        ConsentCommand.ConsentMethod method,
        String noticeVersion,
        LocalDate givenOn,
        LocalDate withdrawnOn,
        String withdrawalReason,
        String recordedBy) {

    public boolean active() {
        return withdrawnOn == null;
    }
}
