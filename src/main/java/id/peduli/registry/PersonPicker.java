package id.peduli.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The person picker other pages and modules embed to link a person (a household member, a guardian, an enrolment):
 * the template {@code registry/person-picker.jte} with its behaviour in {@code /js/person-picker.js}. The user types
 * a name or a NIK (sent in a POST body, never in an address), sees the matching people of their units and picks one;
 * the chosen id is submitted with the embedding form under the field name given. "Register a new person" leads to the
 * registration form, which comes back to {@code returnTo} with {@code picked=<id>} added; the embedding page passes
 * that parameter back to the picker as its {@code selectedId}. See docs/architecture.md, "Person picker".
 */
public final class PersonPicker {

    /** Name of the request parameter that brings a newly registered person back to the page that asked for them. */
    public static final String PICKED = "picked";

    private static final Pattern LOCAL_PATH = Pattern.compile("^/[A-Za-z0-9/_\\-.?=&%]*$");

    private PersonPicker() {}

    /** The registration form that comes back to {@code returnTo} (a path of this site) with the new person. */
    public static String registerHref(String returnTo) {
        return "/people/new?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }

    /** True for a path of this site that a registration may return to; anything else (another site) is ignored. */
    public static boolean safeReturn(String returnTo) {
        return returnTo != null
                && LOCAL_PATH.matcher(returnTo).matches()
                && !returnTo.startsWith("//")
                && !returnTo.contains("/\\")
                && returnTo.length() <= 300;
    }

    /** {@code returnTo} with {@code picked=<personId>}. */
    public static String returning(String returnTo, long personId) {
        String base = returnTo.replaceAll("([?&])" + PICKED + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + PICKED + "=" + personId;
    }
}
