package cn.onepoint.workorder;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.workorder.CrossDomainWorld.act;
import static cn.onepoint.workorder.CrossDomainWorld.done;
import static cn.onepoint.workorder.CrossDomainWorld.idOf;
import static cn.onepoint.workorder.CrossDomainWorld.task;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W1's timers in the engine: the reply on the request, acceptance and the due time on each task; stopped when
 * done, breached and escalated by the scheduled sweep when not. The clock is moved, never slept on.
 */
@QuarkusTest
class CrossDomainTimersTest {

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    CrossDomainWorld w;

    @BeforeEach
    void world() {
        w = CrossDomainWorld.get();
    }

    private static List<Map<String, Object>> timers(String workOrder) {
        return given().get("/api/v1/work-orders/" + workOrder + "/timers").then().statusCode(200).extract().path("$");
    }

    /** The one timer of a kind in a given state. */
    private static Map<String, Object> timer(String workOrder, String kind, String state) {
        List<Map<String, Object>> all = timers(workOrder);
        return all.stream().filter(t -> kind.equals(t.get("kind")) && state.equals(t.get("state")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(kind + " " + state + " not in " + all));
    }

    private static Instant at(Map<String, Object> t, String field) {
        return Instant.parse((String) t.get(field));
    }

    @Test
    void theReplyIsDueAtTheRequestsDueTime() {
        Instant due = clock.instant().plus(Duration.ofDays(3));
        String request = w.request(due);
        Map<String, Object> reply = timer(request, "CROSS_DOMAIN_REPLY", "running");
        assertEquals("W1", reply.get("rule"));
        assertEquals(due, at(reply, "dueAt"));
        assertEquals(w.hubeiCsc, reply.get("unitId"));
        assertEquals(w.customer, reply.get("customerId"));
        assertEquals("湖北", reply.get("province"));
        // Warned at 80 % of the time given.
        Duration limit = Duration.between(at(reply, "startedAt"), due);
        Duration warn = Duration.between(at(reply, "startedAt"), at(reply, "warnAt"));
        assertTrue(Math.abs(warn.toSeconds() - limit.toSeconds() * 8 / 10) <= 1, warn + " of " + limit);
        // Without a due time: onepoint.sla.cross-domain.reply, 5 days.
        String later = w.request(null);
        Map<String, Object> dflt = timer(later, "CROSS_DOMAIN_REPLY", "running");
        Duration given = Duration.between(at(dflt, "startedAt"), at(dflt, "dueAt"));
        assertTrue(given.compareTo(Duration.ofDays(5).minusSeconds(1)) > 0 && given.compareTo(Duration.ofDays(5)) <= 0,
                given::toString);
    }

    @Test
    void eachTaskIsTimedForAcceptanceAndForItsDueTimeAndStopsWhenDone() {
        String request = w.request(clock.instant().plus(Duration.ofDays(3)));
        Instant chengduDue = clock.instant().plus(Duration.ofDays(1));
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(task(w.chengdu, chengduDue),
                task(w.backbone, null)));
        String chengdu = idOf(tasks, w.chengdu);
        String backbone = idOf(tasks, w.backbone);
        Map<String, Object> accept = timer(chengdu, "CROSS_DOMAIN_ACCEPT", "running");
        assertEquals(Duration.ofHours(2), Duration.between(at(accept, "startedAt"), at(accept, "dueAt")));
        assertEquals(w.chengdu, accept.get("unitId"));
        assertEquals("四川", accept.get("province"));
        assertEquals(chengduDue, at(timer(chengdu, "CROSS_DOMAIN_TASK", "running"), "dueAt"));
        assertEquals("W1", timer(chengdu, "CROSS_DOMAIN_TASK", "running").get("rule"));
        act(chengdu, "accept", Map.of("personId", w.chengduHandler)).statusCode(200);
        timer(chengdu, "CROSS_DOMAIN_ACCEPT", "met");
        timer(chengdu, "CROSS_DOMAIN_TASK", "running");
        act(chengdu, "complete", Map.of("personId", w.chengduHandler, "result", "已核实")).statusCode(200);
        timer(chengdu, "CROSS_DOMAIN_TASK", "met");
        // A rejected task's clocks stop too.
        act(backbone, "decline", Map.of("personId", w.backboneHandler, "note", "不涉及骨干段")).statusCode(200);
        timer(backbone, "CROSS_DOMAIN_ACCEPT", "met");
        timer(backbone, "CROSS_DOMAIN_TASK", "met");
        timer(request, "CROSS_DOMAIN_REPLY", "running");
        act(request, "reply", Map.of("personId", w.engineer, "message", "已办结")).statusCode(200);
        Map<String, Object> reply = timer(request, "CROSS_DOMAIN_REPLY", "met");
        assertNotNull(reply.get("stoppedAt"));
        // Timer events are on the request's feed too.
        List<String> roots = new ArrayList<>();
        for (Row r : pool.preparedQuery("select distinct root_id from event_outbox where topic = 'timers' "
                + "and subject_id = any($1)").execute(Tuple.of(new UUID[] {UUID.fromString(request),
                UUID.fromString(chengdu), UUID.fromString(backbone)})).await().indefinitely()) {
            roots.add(r.getUUID(0).toString());
        }
        assertEquals(List.of(request), roots);
    }

