package id.peduli.access;

import id.peduli.audit.AuditLabels;
import id.peduli.audit.PersonalDataEndpoints;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The access module's words in the processing log, and its endpoints that serve data about users. */
@Component
class AccessAuditLabels implements AuditLabels, PersonalDataEndpoints {

    @Override
    public List<String> subjectTypes() {
        return List.of("User", "ApiToken");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of("grant", List.of("role."), "locale", List.of("language."));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("/admin/users/**", "User"), new Endpoint("/api/v1/users/**", "User"));
    }
}
