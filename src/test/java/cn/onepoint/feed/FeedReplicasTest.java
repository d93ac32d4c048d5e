package cn.onepoint.feed;

import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second instance simulated inside the test JVM: a second relay and a second fan-out, each with connections
 * of its own (its own advisory-lock session, its own LISTEN session) to the same database.
 */
@QuarkusTest
class FeedReplicasTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    io.vertx.core.Vertx coreVertx;
    @Inject
    Clock clock;
    @Inject
    FeedRuntime runtime;
    @Inject
    FeedConfig config;
    @Inject
    PgOptions pg;
    @Inject
    FeedStore store;

    private SequenceRelay secondRelay(AtomicInteger rounds) {
        return new SequenceRelay(vertx, pg.options(), new SequenceRelay.Settings(config.relay().lockKey(),
                config.relay().batchSize(), config.pollInterval(), config.relay().electionInterval(),
                        config.relay().roundInterval(), config.relay().timeout()),
                clock, rounds::incrementAndGet);
    }

    /** A relay of its own on the same lock key, polling and electing every {@code poll}. */
    private SequenceRelay quickRelay(Duration poll, Duration timeout) {
        return new SequenceRelay(vertx, pg.options(), new SequenceRelay.Settings(config.relay().lockKey(),
                config.relay().batchSize(), poll, poll, config.relay().roundInterval(), timeout), clock, () -> {
        });
    }

    interface HeldCounterScenario {
        void run(SequenceRelay relay, Transaction held, long start, long waiting);
    }

    /**
     * Runs {@code scenario} with this instance's relay stopped and a quick relay of the test's leading, the counter
     * row locked by the test ({@code held}: a round then waits for it) and one event committed behind it
     * ({@code waiting}, its row id). Restores this instance's relay afterwards; returns the seq before.
     */
    private long withHeldCounter(Duration poll, Duration timeout, HeldCounterScenario scenario) {
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        runtime.relay().stop().await().atMost(Duration.ofSeconds(5));
        SequenceRelay relay = quickRelay(poll, timeout);
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            relay.start();
            await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
            Transaction held = holder.begin().await().atMost(Duration.ofSeconds(5));
            holder.query("select last from feed_sequence where id = 1 for update").execute()
                    .await().atMost(Duration.ofSeconds(5));
            long waiting = FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent",
                    UUID.randomUUID());
            scenario.run(relay, held, start, waiting);
        } finally {
            holder.close().await().atMost(Duration.ofSeconds(5));
            relay.stop().await().atMost(Duration.ofSeconds(5));
            runtime.relay().start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
        return start;
    }

    @Test
    void oneRelayHoldsTheLockTheOtherDoesNotSequenceAndTakesOverWhenTheFirstGoes() {
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        AtomicInteger secondRounds = new AtomicInteger();
        SequenceRelay second = secondRelay(secondRounds);
        try (FeedClient client = FeedClient.connect(coreVertx, RestAssured.port, "/ws/feed?since=" + start)) {
            second.start();
            long firstBefore = runtime.relay().sequenced();
            for (int i = 0; i < 20; i++) {
                FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent", UUID.randomUUID());
            }
            FeedTestSupport.awaitAllSequenced(pool);
            // Several election intervals passed with work to do: the standby tried and lost every time.
            await().pollDelay(Duration.ofMillis(3 * config.relay().electionInterval().toMillis())).until(() -> true);
            assertTrue(runtime.relay().isLeader());
            assertFalse(second.isLeader());
            assertEquals(0, second.sequenced());
            assertEquals(0, secondRounds.get());
            assertEquals(20, runtime.relay().sequenced() - firstBefore);

            // The leader goes away (its lock session closes): the standby takes over within an election interval.
            runtime.relay().stop().await().atMost(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
            for (int i = 0; i < 20; i++) {
                FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent", UUID.randomUUID());
            }
            FeedTestSupport.awaitAllSequenced(pool);
            assertEquals(20, second.sequenced());
            long end = FeedTestSupport.lastSeq(pool);
            assertEquals(start + 40, end);
            // This instance's connections keep receiving what the other instance's relay sequenced.
            await().atMost(Duration.ofSeconds(10)).until(() -> client.lastSeq() == end);
            FeedOrderingTest.assertContiguous(start, client.seqs());
        } finally {
            second.stop().await().atMost(Duration.ofSeconds(5));
            runtime.relay().start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
    }

    @Test
    void aSecondInstanceFanOutReceivesTheSameEventsThroughNotify() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        // Polling once an hour: within this test only LISTEN/NOTIFY can wake the second instance.
        FeedFanout other = new FeedFanout(vertx, pg.options(), store, 50, Duration.ofHours(1), config.roundInterval(),
                config.recentEvents());
        List<Long> otherSeqs = new CopyOnWriteArrayList<>();
        other.register(batch -> batch.events().forEach(e -> otherSeqs.add(e.seq())));
        other.start().await().atMost(Duration.ofSeconds(10));
        try (FeedClient client = FeedClient.connect(coreVertx, RestAssured.port, "/ws/feed?since=" + start)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> other.cursor() >= start);
            for (int i = 0; i < 10; i++) {
                w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
            }
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.lastSeq() == end
                    && !otherSeqs.isEmpty() && otherSeqs.get(otherSeqs.size() - 1) == end);
            assertEquals(client.seqs(), otherSeqs);
            FeedOrderingTest.assertContiguous(start, otherSeqs);
        } finally {
            other.stop().await().atMost(Duration.ofSeconds(5));
        }
    }

    /**
     * PostgreSQL stops answering the leader (here: its round waits on the counter row, which the test holds, as
     * a dead network would leave it waiting). After {@code timeout} the relay gives its connection up; once the
     * server notices the client is gone it ends the session, which releases the advisory lock, and the next
     * election (here by the same relay) takes it again and sequences what waited. No row was numbered twice.
     */
    @Test
    void aRelayThatGetsNoAnswerGivesUpItsConnectionAndTheLockComesBack() {
        withHeldCounter(Duration.ofMillis(300), Duration.ofMillis(1500), (relay, held, start, waiting) -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.timeouts() >= 1);
            assertNull(FeedTestSupport.seqOf(pool, waiting));
            held.rollback().await().atMost(Duration.ofSeconds(5));

            await().atMost(Duration.ofSeconds(15)).until(relay::isLeader);
            FeedTestSupport.awaitAllSequenced(pool);
            assertEquals(start + 1, FeedTestSupport.seqOf(pool, waiting), "numbered once, right after the others");
            assertTrue(relay.sequenced() >= 1);
        });
    }

    /** A sink that fails a round is let go and told so, rather than carrying on with a gap in its seqs. */
    @Test
    void aSinkThatFailsARoundIsLetGoRatherThanLeftWithAGap() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        FeedFanout other = new FeedFanout(vertx, pg.options(), store, 50, Duration.ofMillis(200),
                config.roundInterval(), config.recentEvents());
        List<Long> healthy = new CopyOnWriteArrayList<>();
        List<Throwable> told = new CopyOnWriteArrayList<>();
        other.register(batch -> batch.events().forEach(e -> healthy.add(e.seq())));
        other.register(new FeedSink() {
            @Override
            public void offer(FeedBatch batch) {
                throw new IllegalStateException("no direct memory left");
            }

            @Override
            public void failed(Throwable cause) {
                told.add(cause);
            }
        });
        other.start().await().atMost(Duration.ofSeconds(10));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> other.cursor() >= start);
            assertEquals(2, other.sinks());
            FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent", UUID.randomUUID());
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.contains(end));
            assertEquals(1, told.size());
            assertEquals("no direct memory left", told.get(0).getMessage());
            assertEquals(1, other.sinks(), "the failed sink is no longer offered rounds");
        } finally {
            other.stop().await().atMost(Duration.ofSeconds(5));
        }
    }

    /**
     * A relay stopped in the middle of a round (shutdown, lost leadership) must leave nothing half done. Closing a
     * Vert.x connection rolls its transaction back at once, and statements the round sends after that would run
     * on their own, committed one by one: numbered rows with the counter left behind, so that every later round
     * fails on a duplicate seq and the feed stops. Here the round waits on the counter row (the test holds it),
     * the relay is stopped, the row is let go: the round's next statements must change nothing.
     */
    @Test
    void aRelayStoppedInTheMiddleOfARoundLeavesNothingHalfDone() {
        long start = withHeldCounter(Duration.ofMillis(200), Duration.ofSeconds(30), (relay, held, from, waiting) -> {
            await().pollDelay(Duration.ofMillis(1000)).until(() -> true); // a round is waiting on the counter row
            relay.stop().subscribe().with(v -> {
            }, f -> {
            });
            held.rollback().await().atMost(Duration.ofSeconds(5));
            await().pollDelay(Duration.ofMillis(1000)).until(() -> true);
            assertNull(FeedTestSupport.seqOf(pool, waiting), "the stopped relay numbered a row");
            assertEquals(from, FeedTestSupport.lastSeq(pool));
        });
        FeedTestSupport.awaitAllSequenced(pool);
        assertEquals(start + 1, FeedTestSupport.lastSeq(pool));
    }

    /** A database an earlier version left with rows numbered past the counter recovers instead of stopping. */
    @Test
    void aCounterLeftBehindByAnEarlierVersionCatchesUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        runtime.relay().stop().await().atMost(Duration.ofSeconds(5));
        try {
            long early = FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent",
                    UUID.randomUUID());
            // What the old half-done round left: the row numbered and committed, the counter not moved.
            pool.preparedQuery("update event_outbox set seq = $1 where id = $2").execute(Tuple.of(start + 1, early))
                    .await().atMost(Duration.ofSeconds(5));
            long late = FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent",
                    UUID.randomUUID());
            runtime.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.relay().isLeader());
            FeedTestSupport.awaitAllSequenced(pool);
            assertEquals(start + 2, FeedTestSupport.seqOf(pool, late));
            assertEquals(start + 2, FeedTestSupport.lastSeq(pool));
        } finally {
            runtime.relay().start();
        }
    }
}
