package id.peduli.access;

import id.peduli.platform.PeduliPrincipal;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security and the rest of Peduli see it. */
final class AccountDetails implements UserDetails, PeduliPrincipal, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String fullName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final String locale;
    private final int securityStamp;
    private final List<RoleGrant> grants;

    AccountDetails(
            long userId,
            String username,
            String fullName,
            String passwordHash,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            String locale,
            int securityStamp,
            List<RoleGrant> grants) {
        this.userId = userId;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.locale = locale;
        this.securityStamp = securityStamp;
        this.grants = List.copyOf(grants);
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String fullName() {
        return fullName;
    }

    @Override
    public List<RoleGrant> grants() {
        return grants;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    String locale() {
        return locale;
    }

    /** The account's security stamp when this sign-in was made; see {@link SecurityStampFilter}. */
    int securityStamp() {
        return securityStamp;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream()
                .map(g -> "ROLE_" + g.role())
                .distinct()
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountDetails that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AccountDetails[" + username + "]";
    }
}
