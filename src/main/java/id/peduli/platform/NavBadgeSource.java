package id.peduli.platform;

import java.util.List;

/**
 * Contribution: a small count beside an entry of the main menu for the signed-in user, such as the unread messages
 * beside an inbox. It is asked once for each page that shows the menu, so a source answers with at most one cheap
 * query, and with nothing (no query) for a user who does not see its entries.
 */
@FunctionalInterface
public interface NavBadgeSource {

    /** The counts for {@code user}; a count of zero may be left out and is not shown. */
    List<NavBadge> badges(PeduliPrincipal user);

    /**
     * A count for the menu entry whose {@link NavItem#href()} is {@code href}. {@code labelKey} is a message with
     * <code>{0}</code> for the count, the words a screen reader says for it ({@code nav.badge.unread}: "3 belum
     * dibaca").
     */
    record NavBadge(String href, long count, String labelKey) {}
}
