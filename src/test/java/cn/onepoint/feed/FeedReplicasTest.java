package cn.onepoint.feed;

import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
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
                        config.relay().roundInterval()),
                clock, rounds::incrementAndGet);
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
}
