package cn.onepoint.feed;

import java.util.ArrayDeque;

/**
 * Bounds how many replay pages are read and in flight at once on this instance. After a restart or a burst of
 * reconnects, thousands of connections may replay together; each page holds up to page-size messages in memory
 * until written, so without a bound memory grows with the number of replaying connections. Pages are granted in
 * arrival order, page by page, so long replays interleave fairly with short ones.
 */
final class ReplayGate {

    private final int permits;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int used;

    ReplayGate(int permits) {
        this.permits = Math.max(1, permits);
    }

    /** Runs {@code task} now or when a permit frees; the task must call {@link #release()} exactly once. */
    void acquire(Runnable task) {
        synchronized (this) {
            if (used >= permits) {
                waiting.add(task);
                return;
            }
            used++;
        }
        task.run();
    }

    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                used--;
                return;
            }
        }
        next.run();
    }
}
