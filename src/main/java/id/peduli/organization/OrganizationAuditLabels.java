package id.peduli.organization;

import id.peduli.audit.AuditLabels;
import id.peduli.region.Regions;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The organization module's words in the processing log, region names included. */
@Component
class OrganizationAuditLabels implements AuditLabels {

    private final Regions regions;

    OrganizationAuditLabels(Regions regions) {
        this.regions = regions;
    }

    /** A region code (of a unit, or of a person's address) is shown by its name, with the code. */
    @Override
    public String describe(String field, String value) {
        if (!"region".equals(field) || !RegionCode.LOOKS_LIKE.matcher(value).matches()) {
            return null;
        }
        return regions.find(value).map(r -> r.name() + " (" + value + ")").orElse(null);
    }

    /** The shape of a Kemendagri region code, checked before a lookup. */
    private static final class RegionCode {
        static final java.util.regex.Pattern LOOKS_LIKE =
                java.util.regex.Pattern.compile("\\d{2}(\\.\\d{2}){0,2}(\\.\\d{4})?");
    }

    @Override
    public List<String> subjectTypes() {
        return List.of("OrgUnit");
    }

    @Override
    public Map<String, List<String>> valueKeyPrefixes() {
        return Map.of("type", List.of("orgType."));
    }
}
