package cn.onepoint.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention: a purge removes a prefix of the sequence; a since inside the removed part closes with 4410. */
@QuarkusTest
class FeedRetentionTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    FeedRuntime runtime;
    @Inject
    FeedStore store;

    private long insertSequenced(Instant eventTime) {
        long id = FeedTestSupport.insert(pool, eventTime, "tickets", "TroubleTicketCreateEvent", UUID.randomUUID());
        FeedTestSupport.awaitAllSequenced(pool);
        return FeedTestSupport.seqOf(pool, id);
    }

    private boolean exists(long seq) {
        return pool.preparedQuery("select count(*) from event_outbox where seq = $1").execute(Tuple.of(seq))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == 1;
    }

    @Test
    void purgeCutsAPrefixSoThatNoHoleIsLeftBehind() {
        Instant now = clock.instant();
        // Start from an empty retained range (earlier tests' events are recent and would be the cut point).
        FeedTestSupport.awaitAllSequenced(pool);
        runtime.purgeBefore(now.plusSeconds(60)).await().atMost(Duration.ofSeconds(10));
        long c = insertSequenced(now.minus(Duration.ofDays(9)));
        long d = insertSequenced(now.minus(Duration.ofDays(8)));
        long e = insertSequenced(now);
        // A late committer: f comes after e in the feed but carries an older event_time.
        long f = insertSequenced(now.minus(Duration.ofDays(10)));
        runtime.purgeBefore(now.minus(Duration.ofDays(7))).await().atMost(Duration.ofSeconds(10));
        // Everything before e, the first event inside the window, is gone; f is past retention but after e,
        // so it stays: deleting it would leave a hole that a client with since=e would silently skip.
        assertTrue(!exists(c) && !exists(d), "expired prefix purged");
        assertTrue(exists(e) && exists(f), "no hole after the first retained event");
    }

    @Test
    void aSinceOlderThanTheOldestRetainedEventClosesWithTheReloadCode() {
        long before = insertSequenced(clock.instant());
        long kept = insertSequenced(clock.instant());
        // Purge everything up to now: the retained range becomes empty, the sequence goes on after `kept`.
        runtime.purgeBefore(clock.instant().plusSeconds(60)).await().atMost(Duration.ofSeconds(10));
        assertTrue(!exists(before) && !exists(kept));

        Map<String, String> en = Map.of("Accept-Language", "en");
        try (FeedClient tooOld = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + (before - 1), en)) {
            tooOld.awaitClose(Duration.ofSeconds(10));
            assertEquals((short) 4410, tooOld.closeCode);
            assertTrue(tooOld.closeReason.startsWith("since too old"), tooOld.closeReason);
            assertTrue(tooOld.closeReason.endsWith("reload state"), tooOld.closeReason);
            assertTrue(tooOld.messages.isEmpty());
        }
        try (FeedClient ahead = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + (kept + 1000))) {
            ahead.awaitClose(Duration.ofSeconds(10));
            assertEquals((short) 4410, ahead.closeCode);
        }
        // A client that had seen everything (since = the last seq) loses nothing: it goes on live.
        try (FeedClient upToDate = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + kept);
             FeedClient ticketFeed = FeedClient.connect(vertx, RestAssured.port,
                     "/ws/tickets/" + UUID.randomUUID() + "?since=" + (before - 1))) {
            ticketFeed.awaitClose(Duration.ofSeconds(10));
            assertEquals((short) 4410, ticketFeed.closeCode);
            long next = insertSequenced(clock.instant());
            assertEquals(kept + 1, next);
            await().atMost(Duration.ofSeconds(10)).until(() -> upToDate.lastSeq() == next);
            FeedOrderingTest.assertContiguous(kept, upToDate.seqs());
            assertNull(upToDate.closeCode);
        }
    }

    /**
     * Clients replaying the same range from the table share its pages (read and framed once), and a page kept in
     * memory answers exactly as the table would: once its events are purged, the same since closes with 4410.
     */
    @Test
    void replayPagesAreSharedButNeverOutliveRetention() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        // Six pages' worth (page-size 50 in tests), far more than the 20 events the fan-out keeps in memory.
        for (int i = 0; i < 300; i++) {
            FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketCreateEvent", UUID.randomUUID());
        }
        FeedTestSupport.awaitAllSequenced(pool);
        long end = FeedTestSupport.lastSeq(pool);
        List<Long> first;
        try (FeedClient a = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> a.lastSeq() == end);
            first = a.seqs();
        }
        FeedOrderingTest.assertContiguous(start, first);
        long sharedBefore = store.replayPagesShared();
        try (FeedClient b = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> b.lastSeq() == end);
            assertEquals(first, b.seqs());
        }
        assertTrue(store.replayPagesShared() - sharedBefore >= 4,
                "pages from memory: " + (store.replayPagesShared() - sharedBefore));

        runtime.purgeBefore(clock.instant().plusSeconds(60)).await().atMost(Duration.ofSeconds(10));
        try (FeedClient late = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            late.awaitClose(Duration.ofSeconds(10));
            assertEquals((short) 4410, late.closeCode);
            assertTrue(late.messages.isEmpty());
        }
    }
}
