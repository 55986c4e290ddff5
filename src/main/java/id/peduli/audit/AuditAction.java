package id.peduli.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What was done, stored as its code. The general actions are constants here; a module declares its own with
 * {@link #of(String)} next to the code that uses them (a programme's {@code ENROL}, {@code APPROVE}, {@code PAY},
 * {@code AWARD}) and lists them in an {@link AuditActions} bean so that the audit viewer can filter by them. The
 * viewer shows the message {@code audit.action.<CODE>}, which the declaring module adds to its own messages.
 */
public final class AuditAction {

    /** Upper-case letters, digits and underscores, starting with a letter; at most 40 characters (the column). */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public static final AuditAction VIEW = new AuditAction("VIEW");
    public static final AuditAction CREATE = new AuditAction("CREATE");
    public static final AuditAction UPDATE = new AuditAction("UPDATE");
    public static final AuditAction DELETE = new AuditAction("DELETE");
    public static final AuditAction EXPORT = new AuditAction("EXPORT");
    public static final AuditAction LOGIN = new AuditAction("LOGIN");
    public static final AuditAction LOGIN_FAILED = new AuditAction("LOGIN_FAILED");
    public static final AuditAction LOGOUT = new AuditAction("LOGOUT");
    public static final AuditAction LOCKED = new AuditAction("LOCKED");
    public static final AuditAction PASSWORD_CHANGED = new AuditAction("PASSWORD_CHANGED");
    public static final AuditAction PASSWORD_RESET = new AuditAction("PASSWORD_RESET");
    public static final AuditAction GRANT_CHANGED = new AuditAction("GRANT_CHANGED");
    public static final AuditAction TOKEN_CREATED = new AuditAction("TOKEN_CREATED");
    public static final AuditAction TOKEN_REVOKED = new AuditAction("TOKEN_REVOKED");
    public static final AuditAction MOVE = new AuditAction("MOVE");
    public static final AuditAction MERGE = new AuditAction("MERGE");
    /**
     * A request for personal data refused with 403 or answered 404 (see docs/adr on refused attempts): written by the
     * audit module itself, never by a module.
     */
    public static final AuditAction REFUSED = new AuditAction("REFUSED");

    /** The general actions, in the order the audit viewer lists them before the modules' own. */
    static final java.util.List<AuditAction> GENERAL = java.util.List.of(
            VIEW,
            CREATE,
            UPDATE,
            DELETE,
            EXPORT,
            LOGIN,
            LOGIN_FAILED,
            LOGOUT,
            LOCKED,
            PASSWORD_CHANGED,
            PASSWORD_RESET,
            GRANT_CHANGED,
            TOKEN_CREATED,
            TOKEN_REVOKED,
            MOVE,
            MERGE,
            REFUSED);

    private final String code;

    private AuditAction(String code) {
        this.code = code;
    }

    /**
     * The action with this code; a module keeps the result in a constant.
     *
     * @throws IllegalArgumentException when the code is not upper-case letters, digits and underscores of at most
     *     40 characters starting with a letter
     */
    public static AuditAction of(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("An audit action code is A-Z, 0-9 and _, at most 40: " + code);
        }
        return new AuditAction(code);
    }

    /** The code as stored in the log and used in the message key {@code audit.action.<CODE>}. */
    public String code() {
        return code;
    }

    /** The same as {@link #code()}; kept so that code written against the former enum reads the same. */
    public String name() {
        return code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditAction that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
