package id.peduli.registry.search;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.registry.person.NikChecks;
import id.peduli.shared.PageResult;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a search for the pages and the API. A lookup by NIK or KK number is an answer about the registry: it is
 * counted against the user's limit before the database is asked, and written to the processing log with the people
 * it found (never with the number looked up).
 */
@Component
class PersonLookups {

    private final PersonSearch search;
    private final NikChecks nikChecks;
    private final AuditLog audit;

    PersonLookups(PersonSearch search, NikChecks nikChecks, AuditLog audit) {
        this.search = search;
        this.nikChecks = nikChecks;
        this.audit = audit;
    }

    PageResult<PersonSummary> run(SearchCriteria criteria, int page, int size) {
        boolean identifier = criteria.kind() == SearchCriteria.Kind.IDENTIFIER;
        if (identifier) {
            nikChecks.count();
        }
        PageResult<PersonSummary> result = search.search(criteria, page, size);
        if (identifier) {
            String kind = criteria.nikHash() != null && criteria.kkHash() != null
                    ? "NIK/KK"
                    : criteria.nikHash() != null ? "NIK" : "KK";
            audit.record(AuditRecord.of(AuditAction.VIEW, "PersonLookup", null)
                    .purpose(kind + " lookup")
                    .change("found", null, result.total())
                    .change(
                            "people",
                            null,
                            result.items().stream()
                                    .limit(50)
                                    .map(p -> String.valueOf(p.id()))
                                    .collect(Collectors.joining(" "))));
        }
        return result;
    }
}
