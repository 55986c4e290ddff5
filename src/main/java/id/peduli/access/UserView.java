package id.peduli.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A user as pages and the API show it; never carries the password hash. */
public record UserView(
        long id,
        String username,
        String fullName,
        String email,
        String phone,
        String locale,
        boolean enabled,
        boolean mustChangePassword,
        boolean locked,
        Instant lastLoginAt,
        int version,
        List<GrantView> grants) {

    /** A grant with its unit's name for display; {@code unitId == null} means every unit. */
    @Schema(name = "GrantView")
    public record GrantView(long id, Role role, Long unitId, String unitName) {}
}
