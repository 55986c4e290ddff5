package id.peduli.indicator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One indicator: its code (upper-case letters, digits and underscores), the message key of its label, the unit of
 * measure (a message key too, such as {@code indicator.measure.people}) and the roles that may read it for a unit.
 */
public record IndicatorDefinition(String code, String labelKey, String measureKey, List<String> roles) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    public IndicatorDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("An indicator code is A-Z, 0-9 and _: " + code);
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("An indicator needs the roles that may read it: " + code);
        }
        roles = List.copyOf(roles);
    }
}
