package cn.onepoint.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home of uniqueness under concurrency (docs/errors.md, concurrency).
 * <ul>
 * <li>{@link #checkUnique}: the check of a code the caller chose (a unit's, a customer's...) before it is inserted.
 * The code is claimed first ({@code pg_advisory_xact_lock}), so two creates of one code run their check one after
 * the other and the second gets the 400 naming the field, as it would had it come later.</li>
 * <li>{@link #explain}: what a conflict PostgreSQL detected in a command's transaction answers. A duplicate on a
 * constraint of {@link #FIELDS} is that field's 400; any other unique violation (23505), a serialization failure
 * (40001) or a deadlock (40P01) is 409 {@code CONFLICT}: read again and retry. Commands lock the aggregate they
 * change ({@link Commands#lock}), so these are the rare races neither a lock nor a claim covers.</li>
 * </ul>
 */
public final class DatabaseConflicts {

    /* 23505 unique_violation, 40001 serialization_failure, 40P01 deadlock_detected. */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");
    private static final String UNIQUE_VIOLATION = "23505";

    /* The unique constraints of the migrations that guard a field of a create request: constraint → field. */
    private static final Map<String, String> FIELDS = Map.of(
            "unit_code_key", "code",
            "customer_code_key", "code",
            "circuit_code_key", "code",
            "resource_node_code_key", "code",
            "person_login_idx", "login");

    /* Hibernate Reactive passes on PostgreSQL's message only: ... violates unique constraint "unit_code_key" */
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private DatabaseConflicts() {
    }

    /**
     * Records {@code value} as a duplicate on the field {@code constraint} guards when {@code count} finds it taken;
     * the value is claimed for the caller's transaction first.
     */
    public static Uni<Void> checkUnique(FieldErrors errors, String constraint, String value, Supplier<Uni<Long>> count) {
        String field = FIELDS.get(constraint);
        if (field == null) {
            throw new IllegalArgumentException("no field for " + constraint);
        }
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) claimed", Integer.class)
                        .setParameter("key", constraint + ":" + value).getSingleResult())
                .chain(claimed -> count.get())
                .invoke(n -> {
                    if (n > 0) {
                        errors.add(field, "field.duplicate", value);
                    }
                }).replaceWithVoid();
    }

    /** The refusal {@code failure} stands for, when one of its causes is such a conflict. */
    public static Optional<DomainException> explain(Throwable failure) {
        return Causes.find(failure, t -> sqlState(t) != null && STATES.contains(sqlState(t))).map(DatabaseConflicts::refusal);
    }

    private static String sqlState(Throwable t) {
        if (t instanceof DatabaseException db) {
            return db.getSqlState();
        }
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static DomainException refusal(Throwable t) {
        String field = UNIQUE_VIOLATION.equals(sqlState(t)) ? FIELDS.get(constraint(t)) : null;
        if (field != null) {
            // The value itself is not in what reaches here; the field is.
            return FieldErrors.single(field, "field.taken");
        }
        return DomainException.conflict("CONFLICT", "concurrentConflict");
    }

    private static String constraint(Throwable t) {
        if (t instanceof PgException pg && pg.getConstraint() != null) {
            return pg.getConstraint();
        }
        Matcher m = CONSTRAINT.matcher(String.valueOf(t.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
