package id.peduli.innovation;

import id.peduli.access.Role;
import java.util.Objects;

/** Who makes a move, and in which of their roles. */
public record Actor(Long userId, String username, Role role) {

    public Actor {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }
}
