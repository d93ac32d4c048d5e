package cn.onepoint.feed;

import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic trap (ids taken before commit) and resuming with since while events keep flowing. */
@QuarkusTest
class FeedOrderingTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    FeedRuntime runtime;
    @Inject
    FeedConnections connections;
    @Inject
    FeedConfig config;

    @Test
    void aTransactionCommittingAfterALargerIdIsNeitherLostNorReordered() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            SqlConnection a = pool.getConnection().await().atMost(Duration.ofSeconds(5));
            SqlConnection b = pool.getConnection().await().atMost(Duration.ofSeconds(5));
            try {
                Transaction ta = a.begin().await().atMost(Duration.ofSeconds(5));
                long idA = FeedTestSupport.insert(a, clock.instant(), "tickets", "TroubleTicketCreateEvent",
                        UUID.randomUUID());
                Transaction tb = b.begin().await().atMost(Duration.ofSeconds(5));
                long idB = FeedTestSupport.insert(b, clock.instant(), "tickets", "TroubleTicketCreateEvent",
                        UUID.randomUUID());
                assertTrue(idB > idA);
                tb.commit().await().atMost(Duration.ofSeconds(5));

                // B is committed, but A (older transaction, smaller id) is still in flight: B must wait, or a
                // client that saw B's position could never be given A.
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                        .until(() -> FeedTestSupport.seqOf(pool, idB) == null);
                assertEquals(List.of(), client.seqs());
                // The held-back row shows as relay lag (now − its event_time).
                assertTrue(runtime.relay().lagSeconds() >= 1.0, "lag " + runtime.relay().lagSeconds());

                ta.commit().await().atMost(Duration.ofSeconds(5));
                await().atMost(Duration.ofSeconds(10)).until(() -> FeedTestSupport.seqOf(pool, idA) != null
                        && FeedTestSupport.seqOf(pool, idB) != null);
                long seqA = FeedTestSupport.seqOf(pool, idA);
                long seqB = FeedTestSupport.seqOf(pool, idB);
                assertTrue(seqA < seqB, "A began first, so it comes first: " + seqA + " / " + seqB);

                await().atMost(Duration.ofSeconds(10)).until(() -> client.seqs().contains(seqB));
                List<Long> seen = client.seqs();
                assertTrue(seen.contains(seqA) && seen.contains(seqB));
                assertContiguous(start, seen);
            } finally {
                a.closeAndForget();
                b.closeAndForget();
            }
        }
    }

    @Test
    void resumingWithSinceAcrossReconnectsLosesNothingAndDoublesNothing() throws Exception {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);

        List<String> created = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                created.add(w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk));
            }
        });

        List<JsonObject> all = new ArrayList<>();
        long since = start;
        int connections = 0;
        while (!writer.isDone() || connections == 0) {
            FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + since);
            connections++;
            int before = created.size();
            // Stay until a few more tickets were created, then drop the connection mid-stream.
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.isDone() || created.size() >= before + 3);
            client.close();
            all.addAll(client.messages);
            if (!client.messages.isEmpty()) {
                since = client.lastSeq();
            }
        }
        writer.get(60, TimeUnit.SECONDS);
        FeedTestSupport.awaitAllSequenced(pool);
        long end = FeedTestSupport.lastSeq(pool);
        long resumeAt = since;
        try (FeedClient last = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + resumeAt)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Math.max(resumeAt, last.lastSeq()) >= end);
            all.addAll(last.messages);
        }

        assertTrue(connections >= 3, "reconnected while events flowed: " + connections);
        List<Long> seqs = all.stream().map(m -> m.getLong("seq")).collect(Collectors.toList());
        assertContiguous(start, seqs);
        assertEquals(end, seqs.get(seqs.size() - 1));
        Map<String, Integer> createEvents = new HashMap<>();
        for (JsonObject m : all) {
            if ("TroubleTicketCreateEvent".equals(m.getString("eventType"))) {
                createEvents.merge(m.getJsonObject("event").getString("id"), 1, Integer::sum);
            }
        }
        for (String id : created) {
            assertEquals(1, createEvents.getOrDefault(id, 0), "create event of " + id);
        }
        assertEquals(Set.copyOf(created), createEvents.keySet());
    }

    @Test
    void messagesHaveTheShapeOfTheApi() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            String id = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.messages.stream()
                    .anyMatch(m -> id.equals(m.getJsonObject("event").getString("id"))));
            JsonObject m = client.messages.stream()
                    .filter(x -> id.equals(x.getJsonObject("event").getString("id"))).findFirst().orElseThrow();
            assertEquals(Set.of("seq", "eventType", "eventTime", "event"), m.fieldNames());
            assertEquals("TroubleTicketCreateEvent", m.getString("eventType"));
            assertNotNull(Instant.parse(m.getString("eventTime")));
            assertTrue(m.getString("eventTime").endsWith("Z"));
            assertEquals("acknowledged", m.getJsonObject("event").getString("status"));
            assertTrue(m.getLong("seq") > start);
            assertNull(client.closeCode);
        }
    }

    /**
     * The fan-out keeps only the last events in memory (20 in tests): a since further back replays from the
     * table, then from memory, then goes live, with no seam visible to the client.
     */
    @Test
    void resumingFromBeyondTheEventsKeptInMemoryReplaysFromTheTable() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        for (int i = 0; i < 75; i++) {
            FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketStatusChangeEvent",
                    UUID.randomUUID());
        }
        FeedTestSupport.awaitAllSequenced(pool);
        long end = FeedTestSupport.lastSeq(pool);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.fanout().cursor() >= end);
        for (long since : new long[]{start, end - 30, end - 20, end - 5, end}) {
            try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + since)) {
                long next = FeedTestSupport.insert(pool, clock.instant(), "tickets",
                        "TroubleTicketStatusChangeEvent", UUID.randomUUID());
                FeedTestSupport.awaitAllSequenced(pool);
                long seqOfNext = FeedTestSupport.seqOf(pool, next);
                await().atMost(Duration.ofSeconds(10)).until(() -> client.lastSeq() == seqOfNext);
                assertContiguous(since, client.seqs());
                assertNull(client.closeCode);
            }
        }
    }

    /**
     * A client that waits its turn to replay (every replay permit taken, as in a reconnect storm) while more live
     * events arrive than its buffer holds is not closed as too slow: it gets everything, in order, once its turn
     * comes.
     */
    @Test
    void aClientWaitingToReplayIsNotClosedAsTooSlowAndMissesNothing() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketStatusChangeEvent", UUID.randomUUID());
        int permits = config.replayConcurrency();
        List<ReplayGate.Permit> held = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            connections.replays().acquire(held::add);
        }
        assertEquals(permits, held.size());
        FeedClient client;
        try {
            client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start);
            int live = config.buffer() * 2 + 10;
            for (int i = 0; i < live; i++) {
                FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketStatusChangeEvent",
                        UUID.randomUUID());
            }
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.fanout().cursor() >= end);
            assertTrue(client.messages.isEmpty(), "still waiting for a replay permit");
        } finally {
            held.forEach(ReplayGate.Permit::release);
        }
        try (client) {
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.lastSeq() == end || client.closeCode != null);
            assertNull(client.closeCode, () -> "closed: " + client.closeCode + " " + client.closeReason);
            assertContiguous(start, client.seqs());
        }
    }

    /**
     * Messages are framed by hand for every connection at once: a message larger than one frame (fragmented)
     * and Chinese text (multi-byte UTF-8) arrive intact, live and replayed, and the next one still lines up.
     */
    @Test
    void largeAndChineseMessagesArriveIntactLiveAndReplayed() {
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        String big = "北京至上海专线中断，光缆被挖断。".repeat(9_000); // ≈ 400 KB of UTF-8: several 64 KB frames
        String[] notes = {"短", big, "x".repeat(125), "y".repeat(126), "z".repeat(65_535), "尾"};
        try (FeedClient live = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            for (String note : notes) {
                FeedTestSupport.insert(pool, clock.instant(), "tickets", "TroubleTicketAttributeValueChangeEvent",
                        "TICKET", UUID.randomUUID(), null, null, null, new JsonObject().put("note", note).encode());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> live.messages.size() == notes.length);
            try (FeedClient replayed = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> replayed.messages.size() == notes.length);
                for (FeedClient c : List.of(live, replayed)) {
                    assertContiguous(start, c.seqs());
                    for (int i = 0; i < notes.length; i++) {
                        assertEquals(notes[i], c.messages.get(i).getJsonObject("event").getString("note"),
                                "message " + i);
                    }
                    assertNull(c.closeCode);
                }
            }
        }
    }

    /** seqs must be exactly start+1, start+2, … with no gap, no repeat, in order. */
    static void assertContiguous(long start, List<Long> seqs) {
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(start + 1 + i, seqs.get(i), "position " + i + " of " + seqs);
        }
    }
}
