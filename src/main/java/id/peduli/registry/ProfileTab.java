package id.peduli.registry;

/**
 * Contribution: a tab of a person's profile. The registry shows the tabs of every module in {@link #order()}, each to
 * the users whose grants hold one of {@link #roles()} for the person's unit ({@code Access.covers}). The registry's
 * own tabs (details, household, consent, history) are rendered with the page; a module's tab names a
 * {@link #fragmentUrl(long) fragment} that the profile loads with htmx when the tab is opened. The module's endpoint
 * behind that URL checks the caller's role and scope itself, as every endpoint does (ADR 5): the tab list only decides
 * what is offered.
 */
public interface ProfileTab {

    /** The tab's name in the address ({@code ?tab=payouts}): lower-case letters, digits and dashes. */
    String key();

    /** Message key of the tab's label, in the contributing module's messages. */
    String labelKey();

    /** Place among the tabs: the registry's are 100 (details), 200, 300, 500 (programmes) and 900 (history). */
    int order();

    /** The roles that see the tab, for the person's unit. */
    String[] roles();

    /**
     * Where the tab's content comes from: a page fragment (HTML without the layout) for the person. {@code null} only
     * for the registry's own tabs, which the profile renders itself.
     */
    default String fragmentUrl(long personId) {
        return null;
    }

    /** A tab as the profile shows it; {@code fragmentUrl} is null for a tab the profile renders itself. */
    record Shown(String key, String labelKey, String fragmentUrl) {}
}
