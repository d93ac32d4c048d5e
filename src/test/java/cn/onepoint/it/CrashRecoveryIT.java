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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.onepoint.it.ItChecks.once;
import static cn.onepoint.it.ItChecks.perId;
import static cn.onepoint.it.ItChecks.range;
import static cn.onepoint.it.ItChecks.seqs;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service stopped and killed (SIGKILL) on a database that outlives it (docs/reliability.md): timers
 * that fall due while no instance runs, and a crash in the middle of an intake load with {@code Idempotency-Key}s.
 *
 * <p>Run by maven-failsafe after {@code package}; the instances' output is in {@code target/it-instance-crash-*.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final int FAULTS_DUE_WHILE_DOWN = 8;
    private static final int WRITERS = 4;
    /** Holding the ticket-number counter keeps every intake waiting inside its transaction. */
    static final String HOLD_NUMBERS = "select last from number_counter where prefix = 'FT' for update";
    /** Each fault of the load has a symptom of its own, which finds its ticket. */
    private static final String LOAD_SYMPTOM = "负载中断-";

    private static ItDatabase db;
    private static Vertx vertx;
    private static World world;
    private static Map<String, Object> intake;
    /** The instance running now; each test leaves one behind. */
    private static ServiceProcess running;
    private static final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void startTheServiceWithoutASweeper() throws Exception {
        db = ItDatabase.create();
        vertx = Vertx.vertx();
        // The first instance takes faults but does not sweep: no timer can breach before the test stops it.
        running = start("crash-a", Map.of("ONEPOINT_SLA_SWEEP_ENABLED", "false"));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = running.port;
        world = World.build();
        intake = world.intake(world.hubeiMstp, "MSTP", world.hubeiDesk);
    }

    private static ServiceProcess start(String name, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(db.serviceEnv());
        // T10's first customer update falls due 2 s after acceptance: the timer the tests watch.
        env.put("ONEPOINT_SLA_CUSTOMER_FIRST_UPDATE", "PT2S");
        // A key claimed before the crash still answers "in progress" when the retry comes, however slow the restart.
        env.put("ONEPOINT_IDEMPOTENCY_IN_PROGRESS_TIMEOUT", "PT10M");
        env.putAll(extra);
        ServiceProcess p = ServiceProcess.start(name, env);
        started.add(p);
        p.awaitReady(READY);
        return p;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(started);
        all.add(Closing.vertx(vertx));
        all.add(db);
        Closing.all(all);
    }

    @Test
    @Order(1)
    void timersThatFallDueWhileTheServiceIsDownBreachExactlyOnceAfterTheRestartAndArePushed() throws Exception {
        long start = db.settledLastSeq(DELIVERY);
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < FAULTS_DUE_WHILE_DOWN; i++) {
            tickets.add(UUID.fromString(world.accepted(world.hubeiMstp, "MSTP", world.hubeiDesk, world.hubeiAcceptor)));
        }
        List<UUID> timers = uuids(db.column(
                "select id from timer where subject_id = any(?) and kind = 'CUSTOMER_FIRST_UPDATE'", tickets));
        assertEquals(FAULTS_DUE_WHILE_DOWN, timers.size());

        running.close(); // SIGTERM: no instance runs now
        assertEquals(0, db.count("select count(*) from timer_breach where timer_id = any(?)", timers));
        await("the timers fall due while the service is down").atMost(DELIVERY).until(() ->
                db.count("select count(*) from timer where id = any(?) and due_at < now()", timers) == timers.size());
        OffsetDateTime restarted = OffsetDateTime.now(ZoneOffset.UTC);
        running = start("crash-b", Map.of());

        try (FeedClient feed = FeedClient.connect(vertx, running.port, "/ws/feed?since=" + start)) {
            await("every timer breached").atMost(DELIVERY).until(() ->
                    db.count("select count(*) from timer_breach where timer_id = any(?)", timers) == timers.size());
            long end = db.settledLastSeq(DELIVERY);
            await("the feed reaches seq " + end).atMost(DELIVERY).until(() -> feed.lastSeq() >= end);
            List<JsonObject> seen = feed.upTo(end);
            assertEquals(range(start, end), seqs(seen), "the feed from before the stop on, without gaps");

            // Exactly once: one breach record, one breach event, one first escalation per timer, and no other breach.
            assertEquals(once(timers), perId(seen, "TimerBreachEvent"));
            assertEquals(timers.size(), db.count("""
                    select count(*) from timer_breach b join timer t on t.id = b.timer_id
                     where b.timer_id = any(?) and t.state = 'breached' and b.breached_at >= ?""", timers, restarted));
            assertEquals(timers.size(), db.count("select count(*) from escalation where timer_id = any(?)", timers));
            assertEquals(timers.size(), running.metric("onepoint_sla_breaches_total"));
        }
    }

    @Test
    @Order(2)
    void aCrashUnderIntakeLoadLosesNoAcknowledgedWriteLeavesNoneHalfDoneAndRetriesAreAnsweredByTheirKeys()
            throws Exception {
        ServiceProcess victim = running;
        Load load = new Load(victim);
        await("faults taken and accepted under load").atMost(DELIVERY).until(() -> load.acknowledged("accept") >= 12);
        List<Sent> held;
        // The test holds the ticket-number counter: every writer's next intake claims its key, then waits inside its
        // transaction. The crash finds four writes in flight, claimed and uncommitted, in every run.
        try (ItDatabase.Held counter = db.hold(HOLD_NUMBERS)) {
            await("every writer held inside an intake").atMost(DELIVERY).until(() -> {
                List<Sent> pending = load.pending();
                return pending.size() == WRITERS && pending.stream().allMatch(p -> p.kind.equals("intake"))
                        && db.count("select count(*) from idempotency_key where key = any(?) and state = 'IN_PROGRESS'",
                        pending.stream().map(p -> p.key).toList()) == WRITERS;
            });
            held = load.pending();
            victim.crash();
            load.join();
        }

        List<Sent> all = load.sent();
        List<Sent> unanswered = all.stream().filter(p -> !p.answer().answered()).toList();
        assertEquals(Set.copyOf(held), Set.copyOf(unanswered), "the crash cut exactly the held intakes");
        for (Sent p : all) {
            assertTrue(!p.answer().answered() || p.answer().ok(), "before the crash every request succeeded: " + p);
        }
        // Nothing acknowledged is lost: every 201 is a ticket, every accepted one is accepted.
        for (Sent p : all) {
            if (p.answer().ok() && p.kind.equals("intake")) {
                assertEquals(1, db.count("select count(*) from ticket where id = ? and symptom = ?",
                        UUID.fromString(p.answer().json().getString("id")), p.symptom), "ticket of " + p);
            }
            if (p.answer().ok() && p.kind.equals("accept")) {
                assertEquals(1, db.count("select count(*) from ticket where id = ? and accepted_at is not null",
                        UUID.fromString(p.answer().json().getString("id"))), "acceptance of " + p);
            }
        }
        // Nothing is half done: the held writes left nothing, and every ticket has all its parts.
        for (Sent p : held) {
            assertEquals(0, db.count("select count(*) from ticket where symptom = ?", p.symptom), "held " + p);
        }
        assertEquals(List.of(), db.column(ItChecks.INCOMPLETE_TICKETS, world.hubeiMstp), "half-written tickets");
        assertEquals(List.of(), db.column("""
                select symptom from ticket where symptom like ? group by symptom having count(*) > 1""",
                LOAD_SYMPTOM + "%"), "faults taken twice");

        running = start("crash-c", Map.of());
        for (Sent p : held) {
            ItHttp.Answer retry = p.resend(running);
            assertEquals(409, retry.status(), retry.toString());
            assertEquals("application/problem+json", retry.contentType());
            assertEquals("IDEMPOTENCY_IN_PROGRESS", retry.json().getString("code"));
            assertEquals(0, db.count("select count(*) from ticket where symptom = ?", p.symptom), "retried " + p);
        }
        for (Sent p : all) {
            if (p.answer().ok()) {
                ItHttp.Answer replay = p.resend(running);
                assertEquals(p.answer().status(), replay.status(), replay.toString());
                assertEquals("true", replay.replayed().orElse(null), replay.toString());
                assertEquals(p.answer().json(), replay.json());
            }
        }
        assertEquals(List.of(), db.column(ItChecks.INCOMPLETE_TICKETS, world.hubeiMstp));
        assertEquals(201, new Sent("intake", "/api/v1/tickets", "after the restart").resend(running).status());
    }

    /** One request of the load with its key and body, so that it can be sent again; the answer once it came. */
    private static final class Sent {
        final String kind;
        final String path;
        final String symptom;
        final String key = UUID.randomUUID().toString();
        final String body;
        volatile ItHttp.Answer answer;

        Sent(String kind, String path, String symptom) {
            this.kind = kind;
            this.path = path;
            this.symptom = symptom;
            Map<String, Object> b = new HashMap<>(intake);
            b.put("symptom", symptom);
            this.body = kind.equals("intake") ? new JsonObject(b).encode()
                    : new JsonObject().put("personId", world.hubeiAcceptor).encode();
        }

        ItHttp.Answer send(ServiceProcess to) {
            answer = resend(to);
            return answer;
        }

        ItHttp.Answer resend(ServiceProcess to) {
            return ItHttp.post(to, path, body, Map.of("Idempotency-Key", key), ANSWER);
        }

        ItHttp.Answer answer() {
            return answer;
        }

        @Override
        public String toString() {
            return kind + " " + path + " (" + symptom + ") → " + answer;
        }
    }

    /** {@link #WRITERS} threads, each taking a fault and accepting it, again and again, until the service is gone. */
    private static final class Load {
        private final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final Map<Sent, Boolean> pending = new ConcurrentHashMap<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

        Load(ServiceProcess to) {
            for (int i = 0; i < WRITERS; i++) {
                pool.submit(() -> {
                    while (true) {
                        Sent in = send(to, new Sent("intake", "/api/v1/tickets", LOAD_SYMPTOM + UUID.randomUUID()));
                        if (!in.answer().ok()) {
                            return;
                        }
                        String path = "/api/v1/tickets/" + in.answer().json().getString("id") + "/accept";
                        if (!send(to, new Sent("accept", path, in.symptom)).answer().ok()) {
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
        }

        private Sent send(ServiceProcess to, Sent s) {
            sent.add(s);
            pending.put(s, true);
            s.send(to);
            pending.remove(s);
            return s;
        }

        long acknowledged(String kind) {
            return sent.stream().filter(s -> s.kind.equals(kind) && s.answer() != null && s.answer().ok()).count();
        }

        List<Sent> pending() {
            return List.copyOf(pending.keySet());
        }

        List<Sent> sent() {
            return List.copyOf(sent);
        }

        void join() throws InterruptedException {
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the writers stop once the service is gone");
        }
    }

    private static List<UUID> uuids(List<Object> values) {
        return values.stream().map(v -> (UUID) v).toList();
    }
}
