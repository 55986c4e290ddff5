package id.peduli.innovation;

import id.peduli.audit.AuditLabels;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The competition's words in the processing log: its subjects and the labels of the coded values it records. */
@Component
class InnovationAuditLabels implements AuditLabels {

    @Override
    public List<String> subjectTypes() {
        return List.of("Period", "Innovation", "Proposal", "Objection", "Replication");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of(
                "state", List.of("innovation.state."),
                "group", List.of("innovation.group."),
                "attempted", List.of("audit.action."),
                "status", List.of("innovation.replication.status."));
    }
}
