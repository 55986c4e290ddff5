package id.peduli.organization;

import id.peduli.audit.AuditLabels;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The organization module's words in the processing log. */
@Component
class OrganizationAuditLabels implements AuditLabels {

    @Override
    public List<String> subjectTypes() {
        return List.of("OrgUnit");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of("type", List.of("orgType."));
    }
}
