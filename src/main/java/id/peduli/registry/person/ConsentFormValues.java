package id.peduli.registry.person;

import id.peduli.registry.ConsentCommand;
import java.time.LocalDate;

/** The consent form as typed, shown again when the server refuses it. */
public record ConsentFormValues(
        String purpose,
        ConsentCommand.LawfulBasis basis,
        ConsentCommand.ConsentGiver givenBy,
        ConsentCommand.ConsentMethod method,
        String noticeVersion,
        LocalDate givenOn) {

    static ConsentFormValues empty() {
        return new ConsentFormValues(null, null, null, null, "2026.1", null);
    }

    public boolean purposeIs(String code) {
        return code.equals(purpose);
    }
}
