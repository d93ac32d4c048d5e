package cn.onepoint.it;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Closes what an integration test started; every step runs even when one before it fails: no process outlives it. */
public final class Closing {

    private Closing() {
    }

    /** Closes each in order (nulls skipped); throws the first failure with the others suppressed. */
    public static void all(List<? extends AutoCloseable> resources) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable c : resources) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }

    /** A Vert.x instance of the test's, as something to close (null: nothing). */
    public static AutoCloseable vertx(Vertx vertx) {
        return vertx == null ? null
                : () -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
