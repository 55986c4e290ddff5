package id.peduli.platform;

import java.util.List;

/** Implemented by each module that adds entries to the main menu. */
public interface NavContributor {

    List<NavItem> navItems();
}
