package cn.onepoint.common;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.smallrye.mutiny.CompositeException;
import jakarta.persistence.PersistenceException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are answered 503 "the database cannot be reached", and which stay what they are. */
class DatabaseUnavailableTest {

    @Test
    void noConnectionWithinTheWaitAQueueFullARefusedOrLostConnectionAndAServerGoingDownAreUnavailability() {
        assertTrue(DatabaseUnavailable.explains(new NoStackTraceThrowable("Timeout")));
        assertTrue(DatabaseUnavailable.explains(new VertxException("Timeout waiting for connection", true)));
        assertTrue(DatabaseUnavailable.explains(new ConnectionPoolTooBusyException("max wait queue size reached")));
        assertTrue(DatabaseUnavailable.explains(new ConnectException("Connection refused")));
        assertTrue(DatabaseUnavailable.explains(new ConnectTimeoutException("connection timed out")));
        assertTrue(DatabaseUnavailable.explains(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseUnavailable.explains(pg("57P01", "terminating connection due to administrator command")));
        assertTrue(DatabaseUnavailable.explains(pg("57P03", "the database system is starting up")));
        assertTrue(DatabaseUnavailable.explains(pg("08006", "connection failure")));
        assertTrue(DatabaseUnavailable.explains(pg("53300", "sorry, too many clients already")));
    }

    @Test
    void theCauseIsFoundUnderWhatHibernateReactiveAndFuturesWrapItIn() {
        Throwable refused = new ConnectException("Connection refused");
        assertTrue(DatabaseUnavailable.explains(new CompletionException(
                new PersistenceException("could not obtain a connection", refused))));
    }

    @Test
    void aConnectionResetUnderAStatementCountsAlsoWhenTheRollbackFailedToo() {
        Throwable reset = new SocketException("Connection reset");
        assertTrue(DatabaseUnavailable.explains(new CompositeException(
                new IllegalStateException("rollback failed"), new HibernateException(reset))));
    }

    @Test
    void refusalsBugsAndOtherTimeoutsAreNot() {
        assertFalse(DatabaseUnavailable.explains(pg("23505", "duplicate key value violates unique constraint")));
        assertFalse(DatabaseUnavailable.explains(pg("40001", "could not serialize access")));
        assertFalse(DatabaseUnavailable.explains(new NoStackTraceThrowable("something else")));
        assertFalse(DatabaseUnavailable.explains(new IllegalStateException("Timeout")));
        assertFalse(DatabaseUnavailable.explains(new RuntimeException(new NullPointerException())));
        assertFalse(DatabaseUnavailable.explains(new CompositeException(new IllegalStateException("a"),
                new IllegalArgumentException("b"))));
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
