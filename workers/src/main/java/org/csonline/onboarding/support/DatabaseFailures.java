package org.csonline.onboarding.support;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a database that cannot be reached (it comes back by itself) from a statement that is wrong (a bug). */
public final class DatabaseFailures {

    /**
     * H2's I/O errors on a remote connection ("IO Exception", 90028 and 90031): the link to the server broke in the
     * middle of a statement. PostgreSQL reports the same with an SQL state of class 08.
     */
    private static final Set<String> H2_IO_ERRORS = Set.of("90028", "90031");

    private DatabaseFailures() {
    }

    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLException sql && isBrokenConnection(sql)) {
                return true;
            }
            // A rollback that failed after the statement did: the statement's failure says why.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isUnreachable(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the driver says the connection itself failed, so it cannot be used again. */
    public static boolean isBrokenConnection(SQLException failure) {
        String state = failure.getSQLState();
        return failure instanceof SQLNonTransientConnectionException || failure instanceof SQLTransientConnectionException
                || state != null && (state.startsWith("08") || H2_IO_ERRORS.contains(state));
    }
}
