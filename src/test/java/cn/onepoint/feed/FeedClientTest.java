package cn.onepoint.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.feed.FeedOrderingTest.assertContiguous;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The feed tests' own client: it records what the server sent, however its caller's thread is scheduled. */
@QuarkusTest
class FeedClientTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    FeedRuntime runtime;

    /**
     * A since inside the events kept in memory is replayed without a query, so those messages leave the server
     * right behind the handshake. A caller paused between starting the connection and setting its handlers (a
     * loaded machine) lost them: the client then saw only the next live event, as if the feed had skipped.
     */
    @Test
    void aReplayFromMemoryIsRecordedEvenWhenTheCallerIsPausedWhileConnecting() {
        FeedTestSupport.awaitAllSequenced(pool);
        for (int i = 0; i < 5; i++) {
            FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketStatusChangeEvent",
                    UUID.randomUUID());
        }
        FeedTestSupport.awaitAllSequenced(pool);
        long end = FeedTestSupport.lastSeq(pool);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.fanout().cursor() >= end);
        // A first connection, so the one below does not spend the pause on class loading and warm-up.
        FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + end).close();

        long since = end - 5;
        try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + since, Map.of(),
                () -> pause(Duration.ofMillis(500)))) {
            long next = FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketStatusChangeEvent",
                    UUID.randomUUID());
            FeedTestSupport.awaitAllSequenced(pool);
            long seqOfNext = FeedTestSupport.seqOf(pool, next);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.lastSeq() == seqOfNext);
            assertContiguous(since, client.seqs());
            assertEquals(6, client.seqs().size());
            assertNull(client.closeCode);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
