package id.peduli.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells whether an error means that the database cannot be reached for the moment (stopped, restarting, the network
 * down, the pool waited in vain for a connection): a temporary state answered with 503, not a fault of the request.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    static boolean is(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OptimisticLockingFailureException) {
                return false; // a stale edit, answered 409 elsewhere
            }
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // PostgreSQL's class 08: connection exception (refused, broken, closed by the server).
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
