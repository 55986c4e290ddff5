package id.peduli.registry.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The people search as typed: one box for a name, a NIK or a KK number, and the filters. Every value is kept as
 * entered so that a refused search can be shown again; blank means no filter. {@link PersonSearch#criteria} checks
 * the values.
 */
public record PersonSearchForm(String q, String region, String ageFrom, String ageTo, String sex, String disability) {

    public PersonSearchForm {
        q = clean(q);
        region = clean(region);
        ageFrom = clean(ageFrom);
        ageTo = clean(ageTo);
        sex = clean(sex);
        disability = clean(disability);
    }

    public static PersonSearchForm empty() {
        return new PersonSearchForm(null, null, null, null, null, null);
    }

    /** True when nothing was entered: the page then lists everyone in the user's units. */
    public boolean blank() {
        return q.isEmpty()
                && region.isEmpty()
                && ageFrom.isEmpty()
                && ageTo.isEmpty()
                && sex.isEmpty()
                && disability.isEmpty();
    }

    /** The non-blank values by form field name, in form order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "q", q);
        put(values, "region", region);
        put(values, "ageFrom", ageFrom);
        put(values, "ageTo", ageTo);
        put(values, "sex", sex);
        put(values, "disability", disability);
        return values;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (!value.isEmpty()) {
            values.put(name, value);
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
