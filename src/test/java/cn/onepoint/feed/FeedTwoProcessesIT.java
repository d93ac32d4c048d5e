package cn.onepoint.feed;

import cn.onepoint.it.Closing;
import cn.onepoint.it.ItDatabase;
import cn.onepoint.it.ServiceProcess;
import cn.onepoint.ticket.World;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real instances of the service: the packaged jar started twice, each in a JVM of its own on its own port,
 * both on one fresh database (docs/feed.md, "Across replicas"). Unlike {@link FeedReplicasTest}, nothing is
 * shared but PostgreSQL: each process has its own relay candidate, fan-out, LISTEN connection and Vert.x.
 *
 * <p>Run by maven-failsafe after {@code package}: {@code ./mvnw -B verify}. The instances' output is in
 * {@code target/it-instance-a.log} and {@code -b.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedTwoProcessesIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Passed to both instances, so the test can find the relay's lock in pg_locks. */
    private static final long RELAY_LOCK_KEY = 4770101;
    private static final int WRITERS = 4;
    private static final int ROWS_PER_WRITER = 75;

    private static final String INSERT = """
            insert into event_outbox (topic, event_type, subject_type, subject_id, payload, event_time)
            values ('tickets', 'TroubleTicketStatusChangeEvent', 'TICKET', ?, ?::jsonb, now()) returning id""";

    private static ItDatabase db;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static Vertx vertx;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        db = ItDatabase.create();
        vertx = Vertx.vertx();
        // One after the other: the first migrates the fresh database, the second finds it up to date.
        a = ServiceProcess.start("a", instanceEnv());
        a.awaitReady(READY);
        b = ServiceProcess.start("b", instanceEnv());
        b.awaitReady(READY);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = a.port;
    }

    private static Map<String, String> instanceEnv() {
        Map<String, String> env = new HashMap<>(db.serviceEnv());
        env.put("ONEPOINT_FEED_RELAY_LOCK_KEY", Long.toString(RELAY_LOCK_KEY));
        // A crashed leader is replaced within about a second instead of the default few.
        env.put("ONEPOINT_FEED_RELAY_ELECTION_INTERVAL", "500ms");
        env.put("ONEPOINT_FEED_POLL_INTERVAL", "250ms");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Closing.all(Arrays.asList(a, b, Closing.vertx(vertx), db));
    }

    @Test
    @Order(1)
    void aSubscriberOnEachInstanceReceivesTheSameEventsInTheSameGapFreeOrder() throws Exception {
        World w = World.get(); // units, people, customers, circuits, through instance a
        long start = db.settledLastSeq(DELIVERY);
        try (FeedClient onA = FeedClient.connect(vertx, a.port, "/ws/feed?since=" + start);
             FeedClient onB = FeedClient.connect(vertx, b.port, "/ws/feed?since=" + start)) {
            // Raw rows from several connections at once (as the timer engine writes), while tickets are taken
            // through instance a's API: concurrent transactions, numbered by whichever process is the relay.
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<List<Long>>> burst = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                burst.add(writers.submit(() -> insertRows(ROWS_PER_WRITER)));
            }
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tickets.add(w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk));
            }
            tickets.add(w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor));
            List<Long> rowIds = new ArrayList<>();
            for (Future<List<Long>> f : burst) {
                rowIds.addAll(f.get(60, TimeUnit.SECONDS));
            }
            writers.shutdown();

            long end = db.settledLastSeq(DELIVERY);
            await("both subscribers reach seq " + end).atMost(DELIVERY)
                    .until(() -> onA.lastSeq() >= end && onB.lastSeq() >= end);
            List<JsonObject> seenOnA = onA.upTo(end);
            List<JsonObject> seenOnB = onB.upTo(end);
            FeedOrderingTest.assertContiguous(start, seqs(seenOnA));
            assertEquals(end - start, seenOnA.size());
            assertEquals(seenOnA, seenOnB, "instance b delivered other messages than instance a");

            List<Long> rowSeqs = db.seqsOfRows(rowIds);
            assertEquals(WRITERS * ROWS_PER_WRITER, rowSeqs.size());
            assertTrue(seqs(seenOnB).containsAll(rowSeqs), "every raw row reached the subscribers");
            for (String ticket : tickets) {
                assertEquals(1, seenOnB.stream().filter(m -> "TroubleTicketCreateEvent".equals(m.getString("eventType"))
                        && ticket.equals(m.getJsonObject("event").getString("id"))).count(), "create event of " + ticket);
            }
        }
    }

    @Test
    @Order(2)
    void whenTheRelayProcessCrashesTheOtherTakesOverAndItsClientsResumeOnTheSurvivorWithNoGap() throws Exception {
        ServiceProcess leader = awaitOneLeader();
        ServiceProcess survivor = leader == a ? b : a;
        int lockHolder = relayLockHolder();
        long start = db.settledLastSeq(DELIVERY);
        try (FeedClient onLeader = FeedClient.connect(vertx, leader.port, "/ws/feed?since=" + start);
             FeedClient onSurvivor = FeedClient.connect(vertx, survivor.port, "/ws/feed?since=" + start);
             Writer writer = new Writer()) {
            await("the leader's subscriber receives events").atMost(DELIVERY)
                    .until(() -> onLeader.messages.size() >= 50);
            double sequencedBefore = survivor.metric("onepoint_feed_relay_sequenced_total");

            leader.crash();
            int writtenAtCrash = writer.ids.size();
            // PostgreSQL ends the dead process's sessions, which frees the advisory lock; the survivor takes it.
            await("instance " + survivor.name + " becomes the relay").atMost(DELIVERY)
                    .until(() -> survivor.metric("onepoint_feed_relay_leader") == 1.0);
            await("another session holds the relay lock").atMost(DELIVERY)
                    .until(() -> relayLockHolder() != lockHolder);
            int writtenAtTakeover = writer.ids.size();
            await("rows written after the takeover").atMost(DELIVERY)
                    .until(() -> writer.ids.size() >= writtenAtTakeover + 100);
            List<Long> ids = writer.stop();

            long end = db.settledLastSeq(DELIVERY);
            assertEquals(ids.size(), db.seqsOfRows(ids).size(), "every row written got a seq");
            assertTrue(survivor.metric("onepoint_feed_relay_sequenced_total") - sequencedBefore
                    >= ids.size() - writtenAtCrash, "the survivor numbered at least the rows written after the crash");

            await("the survivor's subscriber reaches seq " + end).atMost(DELIVERY)
                    .until(() -> onSurvivor.lastSeq() >= end);
            FeedOrderingTest.assertContiguous(start, seqs(onSurvivor.upTo(end)));

            // The client of the dead instance lost its connection; it resumes on the survivor from what it saw.
            await("the dead instance's connection closes").atMost(DELIVERY).until(onLeader::closed);
            long seen = onLeader.lastSeq();
            assertTrue(seen > start);
            try (FeedClient resumed = FeedClient.connect(vertx, survivor.port, "/ws/feed?since=" + seen)) {
                await("the resumed subscriber reaches seq " + end).atMost(DELIVERY)
                        .until(() -> resumed.lastSeq() >= end);
                List<Long> all = new ArrayList<>(onLeader.seqs());
                all.addAll(seqs(resumed.upTo(end)));
                FeedOrderingTest.assertContiguous(start, all);
                assertEquals(end, all.get(all.size() - 1));
            }
        }
        assertTrue(survivor.alive());
    }

    /** Inserts {@code n} outbox rows, one transaction each, on a connection of its own; returns their ids. */
    private static List<Long> insertRows(int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (int i = 0; i < n; i++) {
                ids.add(insertRow(c));
            }
        }
        return ids;
    }

    private static long insertRow(Connection c) throws SQLException {
        UUID subject = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, subject);
            ps.setString(2, "{\"id\":\"" + subject + "\",\"status\":\"inProgress\"}");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Writes rows one by one, about 200 a second, until stopped (at most a minute or 10 000 rows). */
    private static final class Writer implements AutoCloseable {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread = new Thread(this::run, "it-outbox-writer");
        private volatile Exception failure;

        Writer() {
            thread.start();
        }

        private void run() {
            long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            try (Connection c = db.connect()) {
                while (!stop.get() && ids.size() < 10_000 && System.nanoTime() < until) {
                    ids.add(insertRow(c));
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        List<Long> stop() throws Exception {
            stop.set(true);
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(ids);
        }

        @Override
        public void close() throws Exception {
            stop();
        }
    }

    /** The backend holding the relay's advisory lock; fails unless exactly one does. */
    private static int relayLockHolder() throws SQLException {
        List<Long> holders = db.longs("""
                select l.pid from pg_locks l join pg_database d on d.oid = l.database
                 where l.locktype = 'advisory' and l.granted and d.datname = current_database()
                   and l.classid::bigint = %d and l.objid::bigint = %d and l.objsubid = 1"""
                .formatted(RELAY_LOCK_KEY >>> 32, RELAY_LOCK_KEY & 0xffffffffL));
        assertEquals(1, holders.size(), "sessions holding the relay lock: " + holders);
        return holders.get(0).intValue();
    }

    /** Waits until exactly one live instance says it is the relay leader, and returns it. */
    private static ServiceProcess awaitOneLeader() {
        return await("exactly one relay leader").atMost(DELIVERY).until(() -> {
            double onA = a.metric("onepoint_feed_relay_leader");
            double onB = b.metric("onepoint_feed_relay_leader");
            return a.alive() && b.alive() && onA + onB == 1.0 ? (onA == 1.0 ? a : b) : null;
        }, Objects::nonNull);
    }

    private static List<Long> seqs(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getLong("seq")).collect(Collectors.toList());
    }
}
