package cn.onepoint.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns a conflict PostgreSQL detected in a command's transaction into the answer the caller
 * would have got had the two requests come one after the other (docs/errors.md, concurrency):
 * <ul>
 * <li>a duplicate of a code the caller chose (a unique constraint of {@link #FIELDS}): 400 naming the field, as the
 * check before the insert answers;</li>
 * <li>any other unique violation (23505), a serialization failure (40001) or a deadlock (40P01): 409
 * {@code CONFLICT}, read again and retry.</li>
 * </ul>
 * Commands lock the aggregate they change ({@link Commands#lock}), so these are the rare races a lock cannot
 * cover, such as two creates of one code.
 */
public final class DatabaseConflicts {

    /* 23505 unique_violation, 40001 serialization_failure, 40P01 deadlock_detected. */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    /* Unique constraints of the migrations that guard a field of a create request: constraint → field. */
    private static final Map<String, String> FIELDS = Map.of(
            "unit_code_key", "code",
            "customer_code_key", "code",
            "circuit_code_key", "code",
            "resource_node_code_key", "code");

    /* The value in PostgreSQL's detail: Key (code)=(BJ-01) already exists. */
    private static final Pattern KEY = Pattern.compile("^Key \\((?:[^)]*)\\)=\\((.*)\\) already exists\\.?$");

    private DatabaseConflicts() {
    }

    /** The refusal {@code failure} stands for, when one of its causes is such a conflict. */
    public static Optional<DomainException> explain(Throwable failure) {
        return Causes.find(failure, DatabaseConflicts::is).map(t -> refusal((DatabaseException) t));
    }

    private static boolean is(Throwable t) {
        return t instanceof DatabaseException db && STATES.contains(db.getSqlState());
    }

    private static DomainException refusal(DatabaseException db) {
        String field = db instanceof PgException pg && pg.getConstraint() != null ? FIELDS.get(pg.getConstraint()) : null;
        if (field != null && "23505".equals(db.getSqlState())) {
            return FieldErrors.single(field, "field.duplicate", value(((PgException) db).getDetail()));
        }
        return DomainException.conflict("CONFLICT", "concurrentConflict");
    }

    private static String value(String detail) {
        Matcher m = detail == null ? null : KEY.matcher(detail);
        return m != null && m.matches() ? m.group(1) : "";
    }
}
