package cn.onepoint.feed;

import io.vertx.mutiny.core.Vertx;

import java.time.Duration;

/**
 * Spaces the starts of rounds (a relay transaction, a fan-out read) at least {@code interval} apart. Under load,
 * what arrives within one interval is then handled by one round instead of one round each: fewer transactions
 * for the relay, one write per connection for many events in the fan-out. When work comes further apart than
 * the interval, a round starts at once, so a quiet feed adds no delay; a busy one adds at most the interval.
 */
final class Pacer {

    private final Vertx vertx;
    private final long intervalNanos;
    // Guarded by this.
    private long lastStart;
    private boolean timerSet;

    Pacer(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        this.intervalNanos = interval.toNanos();
        this.lastStart = System.nanoTime() - intervalNanos;
    }

    /**
     * True when a round may start now (noted as its start). Otherwise {@code later} runs once when the interval
     * has passed (a second call meanwhile does not arrange another), and the caller should try again then.
     * {@code later} never runs inside this call, so a caller may hold its own lock around it.
     */
    boolean mayStart(Runnable later) {
        long delay;
        synchronized (this) {
            if (timerSet) {
                return false;
            }
            long now = System.nanoTime();
            delay = lastStart + intervalNanos - now;
            if (delay <= 0) {
                lastStart = now;
                return true;
            }
            timerSet = true;
        }
        vertx.setTimer(Math.max(1, (delay + 999_999) / 1_000_000), id -> {
            synchronized (this) {
                timerSet = false;
            }
            later.run();
        });
        return false;
    }

    /** A round that starts without waiting (catching up on a backlog) still counts as the latest start. */
    synchronized void started() {
        lastStart = System.nanoTime();
    }
}
