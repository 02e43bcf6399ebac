package io.quanyu.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure a consumer should wait out (the database or broker away, a conflict with a concurrent writer, a
 * deployment error) from one that the record itself causes and that would repeat for ever (a data error). The first
 * is retried with readiness DOWN; the second costs the one record, which is parked on the dead-letter topic.
 */
public final class Failures {

    /** SQLSTATE classes an operator or a retry fixes: connection, transaction rollback, resources, operator intervention, system, configuration. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "55", "57", "58", "XX", "42", "3D", "3F", "28", "0A", "HY");

    private Failures() {
    }

    /**
     * Whether {@code failure} is worth retrying as it is; false means the record is at fault. The innermost cause
     * that says something specific (a SQLSTATE, a broker error, a parse error) decides; a failure with only
     * generic runtime exceptions (arithmetic, a null, a number format) is the data's.
     */
    public static boolean isTransient(Throwable failure) {
        Kind decided = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            Kind k = classOf(t);
            if (k != Kind.GENERIC) {
                decided = k;
            }
        }
        return decided == Kind.TRANSIENT;
    }

    /** One line for a log or a dead letter: the innermost cause says what the data did. */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof SQLException) {
                break; // its message is the database's own reason
            }
            t = t.getCause();
        }
        String m = t.getMessage();
        String line = t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    private enum Kind { TRANSIENT, DATA, GENERIC }

    private static Kind classOf(Throwable t) {
        if (t instanceof SQLException sql) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return Kind.TRANSIENT;
            }
            String state = sql.getSQLState();
            // No state: the pool or the driver itself (acquisition timeout, closed connection), not the data.
            if (state == null || state.length() < 2) {
                return Kind.TRANSIENT;
            }
            return TRANSIENT_CLASSES.contains(state.substring(0, 2)) ? Kind.TRANSIENT : Kind.DATA;
        }
        if (t instanceof JsonProcessingException) {
            return Kind.DATA;
        }
        if (t instanceof RetriableException || t instanceof AuthenticationException || t instanceof AuthorizationException
                || t instanceof IOException || t instanceof java.util.concurrent.TimeoutException || t instanceof InterruptedException) {
            return Kind.TRANSIENT;
        }
        // Arithmetic, number format, a null where data should be, deeply nested input: the record's own doing,
        // unless a cause inside says otherwise.
        return Kind.GENERIC;
    }
}
