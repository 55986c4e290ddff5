package id.peduli.innovation;

import id.peduli.access.Role;
import java.util.Objects;

/** Who makes a move, and in which of their roles. */
record Actor(Long userId, String username, Role role) {

    Actor {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }
}
