package org.yizhan.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a transient failure (retry for as long as it takes) from a permanent one (dead-letter at
 * once) by the exception and its causes; see ADR 0011. A transient cause anywhere in the chain
 * wins, because drivers and frameworks wrap the failures of the database in their own types.
 */
public final class Failures {

    /** SQLState classes and codes of PostgreSQL that mean "try again later". */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock timeout)
            "57014"); // query_canceled (statement timeout)
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources (too many connections, out of memory, disk full)
            "57P"); // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped

    private static final int MAX_REASON = 300;

    private Failures() {
    }

    /** The kind of {@code failure}. */
    public static FailureKind classify(Throwable failure) {
        boolean permanent = false;
        for (Throwable t : chain(failure)) {
            if (isTransient(t)) {
                return FailureKind.TRANSIENT;
            }
            permanent |= isPermanent(t);
        }
        return permanent ? FailureKind.PERMANENT : FailureKind.UNKNOWN;
    }

    /**
     * The failure in words, for a dead letter's reason and a health report: the innermost
     * exception's type, and the message of our own code's IllegalArgumentException (the handlers'
     * contract checks), never the message of a library, which may quote the payload.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable root = chain.get(chain.size() - 1);
        String text = root.getClass().getSimpleName();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (t instanceof IllegalArgumentException && t.getMessage() != null && thrownByYizhan(t)) {
                text = t == root ? text + ": " + t.getMessage()
                        : t.getClass().getSimpleName() + ": " + t.getMessage() + " (" + text + ")";
                break;
            }
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }

    /** The type of the innermost exception, for logs and health (never a message). */
    public static String rootType(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    /**
     * Whether {@code failure} means the database cannot be used now: no connection (the server is
     * down, restarting or refusing new sessions), a session the server ended, or no connection free
     * in the pool within its wait. A request that meets it is answered 503, not 500: the client may
     * try again, and nothing was written.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null ? thrownBy(t, "io.agroal.")
                        : state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                return thrownBy(t, "io.agroal."); // the pool: acquisition timeout, cannot create a connection
            }
            return TRANSIENT_STATES.contains(state)
                    || TRANSIENT_CLASSES.stream().anyMatch(state::startsWith);
        }
        return t instanceof JDBCConnectionException
                || t instanceof LockAcquisitionException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.QueryTimeoutException
                || t instanceof LockTimeoutException
                || t instanceof PessimisticLockException
                || t instanceof QueryTimeoutException
                || t instanceof OptimisticLockException
                || t instanceof org.hibernate.StaleStateException
                // The commit was refused: the transaction timed out or was rolled back under us.
                || t instanceof RollbackException
                || t instanceof RetriableException
                || t instanceof DeadLetterWriteException;
    }

    private static boolean isPermanent(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && state.startsWith("22"); // data exception: the value does not fit
        }
        return t instanceof IllegalArgumentException
                || t instanceof JsonProcessingException
                || t instanceof DateTimeException
                || t instanceof ConstraintViolationException;
    }

    private static boolean thrownByYizhan(Throwable t) {
        return thrownBy(t, "org.yizhan.");
    }

    private static boolean thrownBy(Throwable t, String packagePrefix) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(packagePrefix);
    }

    /** The exception, its causes and the SQL exceptions chained to them, without repeats. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = failure;
        while (t != null && seen.put(t, Boolean.TRUE) == null) {
            chain.add(t);
            Throwable next = t.getCause();
            if (next == null && t instanceof SQLException sql) {
                next = sql.getNextException();
            }
            t = next;
        }
        return chain;
    }
}