    @Test
    void lateTasksAndALateReplyBreachAndEscalate() {
        String request = w.request(clock.instant().plus(Duration.ofHours(4)));
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(
                task(w.chengdu, clock.instant().plus(Duration.ofHours(3)))));
        String chengdu = idOf(tasks, w.chengdu);
        // Not accepted within 2 hours: CROSS_DOMAIN_ACCEPT breaches and escalates to the team's supervisor.
        clock.advance(Duration.ofMinutes(121));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> timer(chengdu, "CROSS_DOMAIN_ACCEPT", "breached"));
        String acceptId = (String) timer(chengdu, "CROSS_DOMAIN_ACCEPT", "breached").get("id");
        JsonPath escalation = given().get("/api/v1/timers/" + acceptId).then().statusCode(200).extract().jsonPath();
        assertEquals("BREACH", escalation.getString("escalations[0].reason"));
        assertEquals("LOCAL", escalation.getString("escalations[0].tier"));
        assertEquals(w.chengdu, escalation.getString("escalations[0].unitId"));
        assertTrue(escalation.getList("escalations[0].notifications.recipientId").contains(w.chengduSupervisor));
        // Accepting late stops the clock; the breach stays on record.
        act(chengdu, "accept", Map.of("personId", w.chengduHandler)).statusCode(200);
        assertNotNull(timer(chengdu, "CROSS_DOMAIN_ACCEPT", "breached").get("stoppedAt"));
        // Past the task's due time, then past the request's: both breach.
        clock.advance(Duration.ofMinutes(60));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> timer(chengdu, "CROSS_DOMAIN_TASK", "breached"));
        clock.advance(Duration.ofMinutes(60));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> timer(request, "CROSS_DOMAIN_REPLY", "breached"));
        // The late reply escalates to the engineer's unit and the customer's CCE; the customer manager is told.
        String replyId = (String) timer(request, "CROSS_DOMAIN_REPLY", "breached").get("id");
        given().get("/api/v1/timers/" + replyId).then().statusCode(200)
                .body("escalations[0].unitId", equalTo(w.hubeiCsc))
                .body("escalations[0].notifications.recipientId", hasItem(w.cscSupervisor))
                .body("escalations[0].notifications.recipientId", hasItem(w.chiefEngineer))
                .body("escalations[0].notifications.recipientId", hasItem(w.manager));
        // Finishing late stops both clocks, breached.
        act(chengdu, "complete", Map.of("personId", w.chengduHandler, "result", "已核实（逾期）")).statusCode(200);
        act(request, "reply", Map.of("personId", w.engineer, "message", "已办结（逾期）")).statusCode(200);
        assertNotNull(timer(chengdu, "CROSS_DOMAIN_TASK", "breached").get("stoppedAt"));
        assertNotNull(timer(request, "CROSS_DOMAIN_REPLY", "breached").get("stoppedAt"));
        assertTrue(timers(request).stream().noneMatch(t -> "running".equals(t.get("state"))));
    }

    @Test
    void aWithdrawnRequestCancelsEveryClock() {
        String request = w.request(clock.instant().plus(Duration.ofDays(2)));
        String chengdu = w.dispatch(request, List.of(task(w.chengdu, null))).get(0).get("id").toString();
        String backbone = w.dispatch(request, List.of(task(w.backbone, null))).get(0).get("id").toString();
        done(backbone, w.backboneHandler);
        act(request, "cancel", Map.of("personId", w.engineer, "note", "需求撤回")).statusCode(200);
        timer(request, "CROSS_DOMAIN_REPLY", "cancelled");
        timer(chengdu, "CROSS_DOMAIN_ACCEPT", "cancelled");
        timer(chengdu, "CROSS_DOMAIN_TASK", "cancelled");
        // What was already done stays done.
        timer(backbone, "CROSS_DOMAIN_TASK", "met");
        given().get("/api/v1/work-orders/" + backbone).then().body("status", equalTo("completed"));
    }
}
