package id.peduli.audit;

import java.util.List;

/**
 * Contribution: the endpoints of a module that serve personal data, so that a refused request to one of them (403,
 * or 404 raised by a scope check) is written to the processing log as {@link AuditAction#REFUSED}. The audit module
 * records the method, the endpoint's pattern and the status, never the ids or the query of the request (see
 * docs/adr/0010-refused-attempts-in-the-processing-log.md).
 */
@FunctionalInterface
public interface PersonalDataEndpoints {

    List<Endpoint> endpoints();

    /**
     * Requests whose path matches {@code pathPattern} (a Spring path pattern such as {@code /people/**}) concern
     * records of {@code subjectType}.
     */
    record Endpoint(String pathPattern, String subjectType) {}
}
