package cn.onepoint.common;

import io.smallrye.mutiny.CompositeException;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Walks what wraps a failure (Hibernate Reactive, Vert.x, {@code CompletionException}) down to the cause that
 * explains it. Mutiny reports a failure that ran into another while cleaning up (the rollback after a lost
 * connection) as a {@link CompositeException}: each of its causes counts.
 */
final class Causes {

    private static final int DEPTH = 32;

    private Causes() {
    }

    /** The first throwable of the chain, {@code failure} included, that {@code test} accepts. */
    static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test) {
        return Optional.ofNullable(find(failure, test, 0));
    }

    private static Throwable find(Throwable failure, Predicate<Throwable> test, int depth) {
        for (Throwable t = failure; t != null && depth < DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (test.test(t)) {
                return t;
            }
            if (t instanceof CompositeException composite) {
                for (Throwable cause : composite.getCauses()) {
                    Throwable found = cause == t ? null : find(cause, test, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
