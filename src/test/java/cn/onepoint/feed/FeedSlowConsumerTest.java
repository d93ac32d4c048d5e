package cn.onepoint.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that stops reading fills only its own buffer (64 in the test profile) and is closed with 4408. */
@QuarkusTest
class FeedSlowConsumerTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    FeedRuntime runtime;
    @Inject
    OpenConnections connections;
    @Inject
    FeedConfig config;
    @Inject
    FeedConnections feeds;

    private long feedConnections() {
        return connections.findByEndpointId(FeedSocket.ID).size();
    }

    @Test
    void aStalledSubscriberIsDroppedWithoutDelayingAnother() throws Exception {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        long droppedBefore = runtime.droppedSlowConsumers();
        // 256 KiB per event: a few dozen fill the socket buffers of a client that does not read.
        String big = "{\"blob\":\"" + "x".repeat(256 * 1024) + "\"}";
        int events = 160;
        try (FeedClient stalled = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start,
                Map.of("Accept-Language", "en"));
             RawFeedSocket hung = new RawFeedSocket(RestAssured.port, "/ws/feed?since=" + start);
             FeedClient healthy = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> feedConnections() == 3);
            stalled.pause();
            long worstLagMs = 0;
            for (int i = 0; i < events; i++) {
                FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerWarningEvent", "TICKET",
                        UUID.randomUUID(), null, null, null, big);
                long expected = start + i + 1;
                long t0 = System.nanoTime();
                // The healthy client gets each event promptly even while the stalled one's buffer fills up.
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> healthy.lastSeq() >= expected);
                worstLagMs = Math.max(worstLagMs, (System.nanoTime() - t0) / 1_000_000);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.droppedSlowConsumers() >= droppedBefore + 2);
            long droppedAt = System.nanoTime();
            assertEquals(droppedBefore + 2, runtime.droppedSlowConsumers());
            assertTrue(worstLagMs < 2000, "healthy client's worst insert→receipt " + worstLagMs + " ms");
            FeedOrderingTest.assertContiguous(start, healthy.seqs());
            assertNull(healthy.closeCode);

            // Once it reads again it finds what was already on the wire, then the close frame.
            stalled.resume();
            stalled.awaitClose(Duration.ofSeconds(20));
            assertEquals((short) 4408, stalled.closeCode);
            assertTrue(stalled.closeReason.startsWith("Too slow"), stalled.closeReason);
            assertTrue(stalled.messages.size() < events, "dropped before it got everything");
            FeedOrderingTest.assertContiguous(start, stalled.seqs());

            // The hung one cannot take its close frame, which waits behind the data it does not read: after the
            // grace period the server resets its TCP connection, discarding what was queued. Reading now, it
            // finds the stream cut, without the close frame that a connection still held would deliver.
            long graceOver = droppedAt + config.closeGrace().plusSeconds(1).toNanos();
            await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() > graceOver);
            RawFeedSocket.Rest rest = hung.readRest();
            assertTrue(rest.ended(), "stream ended: " + rest);
            assertFalse(rest.closeFrame(), "no close frame: " + rest);
            assertNull(healthy.closeCode);
        }
    }

    /**
     * A client that resumes with since and then reads nothing holds its replay turn only until its page write
     * times out ({@code replay-write-timeout}, 3 s in tests), not until its TCP connection dies: it is closed as
     * too slow and the turn goes back, while its socket is still open.
     */
    @Test
    void aReplayTheClientDoesNotReadIsClosedAndGivesItsTurnBack() throws Exception {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        // One replay page (page-size 50 in tests) of 256 KiB events: far more than the socket buffers take.
        String big = "{\"blob\":\"" + "r".repeat(256 * 1024) + "\"}";
        int events = config.pageSize();
        for (int i = 0; i < events; i++) {
            FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerWarningEvent", "TICKET",
                    UUID.randomUUID(), null, null, null, big);
        }
        FeedTestSupport.awaitAllSequenced(pool);
        long end = FeedTestSupport.lastSeq(pool);
        long droppedBefore = runtime.droppedSlowConsumers();
        try (RawFeedSocket hung = new RawFeedSocket(RestAssured.port, "/ws/feed?since=" + start)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> feeds.replays().inUse() == 1);
            long turnTaken = System.nanoTime();
            await().atMost(config.replayWriteTimeout().plusSeconds(5))
                    .until(() -> feeds.replays().inUse() == 0);
            long heldMs = (System.nanoTime() - turnTaken) / 1_000_000;
            assertTrue(heldMs < config.closeGrace().toMillis(), "turn held " + heldMs + " ms");
            assertEquals(droppedBefore + 1, runtime.droppedSlowConsumers());

            // Everyone else replays as usual meanwhile.
            try (FeedClient healthy = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> healthy.lastSeq() == end);
                FeedOrderingTest.assertContiguous(start, healthy.seqs());
                assertNull(healthy.closeCode);
            }
        }
    }
}
