package id.peduli.workshop;

import id.peduli.casework.CaseloadDueSource;
import id.peduli.casework.EnrolmentView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Puts the next open follow-up of each open placement on the worker's caseload of the case core. */
@org.springframework.stereotype.Component
class PlacementFollowUpsDue implements CaseloadDueSource {

    private final Placements placements;

    PlacementFollowUpsDue(Placements placements) {
        this.placements = placements;
    }

    @Override
    public List<DueItem> dueFor(Collection<EnrolmentView> enrolments) {
        List<DueItem> due = new ArrayList<>();
        for (PlacementView placement :
                placements.openFor(enrolments.stream().map(EnrolmentView::id).toList())) {
            placement.followUps().stream()
                    .filter(f -> f.doneOn() == null)
                    .findFirst()
                    .ifPresent(f -> due.add(new DueItem(
                            placement.enrolmentId(),
                            f.dueOn(),
                            "workshop.followUp.caseloadDue",
                            "/workshop/sites/" + placement.siteId() + "#placementsHeading")));
        }
        return due;
    }
}
