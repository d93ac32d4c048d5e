package cn.onepoint.feed;

import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Bounds how many replay pages are read and in flight at once on this instance. After a restart or a burst of
 * reconnects, thousands of connections may replay together; each page holds up to page-size messages in memory
 * until written, so without a bound memory grows with the number of replaying connections. Pages are granted in
 * arrival order, page by page, so long replays interleave fairly with short ones.
 *
 * <p>A freed permit goes to the next waiter on the releasing thread, but never inside the release call: a run of
 * waiters that finish at once (connections closed while they waited, pages answered from memory) is worked off in
 * a loop, not by recursion, which a long enough run would overflow, losing the permit it held.
 */
final class ReplayGate {

    private static final Logger LOG = Logger.getLogger(ReplayGate.class);
    /** Hand-offs waiting to run on this thread while it is already running one. */
    private static final ThreadLocal<ArrayDeque<Runnable>> HAND_OFFS = new ThreadLocal<>();

    /** One page's right to read and write. Releasing it more than once is harmless. */
    final class Permit {
        private final AtomicBoolean held = new AtomicBoolean(true);

        void release() {
            if (held.compareAndSet(true, false)) {
                free();
            }
        }
    }

    private final int permits;
    private final ArrayDeque<Consumer<Permit>> waiting = new ArrayDeque<>();
    private int used;

    ReplayGate(int permits) {
        this.permits = Math.max(1, permits);
    }

    /** Runs {@code task} now or when a permit frees; the task must release its permit when its page is done. */
    void acquire(Consumer<Permit> task) {
        synchronized (this) {
            if (used >= permits) {
                waiting.add(task);
                return;
            }
            used++;
        }
        run(task);
    }

    /** Permits held now (tests). */
    synchronized int inUse() {
        return used;
    }

    private void free() {
        Consumer<Permit> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                used--;
                return;
            }
        }
        run(next);
    }

    private void run(Consumer<Permit> task) {
        Permit permit = new Permit();
        Runnable handOff = () -> {
            try {
                task.accept(permit);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Feed replay page failed before it was written");
                permit.release();
            }
        };
        ArrayDeque<Runnable> queue = HAND_OFFS.get();
        if (queue != null) {
            queue.add(handOff); // this thread is inside a hand-off already: run after it, not within it
            return;
        }
        queue = new ArrayDeque<>();
        HAND_OFFS.set(queue);
        try {
            for (Runnable r = handOff; r != null; r = queue.poll()) {
                r.run();
            }
        } finally {
            HAND_OFFS.remove();
        }
    }
}
