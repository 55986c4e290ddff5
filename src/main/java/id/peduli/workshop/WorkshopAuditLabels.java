package id.peduli.workshop;

import id.peduli.audit.AuditLabels;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The workshop's words in the processing log: its subjects and the labels of the coded values it records. */
@Component
class WorkshopAuditLabels implements AuditLabels {

    @Override
    public List<String> subjectTypes() {
        return List.of(
                "WorkshopSite",
                "WorkshopMentor",
                "WorkshopTraining",
                "WorkshopProduct",
                "WorkshopSession",
                "WorkshopEarningsRule",
                "WorkshopPayoutRun",
                "WorkshopPayoutStatement",
                "WorkshopPlacement",
                "WorkshopDashboard");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of(
                "kind", List.of("workshop.kind.", "workshop.placementKind."),
                "status", List.of("workshop.payoutStatus."),
                "receivedBy", List.of("workshop.receivedBy."));
    }
}
