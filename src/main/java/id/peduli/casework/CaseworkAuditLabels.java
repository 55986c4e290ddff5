package id.peduli.casework;

import id.peduli.audit.AuditLabels;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The case core's words in the processing log: its subjects and the labels of the coded values it records. */
@Component
class CaseworkAuditLabels implements AuditLabels {

    @Override
    public List<String> subjectTypes() {
        return List.of("Enrolment", "Assessment", "Plan", "Goal", "Activity", "ActivityAttachment", "Referral");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of(
                "stage", List.of("casework.stage."),
                "status", List.of("casework.goalStatus.", "casework.referralStatus."),
                "direction", List.of("casework.direction."));
    }
}
