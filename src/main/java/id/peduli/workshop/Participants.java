package id.peduli.workshop;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Who takes part at a site: enrolments in the Sheltered Workshop programme, answered by the case core. */
interface Participants {

    /** The programme code of the Sheltered Workshop in the case core. */
    String PROGRAMME = "SW_PEDULI";

    /** Participants enrolled at the site on {@code day}, by name. */
    List<Participant> activeAt(long siteId, LocalDate day);

    /** Participants enrolled at the site at any time in {@code from}..{@code to} (inclusive), by name. */
    List<Participant> during(long siteId, LocalDate from, LocalDate to);

    Optional<Participant> find(long enrolmentId);

    /** True when the enrolment is at the site and active on {@code day}. */
    boolean activeAt(long enrolmentId, long siteId, LocalDate day);
}
