package cn.onepoint.common;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a conflict PostgreSQL detected answers, however Hibernate Reactive wraps it. */
class DatabaseConflictsTest {

    @Test
    void aDuplicateCodeIsTheFieldsErrorUnderWhatHibernateReactiveWrapsItIn() {
        Throwable e = new CompletionException(hibernate("23505",
                "ERROR: duplicate key value violates unique constraint \"unit_code_key\" (23505)"));
        DomainException d = DatabaseConflicts.explain(e).orElseThrow();
        assertEquals(400, d.status());
        assertEquals(List.of("code"), d.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void anyOtherDuplicateASerializationFailureAndADeadlockAreConflicts() {
        for (Throwable e : List.of(
                hibernate("23505", "ERROR: duplicate key value violates unique constraint \"timer_open_uq\" (23505)"),
                new LockAcquisitionException("deadlock", new SQLException("ERROR: deadlock detected (40P01)", "40P01")),
                new PgException("could not serialize access due to concurrent update", "ERROR", "40001", null))) {
            DomainException d = DatabaseConflicts.explain(e).orElseThrow();
            assertEquals(409, d.status(), e.toString());
            assertEquals("CONFLICT", d.code());
        }
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertTrue(DatabaseConflicts.explain(hibernate("23503", "violates foreign key constraint \"x\"")).isEmpty());
        assertTrue(DatabaseConflicts.explain(new IllegalStateException("boom")).isEmpty());
    }

    private static Throwable hibernate(String state, String message) {
        return new ConstraintViolationException("error executing SQL statement", new SQLException(message, state), null);
    }
}
