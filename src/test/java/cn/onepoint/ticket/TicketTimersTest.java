package cn.onepoint.ticket;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault flow's timers (DOMAIN.md timer table; T4, T5, T8–T11, T13): what starts, stops, pauses and breaches
 * them, seen through the API. The clock is moved, never slept on; the scheduled sweep does the breaching.
 */
@QuarkusTest
class TicketTimersTest {

    @Inject
    MutableClock clock;

    World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    private static JsonPath timers(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** The one timer of a kind in a given state (the latest when restarted). */
    private static Map<String, Object> timer(String path, String kind, String state) {
        List<Map<String, Object>> all = timers(path).getList("$");
        return all.stream().filter(t -> kind.equals(t.get("kind")) && state.equals(t.get("state")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(kind + " " + state + " not in " + all));
    }

    private static Duration between(Map<String, Object> t, String from, String to) {
        return Duration.between(Instant.parse((String) t.get(from)), Instant.parse((String) t.get(to)));
    }

    @Test
    void acceptanceStartsFirstUpdateAndResolutionByProductAndLevel() {
        // T5: 4 h for a BANDWIDTH circuit of a provincial customer, 2 h for a group-level customer; T10: 30 min.
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String path = "/api/v1/tickets/" + t + "/timers";
        assertEquals(Duration.ofHours(4), between(timer(path, "RESOLUTION", "running"), "startedAt", "dueAt"));
        assertEquals(Duration.ofMinutes(30), between(timer(path, "CUSTOMER_FIRST_UPDATE", "running"), "startedAt", "dueAt"));
        assertEquals("T5", timer(path, "RESOLUTION", "running").get("rule"));
        String g = w.accepted(w.crossMstp, "MSTP", w.groupDesk, w.groupAcceptor);
        assertEquals(Duration.ofHours(2),
                between(timer("/api/v1/tickets/" + g + "/timers", "RESOLUTION", "running"), "startedAt", "dueAt"));
    }

    @Test
    void customerUpdatesStopTheFirstUpdateClockAndCycleEveryTwoHours() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        Map<String, Object> update = Map.of("personId", w.hubeiAcceptor, "channel", "PHONE", "message", "处理中");
        World.post(t, "customer-updates", update).statusCode(201);
        String path = "/api/v1/tickets/" + t + "/timers";
        timer(path, "CUSTOMER_FIRST_UPDATE", "met");
        assertEquals(Duration.ofHours(2), between(timer(path, "CUSTOMER_UPDATE", "running"), "startedAt", "dueAt"));
        World.post(t, "customer-updates", update).statusCode(201);
        timer(path, "CUSTOMER_UPDATE", "met");
        timer(path, "CUSTOMER_UPDATE", "running");
    }

    @Test
    void dispatchStartsAcceptClocksAndAcceptanceStartsHandlerProgress() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        String path = "/api/v1/work-orders/" + wo + "/timers";
        assertEquals(Duration.ofMinutes(5), between(timer(path, "ACCEPT", "running"), "startedAt", "dueAt"));
        World.wo(wo, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        timer(path, "ACCEPT", "met");
        // T9: 30 minutes for BANDWIDTH products.
        assertEquals(Duration.ofMinutes(30), between(timer(path, "HANDLER_PROGRESS", "running"), "startedAt", "dueAt"));
        World.wo(wo, "progress", Map.of("reporterId", w.wuhanHandler, "handlerName", "高翔", "operation", "查告警",
                "interim", true)).statusCode(201);
        timer(path, "HANDLER_PROGRESS", "met");
        timer(path, "HANDLER_PROGRESS", "running");
    }

    @Test
    void switchingReportsEverySixtyMinutes() {
        String t = w.accepted(w.hubeiSwitching, "SWITCHING", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.yichang);
        World.wo(wo, "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
        assertEquals(Duration.ofMinutes(60), between(timer("/api/v1/work-orders/" + wo + "/timers",
                "HANDLER_PROGRESS", "running"), "startedAt", "dueAt"));
    }

    @Test
    void provinceDispatchAndControlResponseClocks() {
        // T4: the province dispatches within 5 minutes of its review.
        String t = w.accepted(w.crossMstp, "MSTP", w.wuhan, w.wuhanAcceptor);
        World.post(t, "local-pre-check", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "localSegmentClean", true)).statusCode(200);
        World.post(t, "province-review", Map.of("unitId", w.hubei, "personId", w.hubeiReviewer,
                "faultInsideProvince", false)).statusCode(200);
        String path = "/api/v1/tickets/" + t + "/timers";
        assertEquals(Duration.ofMinutes(5), between(timer(path, "PROVINCE_DISPATCH", "running"), "startedAt", "dueAt"));
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiReviewer);
        timer(path, "PROVINCE_DISPATCH", "met");
        // T11: the control desk answers a handler's feedback within 5 minutes.
        String chengduWo = World.woOf(wos, w.chengdu);
        World.wo(chengduWo, "accept", Map.of("personId", w.chengduHandler)).statusCode(200);
        JsonPath posted = World.post(t, "feedback", Map.of("unitId", w.chengdu, "personId", w.chengduHandler,
                "message", "需要武汉端配合环回")).statusCode(201).extract().jsonPath();
        String fb = posted.getString("id");
        assertEquals(Instant.parse(posted.getString("postedAt")).plus(Duration.ofMinutes(5)),
                Instant.parse((String) timer(path, "CONTROL_RESPONSE", "running").get("dueAt")));
        World.post(t, "feedback/" + fb + "/answer", Map.of("unitId", w.groupControl, "personId", w.controller,
                "message", "已安排")).statusCode(200);
        timer(path, "CONTROL_RESPONSE", "met");
    }

