package cn.onepoint.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance's fan-out: reads sequenced rows after the last one it delivered and hands each, in seq order,
 * to every local sink. Woken by the relay's NOTIFY (LISTEN through {@link PgSubscriber}, which reconnects by
 * itself), by the local relay directly, and by a poll as safety net. Every instance does the same, so every
 * instance delivers every event to its own connections; the table, not the notification, is the truth.
 */
public class FeedFanout {

    private static final Logger LOG = Logger.getLogger(FeedFanout.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final FeedStore store;
    private final int pageSize;
    private final Duration pollInterval;
    private final Pacer pacer;
    private final RecentEvents recent;
    private final Set<FeedSink> sinks = ConcurrentHashMap.newKeySet();

    private volatile long cursor = -1;
    // Guarded by this.
    private boolean running;
    private boolean again;
    private PgSubscriber subscriber;
    private long timer = -1;

    public FeedFanout(Vertx vertx, PgConnectOptions options, FeedStore store, int pageSize, Duration pollInterval,
                      Duration roundInterval, int recentEvents) {
        this.vertx = vertx;
        this.pacer = new Pacer(vertx, roundInterval);
        this.recent = new RecentEvents(recentEvents);
        this.options = options;
        this.store = store;
        this.pageSize = pageSize;
        this.pollInterval = pollInterval;
    }

    /** Starts from the current end of the sequence: what came before is for replay, not for fan-out. */
    public Uni<Void> start() {
        return store.last().invoke(last -> cursor = last).invoke(last -> {
            PgSubscriber s = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1000L);
            s.channel(SequenceRelay.FEED_CHANNEL).subscribeHandler(this::wake).handler(payload -> wake());
            synchronized (this) {
                subscriber = s;
                timer = vertx.setPeriodic(pollInterval.toMillis(), id -> wake());
            }
            listen(s);
        }).replaceWithVoid();
    }

    // The subscriber reconnects by itself once connected; the first connection is retried here.
    private void listen(PgSubscriber s) {
        s.connect().subscribe().with(ok -> wake(), f -> {
            LOG.warnf("Feed LISTEN connection failed (polling continues, retrying): %s", f.getMessage());
            vertx.setTimer(1000, id -> {
                synchronized (this) {
                    if (subscriber != s) {
                        return;
                    }
                }
                listen(s);
            });
        });
    }

    public Uni<Void> stop() {
        PgSubscriber s;
        synchronized (this) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            s = subscriber;
            subscriber = null;
        }
        return s == null ? Uni.createFrom().voidItem() : s.close().onFailure().recoverWithNull();
    }

    public void register(FeedSink sink) {
        sinks.add(sink);
    }

    public void unregister(FeedSink sink) {
        sinks.remove(sink);
    }

    public int sinks() {
        return sinks.size();
    }

    /** A replay page after {@code cursor} from the events this instance delivered last, or null when too old. */
    FeedStore.Page recentAfter(long cursor, int max, Instant retainedFrom) {
        return recent.after(cursor, max, retainedFrom);
    }

    /** A purge with this cutoff ran on this instance (see {@link RecentEvents#purged}). */
    void purged(Instant cutoff) {
        recent.purged(cutoff);
    }

    /** The last seq this instance delivered. */
    public long cursor() {
        return cursor;
    }

    /** Starts a round now, or when the {@link Pacer} allows; a wake during a round makes one more round. */
    public void wake() {
        synchronized (this) {
            if (cursor < 0) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            if (!pacer.mayStart(this::wake)) {
                return;
            }
            running = true;
            again = false;
        }
        read();
    }

    private void read() {
        store.after(cursor, pageSize).subscribe().with(events -> {
            deliver(events);
            boolean backlog = events.size() == pageSize;
            boolean woken;
            synchronized (this) {
                woken = again;
                again = false;
                running = backlog;
            }
            if (backlog) {
                pacer.started();
                read(); // catching up: no need to wait for more to gather
            } else if (woken) {
                wake();
            }
        }, failure -> {
            LOG.warnf("Feed fan-out read failed, retrying on the next wake: %s", failure.getMessage());
            synchronized (this) {
                running = false;
            }
        });
    }

    private static void failQuietly(FeedSink sink, Throwable cause) {
        try {
            sink.failed(cause);
        } catch (RuntimeException again) {
            LOG.debugf("Feed sink could not be closed: %s", again.getMessage());
        }
    }

    private void deliver(List<FeedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long first = events.get(0).seq();
        if (first != cursor + 1) {
            // Retention overtook this instance (it was stopped longer than the retention): its live
            // connections missed events and must reload.
            for (FeedSink sink : sinks) {
                sink.expired(cursor, first);
            }
        }
        // Into the ring before any sink sees the round: a connection registering meanwhile, which this loop
        // may miss, then finds the round in its replay.
        recent.add(events);
        FeedBatch batch = new FeedBatch(events);
        try {
            for (FeedSink sink : sinks) {
                try {
                    sink.offer(batch);
                } catch (RuntimeException | OutOfMemoryError ex) {
                    // It missed this round: continuing would leave a silent gap in its seqs. Out it goes; a
                    // client reconnects with since and gets the round from the replay.
                    LOG.warnf(ex, "Feed sink failed on seqs %d to %d; closing it", first,
                            events.get(events.size() - 1).seq());
                    sinks.remove(sink);
                    failQuietly(sink, ex);
                }
            }
        } finally {
            batch.release();
        }
        cursor = events.get(events.size() - 1).seq();
    }
}
