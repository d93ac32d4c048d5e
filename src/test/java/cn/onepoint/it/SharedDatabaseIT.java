package cn.onepoint.it;

import cn.onepoint.feed.FeedClient;
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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.onepoint.it.ItChecks.once;
import static cn.onepoint.it.ItChecks.perId;
import static cn.onepoint.it.ItChecks.range;
import static cn.onepoint.it.ItChecks.seqs;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service on one database of the test's own (docs/reliability.md): their sweeps
 * race for the same timers, their feeds must agree; then the PostgreSQL server is stopped under load and started
 * again on the same port and data directory.
 *
 * <p>Run by maven-failsafe after {@code package}; output in {@code target/it-instance-shared-*.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDatabaseIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** onepoint.database.connection-wait, as configured below, and what an answer may take beyond it. */
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(3);
    /** The promise: the service answers normally again this soon after the database is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final int FAULTS = 12;
    /** T10's first customer update, short: the timer the tests watch (long enough to hold its row before it is due). */
    private static final Duration FIRST_UPDATE = Duration.ofSeconds(4);
    /** Connections in each instance's pool: few, so that a test can take them all. */
    private static final int POOL = 6;

    private static ItDatabase db;
    private static Vertx vertx;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static World world;
    private static Map<String, Object> intake;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        db = ItDatabase.ownServer();
        vertx = Vertx.vertx();
        // Started together: Flyway's lock lets one migrate while the other waits for it.
        a = ServiceProcess.start("shared-a", env());
        b = ServiceProcess.start("shared-b", env());
        a.awaitReady(READY);
        b.awaitReady(READY);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = a.port;
        world = World.build();
        intake = world.intake(world.hubeiMstp, "MSTP", world.hubeiDesk);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(db.serviceEnv());
        env.put("ONEPOINT_SLA_CUSTOMER_FIRST_UPDATE", FIRST_UPDATE.toString());
        env.put("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", Integer.toString(POOL));
        env.put("ONEPOINT_DATABASE_CONNECTION_WAIT", "PT" + WAIT.toSeconds() + "S");
        env.put("ONEPOINT_DATABASE_RETRY_AFTER", "PT3S");
        env.put("ONEPOINT_IDEMPOTENCY_PURGE_INTERVAL", "1s");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Closing.all(Arrays.asList(a, b, Closing.vertx(vertx), db));
    }

    @Test
    @Order(1)
    void twoInstancesBreachEachTimerOnceAndFeedTheSameEventsWithoutGaps() throws Exception {
        long start = db.settledLastSeq(DELIVERY);
        try (FeedClient onA = FeedClient.connect(vertx, a.port, "/ws/feed?since=" + start);
             FeedClient onB = FeedClient.connect(vertx, b.port, "/ws/feed?since=" + start)) {
            List<UUID> tickets = new ArrayList<>();
            for (int i = 0; i < FAULTS; i++) {
                RestAssured.port = (i % 2 == 0 ? a : b).port;
                tickets.add(UUID.fromString(world.accepted(world.hubeiMstp, "MSTP", world.hubeiDesk,
                        world.hubeiAcceptor)));
            }
            RestAssured.port = a.port;
            List<Object> timers = db.column(
                    "select id from timer where subject_id = any(?) and kind = 'CUSTOMER_FIRST_UPDATE'", tickets);
            assertEquals(FAULTS, timers.size());
            await("every timer breached").atMost(DELIVERY).until(() ->
                    db.count("select count(*) from timer_breach where timer_id = any(?)", timers) == FAULTS);

            long end = db.settledLastSeq(DELIVERY);
            await("both subscribers reach seq " + end).atMost(DELIVERY)
                    .until(() -> onA.lastSeq() >= end && onB.lastSeq() >= end);
            List<JsonObject> seen = onA.upTo(end);
            assertEquals(range(start, end), seqs(seen));
            assertEquals(seen, onB.upTo(end), "instance b delivered other messages than instance a");
            assertEquals(once(timers), perId(seen, "TimerBreachEvent"), "one breach event per timer");
            assertEquals(FAULTS, db.count("select count(*) from escalation where timer_id = any(?)", timers));
            // Each instance counts the breaches its own sweeps committed: together, each timer once.
            assertEquals(FAULTS, a.metric("onepoint_sla_breaches_total") + b.metric("onepoint_sla_breaches_total"));
        }
    }

    @Test
    @Order(2)
    void aDatabaseOutageUnderLoadIsAnsweredWith503sInBoundedTimeAndLeavesTheFeedsWhole() throws Exception {
        long start = db.settledLastSeq(DELIVERY);
        try (FeedClient onA = FeedClient.connect(vertx, a.port, "/ws/feed?since=" + start);
             FeedClient onB = FeedClient.connect(vertx, b.port, "/ws/feed?since=" + start);
             Load load = new Load()) {
            await("faults taken before the outage").atMost(DELIVERY).until(() -> load.created() >= 10);
            // Timers that fall due during the outage. The test holds each row from right after its acceptance until
            // the server stops (a sweep skips rows another transaction holds): none can breach before the outage.
            List<UUID> dueInOutage = new ArrayList<>();
            List<ItDatabase.Held> timerRows = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UUID ticket = UUID.fromString(world.accepted(world.hubeiMstp, "MSTP", world.hubeiDesk,
                        world.hubeiAcceptor));
                dueInOutage.add(ticket);
                timerRows.add(db.hold("select id from timer where subject_id = ? and kind = 'CUSTOMER_FIRST_UPDATE'"
                        + " for update", ticket));
            }
            long accepted = System.nanoTime();
            List<Object> timers = db.column(
                    "select id from timer where subject_id = any(?) and kind = 'CUSTOMER_FIRST_UPDATE'", dueInOutage);
            assertEquals(0, db.count("select count(*) from timer_breach where timer_id = any(?)", timers));

            long down = System.nanoTime();
            db.stopServer();
            Closing.all(timerRows);
            long stopped = System.nanoTime();
            await("503s on both instances, readiness down, the timers due").atMost(DELIVERY)
                    .until(() -> load.unavailableSince(stopped, a) >= 5 && load.unavailableSince(stopped, b) >= 5
                            && a.status("/q/health/ready") == 503 && b.status("/q/health/ready") == 503
                            && System.nanoTime() - down > Duration.ofSeconds(3).toNanos()
                            && System.nanoTime() - accepted > FIRST_UPDATE.plusMillis(500).toNanos());
            ItHttp.Answer chinese = ItHttp.get(a, "/api/v1/units?limit=1", Map.of(), DELIVERY);
            ItHttp.Answer english = ItHttp.get(b, "/api/v1/units?limit=1", Map.of("Accept-Language", "en"), DELIVERY);
            assertFalse(onA.closed() || onB.closed(), "the feeds stay open during the outage");

            // Nothing can be written before the server is started again.
            OffsetDateTime back = OffsetDateTime.now(ZoneOffset.UTC);
            db.startServer();
            long up = System.nanoTime();
            await("both instances answer again").atMost(RECOVERY.plus(DELIVERY))
                    .until(() -> load.firstOkAfter(up, a) != null && load.firstOkAfter(up, b) != null);
            await("readiness up again").atMost(DELIVERY)
                    .until(() -> a.status("/q/health/ready") == 200 && b.status("/q/health/ready") == 200);
            int createdAfter = load.created();
            await("faults taken after the outage").atMost(DELIVERY).until(() -> load.created() >= createdAfter + 10);
            load.close();

            List<ItHttp.Answer> all = load.answers();
            List<ItHttp.Answer> unavailable = all.stream().filter(r -> r.status() == 503).toList();
            for (ItHttp.Answer r : all) {
                assertTrue(r.answered(), "every request is answered: " + r);
                assertTrue(r.ok() || r.status() == 503, "a success or a 503, nothing else: " + r);
                assertTrue(r.elapsedNanos() <= WAIT.plus(MARGIN).toNanos(), "answered within the wait: " + r);
            }
            for (ItHttp.Answer r : unavailable) {
                assertEquals("application/problem+json", r.contentType(), r.toString());
                assertEquals("3", r.retryAfter().orElse(null), r.toString());
                assertEquals("DATABASE_UNAVAILABLE", r.json().getString("code"), r.toString());
            }
            assertEquals(503, chinese.status());
            assertTrue(chinese.json().getString("detail").contains("数据库"), chinese.toString());
            assertEquals(503, english.status());
            assertTrue(english.json().getString("detail").contains("database"), english.toString());
            assertTrue(english.json().getString("detail").contains("3"), english.toString());

            double recoveryA = load.recovery(up, a);
            double recoveryB = load.recovery(up, b);
            System.out.printf("Outage: %d requests, %d answered 503 (max %d ms, median %d ms); database down %d ms;"
                            + " first success %.0f ms (a) and %.0f ms (b) after the database was back%n",
                    all.size(), unavailable.size(), max(unavailable), median(unavailable),
                    (up - down) / 1_000_000, recoveryA, recoveryB);
            assertTrue(recoveryA <= RECOVERY.toMillis() && recoveryB <= RECOVERY.toMillis(),
                    "recovered within " + RECOVERY + ": " + recoveryA + " / " + recoveryB + " ms");
            assertTrue(unavailable.size() >= 10);

            // Nothing half-written by a request the outage cut, and every write reached both feeds once, in order.
            assertEquals(List.of(), db.column(ItChecks.INCOMPLETE_TICKETS, world.hubeiMstp), "half-written tickets");
            await("the outage's timers breached").atMost(DELIVERY).until(() ->
                    db.count("select count(*) from timer_breach where timer_id = any(?)", timers) == timers.size());
            long end = db.settledLastSeq(DELIVERY);
            await("both subscribers reach seq " + end).atMost(DELIVERY)
                    .until(() -> onA.lastSeq() >= end && onB.lastSeq() >= end);
            List<JsonObject> seen = onA.upTo(end);
            assertEquals(range(start, end), seqs(seen), "the feed across the outage, without gaps");
            assertEquals(seen, onB.upTo(end), "instance b delivered other messages than instance a");
            Map<String, Long> created = perId(seen, "TroubleTicketCreateEvent");
            for (String id : load.createdIds()) {
                assertEquals(1L, created.get(id), "create event of " + id);
            }
            Map<String, Long> breaches = perId(seen, "TimerBreachEvent");
            for (Object timer : timers) {
                assertEquals(1L, breaches.get(timer.toString()), "breach of " + timer + ", due during the outage");
            }
            assertEquals(timers.size(), db.count(
                    "select count(*) from timer_breach where timer_id = any(?) and breached_at >= ?", timers, back),
                    "breached once the database was back");
            assertFalse(onA.closed() || onB.closed(), "the feeds are still open");
        }

        // The scheduled purge of expired Idempotency-Keys ran through the outage and goes on.
        String expired = "expired-" + UUID.randomUUID();
        db.column("""
                insert into idempotency_key (key, method, path, request_hash, state, created_at)
                values (?, 'POST', '/api/v1/tickets', repeat('0', 64), 'IN_PROGRESS', now() - interval '2 days')
                returning key""", expired);
        await("the purge deletes an expired key").atMost(DELIVERY)
                .until(() -> db.count("select count(*) from idempotency_key where key = ?", expired) == 0);
    }

    @Test
    @Order(3)
    void aRequestThatGetsNoConnectionWithinTheWaitIsAnswered503InsteadOfWaiting() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(POOL);
        // Intakes wait at the ticket-number counter the test holds, each inside its transaction, on a connection.
        try (ItDatabase.Held counter = db.hold(CrashRecoveryIT.HOLD_NUMBERS)) {
            List<Future<ItHttp.Answer>> held = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                Map<String, Object> body = new HashMap<>(intake);
                body.put("symptom", "连接占满-" + UUID.randomUUID());
                held.add(writers.submit(() -> ItHttp.post(a, "/api/v1/tickets", new JsonObject(body).encode(),
                        Map.of(), Duration.ofMinutes(1))));
            }
            await("every connection of instance a held by an intake").atMost(DELIVERY).until(() -> db.count("""
                    select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock'
                       and query like '%number_counter%'""") == POOL);

            ItHttp.Answer waited = ItHttp.get(a, "/api/v1/units?limit=1", Map.of(), DELIVERY);
            System.out.printf("No connection free: answered %d after %d ms%n", waited.status(), waited.elapsedMillis());
            assertEquals(503, waited.status(), waited.toString());
            assertEquals("DATABASE_UNAVAILABLE", waited.json().getString("code"));
            assertEquals("3", waited.retryAfter().orElse(null));
            assertTrue(waited.elapsedNanos() >= WAIT.minusMillis(100).toNanos()
                    && waited.elapsedNanos() <= WAIT.plus(MARGIN).toNanos(), "answered after the wait: " + waited);
            assertEquals(200, ItHttp.get(b, "/api/v1/units?limit=1", Map.of(), DELIVERY).status(),
                    "the other instance has connections of its own");

            counter.close();
            for (Future<ItHttp.Answer> f : held) {
                assertEquals(201, f.get(1, TimeUnit.MINUTES).status(), "a held intake goes through afterwards");
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Two threads per instance, each taking a fault and reading it back, until closed. */
    private static final class Load implements AutoCloseable {
        private record Sent(ServiceProcess to, ItHttp.Answer answer) {
        }

        private final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final List<String> createdIds = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool = Executors.newFixedThreadPool(4);

        Load() {
            for (ServiceProcess to : List.of(a, b, a, b)) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        Map<String, Object> body = new HashMap<>(intake);
                        body.put("symptom", "停库期间-" + UUID.randomUUID());
                        ItHttp.Answer in = record(to, ItHttp.post(to, "/api/v1/tickets", new JsonObject(body).encode(),
                                Map.of(), DELIVERY));
                        if (in.ok()) {
                            createdIds.add(in.json().getString("id"));
                            record(to, ItHttp.get(to, "/api/v1/tickets/" + in.json().getString("id"), Map.of(),
                                    DELIVERY));
                        }
                    }
                });
            }
            pool.shutdown();
        }

        private ItHttp.Answer record(ServiceProcess to, ItHttp.Answer answer) {
            sent.add(new Sent(to, answer));
            return answer;
        }

        int created() {
            return createdIds.size();
        }

        List<String> createdIds() {
            return List.copyOf(createdIds);
        }

        long unavailableSince(long nanos, ServiceProcess to) {
            return sent.stream().filter(s -> s.to == to && s.answer.startedNanos() >= nanos
                    && s.answer.status() == 503).count();
        }

        /** The first success of a request sent to {@code to} after {@code nanos}. */
        ItHttp.Answer firstOkAfter(long nanos, ServiceProcess to) {
            return sent.stream().filter(s -> s.to == to && s.answer.startedNanos() >= nanos && s.answer.ok())
                    .map(Sent::answer).findFirst().orElse(null);
        }

        /** Milliseconds from {@code nanos} (the database back) to the end of the first success on {@code to}. */
        double recovery(long nanos, ServiceProcess to) {
            ItHttp.Answer first = firstOkAfter(nanos, to);
            return (first.startedNanos() + first.elapsedNanos() - nanos) / 1e6;
        }

        List<ItHttp.Answer> answers() {
            return sent.stream().map(Sent::answer).toList();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the load stops");
        }
    }

    private static long max(List<ItHttp.Answer> answers) {
        return answers.stream().mapToLong(ItHttp.Answer::elapsedMillis).max().orElse(0);
    }

    private static long median(List<ItHttp.Answer> answers) {
        long[] sorted = answers.stream().mapToLong(ItHttp.Answer::elapsedMillis).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
