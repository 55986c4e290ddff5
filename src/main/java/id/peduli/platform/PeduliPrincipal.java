package id.peduli.platform;

import java.util.List;

/**
 * What the web shell and every module may know of the signed-in user: who they are and which role they hold for
 * which organisation unit. The access module supplies the implementation.
 */
public interface PeduliPrincipal {

    long userId();

    String username();

    String fullName();

    List<RoleGrant> grants();

    default boolean hasRole(String role) {
        return grants().stream().anyMatch(g -> g.role().equals(role));
    }

    /** A role held for an organisation unit and everything below it; {@code unitId == null} means every unit. */
    record RoleGrant(String role, Long unitId, String unitName) {}
}
