package cn.onepoint.feed;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** This instance's relay candidate and fan-out, their lifecycle, metrics and the retention job. */
@Singleton
public class FeedRuntime {

    private static final Logger LOG = Logger.getLogger(FeedRuntime.class);
    private static final int PURGE_BATCH = 10_000;

    private final FeedConfig config;
    private final FeedStore store;
    private final Clock clock;
    private final SequenceRelay relay;
    private final FeedFanout fanout;
    private final AtomicLong droppedSlow = new AtomicLong();

    public FeedRuntime(FeedConfig config, FeedStore store, PgOptions pg, Vertx vertx, Clock clock,
                       MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.fanout = new FeedFanout(vertx, pg.options(), store, config.pageSize(), config.pollInterval(),
                config.roundInterval(), config.recentEvents());
        this.relay = new SequenceRelay(vertx, pg.options(),
                new SequenceRelay.Settings(config.relay().lockKey(), config.relay().batchSize(),
                        config.pollInterval(), config.relay().electionInterval(),
                        config.relay().roundInterval(), config.relay().timeout()),
                clock, fanout::wake);
        Gauge.builder("onepoint.feed.relay.lag", relay, SequenceRelay::lagSeconds).baseUnit("seconds")
                .description("Now minus the oldest unsequenced outbox event_time (on the relay leader; NaN elsewhere)")
                .register(metrics);
        Gauge.builder("onepoint.feed.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
                .description("1 when this instance holds the relay's advisory lock").register(metrics);
        FunctionCounter.builder("onepoint.feed.relay.sequenced", relay, SequenceRelay::sequenced)
                .description("Outbox rows this instance's relay gave a seq to").register(metrics);
        FunctionCounter.builder("onepoint.feed.replay.pages.shared", store, FeedStore::replayPagesShared)
                .description("Replay pages served from memory, read from the table for another connection")
                .register(metrics);
        FunctionCounter.builder("onepoint.feed.relay.timeouts", relay, SequenceRelay::timeouts)
                .description("Relay connections given up because PostgreSQL did not answer in time").register(metrics);
        Gauge.builder("onepoint.feed.connections", fanout, FeedFanout::sinks)
                .description("Open feed WebSocket connections on this instance").register(metrics);
        FunctionCounter.builder("onepoint.feed.slow.consumers.dropped", droppedSlow, AtomicLong::get)
                .description("Feed connections closed with 4408 because their buffer filled").register(metrics);
    }

    void onStart(@Observes StartupEvent ev) {
        fanout.start().await().atMost(Duration.ofSeconds(30));
        if (config.relay().enabled()) {
            relay.start();
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        relay.stop().await().atMost(Duration.ofSeconds(5));
        fanout.stop().await().atMost(Duration.ofSeconds(5));
    }

    public SequenceRelay relay() {
        return relay;
    }

    public FeedFanout fanout() {
        return fanout;
    }

    /** A replay page after {@code cursor} from the fan-out's recent events, or null (replay from the table). */
    FeedStore.Page recentAfter(long cursor, int max) {
        return fanout.recentAfter(cursor, max, clock.instant().minus(config.retention()));
    }

    public FeedStore store() {
        return store;
    }

    void droppedSlowConsumer() {
        droppedSlow.incrementAndGet();
    }

    public long droppedSlowConsumers() {
        return droppedSlow.get();
    }

    /** Retention: only the relay leader purges, so N instances do not race for the same rows. */
    @Scheduled(every = "${onepoint.feed.purge-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        if (!relay.isLeader()) {
            return Uni.createFrom().voidItem();
        }
        return purgeBefore(clock.instant().minus(config.retention()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Feed retention purged %d events older than %s", n, config.retention());
                    }
                }).replaceWithVoid();
    }

    /** Deletes the retained prefix before {@code cutoff} (see {@link FeedStore#purge}). */
    public Uni<Long> purgeBefore(Instant cutoff) {
        fanout.purged(cutoff);
        return store.purge(cutoff, PURGE_BATCH);
    }
}