    @Test
    void anUnacceptedDispatchBreachesAndEscalates() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.yichang);
        clock.advance(Duration.ofMinutes(6));
        // T4 breached by the scheduled sweep; T13: escalated to the unit's supervisor, tier LOCAL first.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                timer("/api/v1/work-orders/" + wo + "/timers", "ACCEPT", "breached"));
        given().get("/api/v1/tickets/" + t + "/escalations").then().statusCode(200)
                .body("reason", hasItem("BREACH"))
                .body("find { it.subject.id == '" + wo + "' }.tier", equalTo("LOCAL"))
                .body("find { it.subject.id == '" + wo + "' }.notifications.recipientId", hasItem(w.yichangSupervisor));
        // Accepting late stops the clock; the breach stays on record.
        World.wo(wo, "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
        Map<String, Object> accept = timer("/api/v1/work-orders/" + wo + "/timers", "ACCEPT", "breached");
        assertNotNull(accept.get("stoppedAt"));
    }

    private String suspendedForAnHour(String t) {
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        World.wo(World.woOf(wos, w.wuhan), "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        World.wo(World.woOf(wos, w.yichang), "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
        World.post(t, "segment-tests", World.cleanTest(w.wuhan, w.wuhanHandler, "A_ACCESS")).statusCode(201);
        World.post(t, "segment-tests", World.cleanTest(w.yichang, w.yichangHandler, "Z_ACCESS")).statusCode(201);
        String s = World.post(t, "suspensions", Map.of("unitId", w.yichang, "personId", w.yichangHandler,
                "reason", "客户机房无人")).statusCode(201).extract().path("id");
        World.post(t, "suspensions/" + s + "/approve", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor,
                "customerConfirmed", true)).statusCode(200);
        clock.advance(Duration.ofHours(1));
        World.post(t, "suspensions/" + s + "/resume", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        return s;
    }

    @Test
    void aSuspendedThenResumedTicketsDeadlineMovesByExactlyThePausedTime() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String path = "/api/v1/tickets/" + t + "/timers";
        Instant dueBefore = Instant.parse((String) timer(path, "RESOLUTION", "running").get("dueAt"));
        suspendedForAnHour(t);
        Map<String, Object> after = timer(path, "RESOLUTION", "running");
        Duration moved = Duration.between(dueBefore, Instant.parse((String) after.get("dueAt")));
        long paused = ((Number) after.get("pausedSeconds")).longValue();
        assertTrue(moved.compareTo(Duration.ofHours(1)) >= 0, moved::toString);
        assertTrue(Math.abs(moved.toSeconds() - paused) <= 1, moved + " vs " + paused + " s paused");
        assertEquals(1, ((List<?>) after.get("pausedIntervals")).size());
    }

    @Test
    void suspendedTimeIsExemptWhenCustomerCaused() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        suspendedForAnHour(t);
        // Before close, both figures are shown and nothing is decided yet (T8).
        given().get("/api/v1/tickets/" + t + "/sla").then().statusCode(200)
                .body("exemptionDecided", equalTo(false)).body("exemptSeconds", equalTo(0));
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                "cause", Map.of("category", "CUSTOMER", "text", "客户侧设备掉电"))).statusCode(200);
        JsonPath sla = given().get("/api/v1/tickets/" + t + "/sla").then().statusCode(200).extract().jsonPath();
        assertTrue(sla.getBoolean("exemptionDecided"));
        long suspended = sla.getLong("suspendedSeconds");
        assertTrue(suspended >= 3600 && suspended < 3610, "suspended " + suspended);
        assertEquals(suspended, sla.getLong("exemptSeconds"));
        assertEquals(sla.getLong("elapsedSeconds") - suspended, sla.getLong("countedSeconds"));
        assertEquals(14_400, sla.getLong("limitSeconds"));
        assertEquals("met", sla.getString("outcome"));
        // Closing cancelled or stopped every clock.
        List<String> states = timers("/api/v1/tickets/" + t + "/timers").getList("state");
        assertTrue(states.stream().noneMatch(s -> s.equals("running") || s.equals("paused")), states::toString);
    }

    @Test
    void suspendedTimeCountsWhenTelecomCaused() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        suspendedForAnHour(t);
        // 1 h suspended + 3 h 5 min more: over the 4 h limit only if the suspended hour is counted
        clock.advance(Duration.ofHours(3).plusMinutes(5));
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                "cause", Map.of("category", "TELECOM", "text", "宜昌局设备故障"))).statusCode(200);
        JsonPath sla = given().get("/api/v1/tickets/" + t + "/sla").then().statusCode(200).extract().jsonPath();
        assertEquals(0, sla.getLong("exemptSeconds"));
        assertEquals(sla.getLong("elapsedSeconds"), sla.getLong("countedSeconds"));
        assertEquals(sla.getLong("elapsedSeconds") - sla.getLong("suspendedSeconds"), sla.getLong("countedIfExemptSeconds"));
        assertEquals("breached", sla.getString("outcome"));
    }

    @Test
    void totalOutageAndAssurancePeriodsEscalateAtIntake() {
        // T13: 全阻 escalates at intake.
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("totalOutage", true);
        String outage = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/tickets/" + outage + "/escalations").then().body("reason", hasItem("TOTAL_OUTAGE"));
        given().get("/api/v1/tickets/" + outage + "/history").then().body("action", hasItem("escalate"));
        // A2: any fault during an assurance period escalates.
        String customerId = given().queryParam("code", w.customerCodeOf(w.hubeiSwitching)).get("/api/v1/customers")
                .then().extract().path("[0].id");
        Instant now = clock.instant();
        String period = given().contentType(ContentType.JSON).body(Map.of("name", "重要会议保障",
                        "startsAt", now.minus(Duration.ofHours(1)).toString(),
                        "endsAt", now.plus(Duration.ofDays(1)).toString(), "customerIds", List.of(customerId)))
                .when().post("/api/v1/assurance-periods").then().statusCode(201).extract().path("id");
        try {
            String during = w.ticket(w.hubeiSwitching, "SWITCHING", w.hubeiDesk);
            given().get("/api/v1/tickets/" + during + "/escalations").then()
                    .body("reason", hasItem("ASSURANCE_PERIOD"));
        } finally {
            given().post("/api/v1/assurance-periods/" + period + "/cancel").then().statusCode(200);
        }
        // T14: the customer escalates through the CM.
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.post(t, "escalations", Map.of("personId", w.hubeiAcceptor, "note", "客户经理转达客户投诉")).statusCode(200);
        given().get("/api/v1/tickets/" + t + "/escalations").then().body("reason", hasItems("EXTERNAL"));
    }

    @Test
    void eachExternalEscalationRaisesTheTicketOneLevelAndOneTier() {
        // T14: the first goes to the acceptance desk (湖北, a province), the next above it, the group at the top.
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        given().get("/api/v1/tickets/" + t).then().body("escalationLevel", equalTo(0));
        World.post(t, "escalations", Map.of("personId", w.hubeiAcceptor, "note", "客户投诉")).statusCode(200)
                .body("escalationLevel", equalTo(1)).body("escalationTier", equalTo("PROVINCE"));
        World.post(t, "escalations", Map.of("personId", w.hubeiAcceptor, "note", "客户再次投诉")).statusCode(200)
                .body("escalationLevel", equalTo(2)).body("escalationTier", equalTo("GROUP"));
        World.post(t, "escalations", Map.of("personId", w.hubeiAcceptor, "note", "客户第三次投诉")).statusCode(200)
                .body("escalationLevel", equalTo(3)).body("escalationTier", equalTo("GROUP"));
        given().get("/api/v1/tickets/" + t).then().body("escalationLevel", equalTo(3));
        JsonPath escalations = timers("/api/v1/tickets/" + t + "/escalations");
        assertEquals(List.of(1, 2, 3), escalations.getList("findAll { it.reason == 'EXTERNAL' }.level"));
        assertEquals(List.of("PROVINCE", "GROUP", "GROUP"), escalations.getList("findAll { it.reason == 'EXTERNAL' }.tier"));
    }

    @Test
    void aCustomerCausedTicketClosedUnrestoredHasItsOutcomeDecided() {
        // T12: closed unrestored once the customer is told; T8: the outcome is decided at close, not left running.
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        World.wo(World.woOf(wos, w.wuhan), "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        given().get("/api/v1/tickets/" + t + "/sla").then().body("outcome", equalTo("running"));
        clock.advance(Duration.ofHours(1));
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerInformed", true,
                "cause", Map.of("category", "CUSTOMER", "text", "客户设备断电，需客户自行更换电源"))).statusCode(200);
        JsonPath sla = given().get("/api/v1/tickets/" + t + "/sla").then().statusCode(200).extract().jsonPath();
        assertTrue(sla.getBoolean("exemptionDecided"));
        assertEquals("met", sla.getString("outcome"));
        long elapsed = sla.getLong("elapsedSeconds");
        // Decided: later time changes nothing.
        clock.advance(Duration.ofHours(2));
        given().get("/api/v1/tickets/" + t + "/sla").then().body("outcome", equalTo("met"))
                .body("elapsedSeconds", equalTo((int) elapsed));
    }

    @Test
    void aCancelledOrRejectedTicketIsNotJudgedAndItsFiguresStop() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        clock.advance(Duration.ofMinutes(20));
        World.post(t, "cancel", Map.of("personId", w.hubeiAcceptor, "note", "重复登记")).statusCode(200);
        JsonPath sla = given().get("/api/v1/tickets/" + t + "/sla").then().statusCode(200).extract().jsonPath();
        assertEquals("void", sla.getString("outcome"));
        long elapsed = sla.getLong("elapsedSeconds");
        assertTrue(elapsed >= 20 * 60, "elapsed " + elapsed);
        // past the limit: a withdrawn ticket neither keeps counting nor breaches
        clock.advance(Duration.ofHours(9));
        given().get("/api/v1/tickets/" + t + "/sla").then().body("outcome", equalTo("void"))
                .body("elapsedSeconds", equalTo((int) elapsed));

        String r = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        World.post(r, "reject", Map.of("personId", w.hubeiAcceptor, "note", "非我方故障")).statusCode(200);
        given().get("/api/v1/tickets/" + r + "/sla").then().statusCode(200).body("outcome", equalTo("void"));
    }
}
