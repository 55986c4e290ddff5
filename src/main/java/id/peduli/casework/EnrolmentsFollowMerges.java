package id.peduli.casework;

import id.peduli.registry.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the registry merges two records of one person, everything of the case core that named the merged record moves
 * to the survivor, in the merge's own transaction (ADR 9): if this fails, the merge fails and nothing is half-merged.
 * Both records' enrolments are kept, even two in the same programme: a worker closes the one that is not needed.
 */
@Component
class EnrolmentsFollowMerges {

    private final EnrolmentStore enrolments;
    private final JdbcClient jdbc;

    EnrolmentsFollowMerges(EnrolmentStore enrolments, JdbcClient jdbc) {
        this.enrolments = enrolments;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonsMerged event) {
        enrolments.movePerson(event.mergedId(), event.survivorId());
        for (String table : CaseRecords.PERSON_TABLES) {
            jdbc.sql("update " + table + " set person_id = ? where person_id = ?")
                    .params(event.survivorId(), event.mergedId())
                    .update();
        }
    }
}
