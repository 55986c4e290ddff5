package id.peduli.registry;

import id.peduli.audit.AuditLabels;
import id.peduli.audit.PersonalDataEndpoints;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The registry's words in the processing log (subject types, the labels of purposes, lawful bases and other coded
 * values), and its endpoints that serve personal data, whose refusals the audit module records.
 */
@Component
class RegistryAuditLabels implements AuditLabels, PersonalDataEndpoints {

    @Override
    public List<String> subjectTypes() {
        return List.of(
                "Person",
                "PersonPhoto",
                "PersonLookup",
                "PersonSearch",
                "Household",
                "Consent",
                "ImportJob",
                "ImportReport",
                "EncryptionKey");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of(
                PURPOSE,
                List.of("purpose.", "consentPurpose."),
                "basis",
                List.of("basis."),
                "givenBy",
                List.of("giver."),
                "method",
                List.of("method."),
                "mode",
                List.of("importMode."),
                "sex",
                List.of("sex."),
                "relationship",
                List.of("relationship."),
                "disabilitySeverity",
                List.of("severity."));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/people/import/**", "ImportJob"),
                new Endpoint("/api/v1/people/imports/**", "ImportJob"),
                new Endpoint("/people/**", "Person"),
                new Endpoint("/api/v1/people/**", "Person"),
                new Endpoint("/households/**", "Household"),
                new Endpoint("/api/v1/households/**", "Household"));
    }
}
