package cn.onepoint.ticket;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control desk and the chief customer engineer between the customer and the handling units, through the API:
 * T11 new information passed on to every handling unit within 5 minutes (timer met and breached), T13 the
 * customer-facing wording every handling unit receives (work order, feed, notifications), and the major-fault flags
 * that escalate at once, at intake or later.
 */
@QuarkusTest
class ControlDeskTest {

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    /** A fault on 武汉–宜昌 dispatched to both ends: the ids of the ticket and of the 武汉 and 宜昌 work orders. */
    private String[] dispatched() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        return new String[]{t, World.woOf(wos, w.wuhan), World.woOf(wos, w.yichang)};
    }

    private Map<String, Object> information(String message) {
        return Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor, "source", "CUSTOMER",
                "sourceName", "客户王经理", "message", message);
    }

    private Map<String, Object> relay() {
        return Map.of("unitId", w.groupControl, "personId", w.controller, "note", "请各段据此核查");
    }

    private static List<Map<String, Object>> timers(String ticket, String kind) {
        List<Map<String, Object>> all = given().get("/api/v1/tickets/" + ticket + "/timers").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(t -> kind.equals(t.get("kind"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> timers, String state) {
        List<Map<String, Object>> in = timers.stream().filter(t -> state.equals(t.get("state"))).toList();
        assertEquals(1, in.size(), state + " in " + timers);
        return in.get(0);
    }

    private List<Row> rows(String sql, Object... params) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().forEach(out::add);
        return out;
    }

    @Test
    void newInformationReachesEveryHandlingUnitWithinFiveMinutes() {
        String[] d = dispatched();
        String t = d[0];
        JsonPath first = World.post(t, "information", information("客户确认宜昌端机房 10:05 已恢复供电"))
                .statusCode(201).header("Location", containsString("/information/"))
                .body("source", equalTo("CUSTOMER")).body("sourceName", equalTo("客户王经理"))
                .body("personId", equalTo(w.hubeiAcceptor)).body("relayedTo", hasSize(0)).extract().jsonPath();
        // T11: the control desk's clock runs 5 minutes from the information's arrival.
        Map<String, Object> relayClock = only(timers(t, "CONTROL_RELAY"), "running");
        assertEquals("T11", relayClock.get("rule"));
        assertEquals(Instant.parse(first.getString("receivedAt")).plus(Duration.ofMinutes(5)),
                Instant.parse((String) relayClock.get("dueAt")));
        // A second item while the first waits: still one clock, from the oldest.
        clock.advance(Duration.ofMinutes(1));
        JsonPath second = World.post(t, "information", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "source", "HANDLING_UNIT", "message", "武汉端光功率正常")).statusCode(201).extract().jsonPath();
        assertEquals(relayClock.get("id"), only(timers(t, "CONTROL_RELAY"), "running").get("id"));
        // Only a control desk passes it on.
        World.post(t, "information/" + first.getString("id") + "/relay", Map.of("unitId", w.hubeiDesk,
                "personId", w.hubeiAcceptor)).statusCode(403).body("code", equalTo("T11"));
        World.post(t, "information/" + first.getString("id") + "/relay", relay()).statusCode(200)
                .body("relayedBy", equalTo(w.controller)).body("relayedByUnitId", equalTo(w.groupControl))
                .body("relayedTo", containsInAnyOrder(d[1], d[2]));
        // Met; the clock now runs for the second item, 5 minutes from its arrival.
        List<Map<String, Object>> clocks = timers(t, "CONTROL_RELAY");
        only(clocks, "met");
        assertEquals(Instant.parse(second.getString("receivedAt")).plus(Duration.ofMinutes(5)),
                Instant.parse((String) only(clocks, "running").get("dueAt")));
        // Each handling unit's work order received it, with a feed event on the ticket's feed.
        for (String wo : List.of(d[1], d[2])) {
            given().get("/api/v1/work-orders/" + wo + "/notices").then().statusCode(200)
                    .body("kind", equalTo(List.of("INFORMATION")))
                    .body("[0].refId", equalTo(first.getString("id")))
                    .body("[0].text", containsString("10:05 已恢复供电"))
                    .body("[0].text", containsString("请各段据此核查"));
            given().get("/api/v1/work-orders/" + wo + "/history").then().body("action", hasItem("notice"));
        }
        List<Row> events = rows("select root_id, unit_id from event_outbox where event_type = 'WorkOrderNoticeEvent'"
                + " and subject_id = any($1::uuid[])", (Object) new UUID[]{UUID.fromString(d[1]), UUID.fromString(d[2])});
        assertEquals(2, events.size());
        events.forEach(r -> assertEquals(UUID.fromString(t), r.getUUID("root_id")));
        World.post(t, "information/" + first.getString("id") + "/relay", relay()).statusCode(409)
                .body("code", equalTo("ALREADY_RELAYED"));
        World.post(t, "information/" + UUID.randomUUID() + "/relay", relay()).statusCode(404);
        World.post(t, "information/" + second.getString("id") + "/relay", relay()).statusCode(200);
        assertTrue(timers(t, "CONTROL_RELAY").stream().allMatch(c -> c.get("state").equals("met")));
        given().get("/api/v1/tickets/" + t + "/information").then().statusCode(200)
                .body("relayedAt", not(hasItem((Object) null))).body("relayedTo[1]", hasSize(2));
        given().get("/api/v1/tickets/" + t + "/history").then()
                .body("action", hasItems("information", "information-relay"));
    }

    @Test
    void informationNotPassedOnInTimeBreachesAndEscalates() {
        String[] d = dispatched();
        String t = d[0];
        String item = World.post(t, "information", information("客户反映业务间断性中断")).statusCode(201)
                .extract().path("id");
        clock.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> only(timers(t, "CONTROL_RELAY"), "breached"));
        given().get("/api/v1/tickets/" + t + "/escalations").then()
                .body("find { it.reason == 'BREACH' && it.subject.id == '" + t + "' }", notNullValue());
        // Passed on late: the clock stops, the breach stays on record.
        World.post(t, "information/" + item + "/relay", relay()).statusCode(200);
        assertNotNull(only(timers(t, "CONTROL_RELAY"), "breached").get("stoppedAt"));
    }

    @Test
    void informationNeedsHandlingUnitsAndEveryFieldNamed() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        // T11: nothing dispatched yet, nobody to pass it on to.
        World.post(t, "information", information("客户补充故障现象")).statusCode(422).body("code", equalTo("T11"));
        assertTrue(timers(t, "CONTROL_RELAY").isEmpty());
        World.post(t, "information", Map.of("unitId", w.hubeiDesk, "personId", w.controller)).statusCode(400)
                .body("errors.field", hasItems("source", "message"));
        String[] d = dispatched();
        World.post(d[0], "information", Map.of("unitId", w.wuhan, "personId", w.hubeiAcceptor, "source", "OTHER",
                "message", "m")).statusCode(400).body("errors[0].field", equalTo("personId"));
    }

    @Test
    void theChiefCustomerEngineersWordingReachesEveryHandlingUnitAndSupersedesTheEarlier() {
        String cceUnit = Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "湖北", "武汉", null);
        String cce = Fixtures.person(cceUnit, "CHIEF_CUSTOMER_ENGINEER");
        String[] d = dispatched();
        String t = d[0];
        // T13: only a chief customer engineer sets the wording.
        World.post(t, "wording", Map.of("personId", w.hubeiAcceptor, "text", "线路故障抢修中")).statusCode(422)
                .body("code", equalTo("T13"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("personId", w.wuhanHandler, "text", "x")).post("/api/v1/tickets/" + t + "/wording")
                .then().statusCode(422).body("detail", containsString("chief customer engineer"));
        String first = World.post(t, "wording", Map.of("personId", cce, "text", "宜昌段传输设备故障，正在抢修"))
                .statusCode(201).body("current", equalTo(true)).body("sentTo", containsInAnyOrder(d[1], d[2]))
                .extract().path("id");
        // Every handling unit receives it on its work order; each of its people is told.
        given().get("/api/v1/work-orders/" + d[2] + "/notices").then()
                .body("kind", equalTo(List.of("WORDING"))).body("[0].unitId", equalTo(cceUnit));
        List<Row> told = rows("select recipient_id, role, text from notification where subject_id = $1",
                UUID.fromString(d[1]));
        assertEquals(List.of(w.wuhanAcceptor, w.wuhanHandler).stream().sorted().toList(),
                told.stream().map(r -> r.getUUID("recipient_id").toString()).sorted().toList());
        told.forEach(r -> {
            assertEquals("HANDLER", r.getString("role"));
            assertTrue(r.getString("text").contains("宜昌段传输设备故障"), r.getString("text"));
        });
        // ... through the notification path: the delivery job sends them.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(rows(
                "select 1 from notification where subject_id = any($1::uuid[]) and delivered_at is null",
                (Object) new UUID[]{UUID.fromString(d[1]), UUID.fromString(d[2])}).isEmpty()));
        // A later wording supersedes the earlier; both are kept.
        String second = World.post(t, "wording", Map.of("personId", cce, "text", "预计 12:00 前恢复")).statusCode(201)
                .extract().path("id");
        given().get("/api/v1/tickets/" + t + "/wording").then().statusCode(200)
                .body("id", equalTo(List.of(first, second))).body("current", equalTo(List.of(false, true)))
                .body("[0].supersededBy", equalTo(second)).body("[0].supersededAt", notNullValue());
        given().get("/api/v1/work-orders/" + d[1] + "/notices").then().body("text",
                equalTo(List.of("宜昌段传输设备故障，正在抢修", "预计 12:00 前恢复")));
        given().get("/api/v1/tickets/" + t + "/history").then().body("action", hasItem("wording"));
    }

    @Test
    void aUnitDispatchedLaterReceivesTheWordingInForce() {
        String cce = Fixtures.person(Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "湖北", "武汉", null),
                "CHIEF_CUSTOMER_ENGINEER");
        // Partly in 湖北's jurisdiction: the local access end first, the far end and backbone after its findings.
        String t = w.accepted(w.crossMstpProvincial, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String local = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        World.post(t, "wording", Map.of("personId", cce, "text", "跨省电路故障，正在联合排查")).statusCode(201)
                .body("sentTo", equalTo(List.of(local)));
        World.wo(local, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        World.wo(local, "findings", Map.of("personId", w.wuhanHandler, "alarm", false, "configChange", false))
                .statusCode(200);
        List<Map<String, Object>> later = World.dispatch(t, w.hubeiAcceptor);
        assertFalse(later.isEmpty());
        for (Map<String, Object> wo : later) {
            given().get("/api/v1/work-orders/" + wo.get("id") + "/notices").then()
                    .body("kind", equalTo(List.of("WORDING"))).body("[0].text", equalTo("跨省电路故障，正在联合排查"));
        }
        assertFalse(rows("select 1 from notification where subject_id = $1 and role = 'HANDLER'",
                UUID.fromString((String) later.get(0).get("id"))).isEmpty());
    }

    @Test
    void majorFaultAndHeadquartersOutageEscalateAtIntake() {
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("majorFault", "DISASTER");
        body.put("headquartersOutage", "PARTIAL");
        String t = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets").then()
                .statusCode(201).body("majorFault", equalTo("DISASTER")).body("headquartersOutage", equalTo("PARTIAL"))
                .extract().path("id");
        given().get("/api/v1/tickets/" + t + "/escalations").then().statusCode(200)
                .body("reason", containsInAnyOrder("MAJOR_FAULT", "CUSTOMER_HQ_OUTAGE"))
                .body("level", equalTo(List.of(1, 1)));
        given().get("/api/v1/tickets/" + t + "/history").then()
                .body("find { it.action == 'escalate' }.detail", containsString("MAJOR_FAULT"));
        assertEquals(2, rows("select 1 from event_outbox where subject_id = $1 and event_type = 'EscalationEvent'",
                UUID.fromString(t)).size());
        Map<String, Object> bad = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        bad.put("majorFault", "EARTHQUAKE");
        given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/tickets").then().statusCode(400);
    }

    @Test
    void flagsLearntLaterEscalateOnceEach() {
        String[] d = dispatched();
        String t = d[0];
        World.post(t, "flags", Map.of("personId", w.hubeiAcceptor)).statusCode(400)
                .body("errors.field", containsInAnyOrder("totalOutage", "majorFault", "headquartersOutage"));
        World.post(t, "flags", Map.of("personId", w.hubeiAcceptor, "majorFault", "INTER_NETWORK",
                        "note", "网间通信故障影响多家客户")).statusCode(200)
                .body("majorFault", equalTo("INTER_NETWORK")).body("totalOutage", equalTo(false));
        given().get("/api/v1/tickets/" + t + "/escalations").then().body("reason", equalTo(List.of("MAJOR_FAULT")));
        // The same fault reclassified: no second escalation; a total outage is a new reason.
        World.post(t, "flags", Map.of("personId", w.hubeiAcceptor, "majorFault", "NETWORK", "totalOutage", true))
                .statusCode(200).body("majorFault", equalTo("NETWORK")).body("totalOutage", equalTo(true));
        given().get("/api/v1/tickets/" + t + "/escalations").then()
                .body("reason", equalTo(List.of("MAJOR_FAULT", "TOTAL_OUTAGE")));
        World.post(t, "flags", Map.of("personId", w.hubeiAcceptor, "totalOutage", false)).statusCode(400)
                .body("errors[0].field", equalTo("totalOutage"));
        World.post(t, "flags", Map.of("personId", w.hubeiAcceptor, "headquartersOutage", "TOTAL")).statusCode(200);
        given().get("/api/v1/tickets/" + t + "/escalations").then()
                .body("reason", equalTo(List.of("MAJOR_FAULT", "TOTAL_OUTAGE", "CUSTOMER_HQ_OUTAGE")));
        given().get("/api/v1/tickets/" + t + "/history").then().body("action", hasItem("flags"));
    }
}
