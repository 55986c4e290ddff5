package id.peduli.audit;

/** What was done. */
public enum AuditAction {
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
    MERGE
}
