package cn.onepoint.common;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * Recognises the failures that mean "PostgreSQL cannot be reached right now", whatever wraps them (Hibernate
 * Reactive, Mutiny): a transient condition the client should retry, answered 503 with {@code Retry-After}
 * (docs/reliability.md), not a bug answered 500.
 */
public final class DatabaseUnavailable {

    /*
     * SQLSTATE class 08 (connection exception) and the server going away or not accepting sessions yet:
     * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /* What the Vert.x pool fails a waiter with when onepoint.database.connection-wait runs out. */
    private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout", "Timeout waiting for connection");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes (see {@link Causes}) says the database cannot be reached. */
    public static boolean explains(Throwable failure) {
        return Causes.find(failure, DatabaseUnavailable::is).isPresent();
    }

    private static boolean is(Throwable t) {
        // Refused, reset, unreachable or closed under a statement: SocketException covers ConnectException too.
        if (t instanceof ConnectionPoolTooBusyException || t instanceof ClosedConnectionException
                || t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof UnknownHostException) {
            return true;
        }
        if (t instanceof DatabaseException db && db.getSqlState() != null) {
            return db.getSqlState().startsWith("08") || STATES.contains(db.getSqlState());
        }
        return (t instanceof NoStackTraceThrowable || t.getClass() == VertxException.class)
                && POOL_TIMEOUTS.contains(t.getMessage());
    }
}
