package cn.onepoint.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * T17 loop-back tests through the API: consent first, the three plans (BOTH, ONE, NEITHER) each through to a
 * narrowed segment and to a difficult fault with its joint handling, and every refusal.
 */
@QuarkusTest
class LoopTestProcedureTest {

    @Inject
    Pool pool;

    World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    /** A fault on 武汉–宜昌 (A 武汉, Z 宜昌) dispatched to both ends; {@code clean}: both found no alarm, no change. */
    private String dispatched(boolean clean) {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        String a = World.woOf(wos, w.wuhan);
        String z = World.woOf(wos, w.yichang);
        World.wo(a, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        World.wo(z, "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
        World.wo(a, "findings", Map.of("personId", w.wuhanHandler, "alarm", false, "configChange", false))
                .statusCode(200);
        if (clean) {
            World.wo(z, "findings", Map.of("personId", w.yichangHandler, "alarm", false, "configChange", false))
                    .statusCode(200);
        }
        return t;
    }

    private Map<String, Object> consent(String plan) {
        Map<String, Object> body = new HashMap<>(Map.of("personId", w.hubeiAcceptor, "consent", true, "plan", plan));
        if (plan.equals("ONE")) {
            body.put("cooperatingEnd", "A");
        }
        return body;
    }

    private String start(String t, String plan) {
        return World.post(t, "loop-tests", consent(plan)).statusCode(201)
                .body("status", equalTo("TESTING")).extract().path("id");
    }

    /** One loop at {@code end}, made by that end's handling unit; answers the session. */
    private JsonPath loop(String t, String lt, String end, String point, String direction, boolean received) {
        return World.post(t, "loop-tests/" + lt + "/loops", loopBody(end, point, direction, received))
                .statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> loopBody(String end, String point, String direction, boolean received) {
        boolean a = end.equals("A");
        return Map.of("unitId", a ? w.wuhan : w.yichang, "personId", a ? w.wuhanHandler : w.yichangHandler,
                "end", end, "point", point, "direction", direction, "received", received);
    }

    private static String phase(String t) {
        return given().get("/api/v1/tickets/" + t).then().statusCode(200).extract().path("phase");
    }

    /** The next loops as "end point direction" strings. */
    private static List<String> next(JsonPath session) {
        List<Map<String, Object>> next = session.getList("next");
        return next.stream().map(n -> n.get("end") + " " + n.get("point") + " " + n.get("direction")).toList();
    }

    private void assertDifficultFault(String t, String lt, JsonPath last) {
        assertEquals("DIFFICULT_FAULT", last.getString("status"));
        assertEquals(List.of(), last.getList("next"));
        assertEquals("difficultFault", phase(t));
        // The joint handling starts with the dispatching unit and every handling unit, then people join.
        given().get("/api/v1/tickets/" + t + "/difficult-fault").then().statusCode(200)
                .body("loopTestId", equalTo(lt))
                .body("participants.unitId", containsInAnyOrder(w.hubeiDesk, w.wuhan, w.yichang))
                .body("participants.joinedAt", hasSize(3));
        World.post(t, "difficult-fault/participants", Map.of("personId", w.backboneHandler, "note", "骨干传输专家"))
                .statusCode(201).body("participants", hasSize(4))
                .body("participants.find { it.personId == '" + w.backboneHandler + "' }.unitId", equalTo(w.backbone))
                .body("participants.find { it.personId == '" + w.backboneHandler + "' }.note", equalTo("骨干传输专家"));
        World.post(t, "difficult-fault/participants", Map.of("personId", w.backboneHandler)).statusCode(409)
                .body("code", equalTo("ALREADY_JOINED"));
        given().get("/api/v1/tickets/" + t + "/history").then()
                .body("action", hasItem("loop")).body("action", hasItem("difficult-fault"))
                .body("find { it.action == 'loop' && it.phase == 'difficultFault' }.detail",
                        containsString("difficult fault"));
        // Handling goes on: segment tests are still allowed, a further dispatch is not.
        given().get("/api/v1/tickets/" + t).then().body("allowedActions", hasItem("segment-tests"))
                .body("allowedActions", hasItem("difficult-fault"));
    }

    @Test
    void withoutConsentAnotherMethodIsRecordedAndNoLoopMayBeMade() {
        String t = dispatched(true);
        World.post(t, "loop-tests", Map.of("personId", w.hubeiAcceptor, "consent", false)).statusCode(400)
                .body("errors.field", hasItem("otherMethod"));
        String lt = World.post(t, "loop-tests", Map.of("personId", w.hubeiAcceptor, "consent", false,
                        "otherMethod", "客户不同意中断业务打环，改用误码仪在线监测"))
                .statusCode(201).body("status", equalTo("NO_CONSENT")).body("plan", nullValue())
                .body("otherMethod", containsString("误码仪")).extract().path("id");
        assertEquals("dispatched", phase(t));
        // T17: no consent, no loop test.
        World.post(t, "loop-tests/" + lt + "/loops", loopBody("A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true))
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("T17"))
                .body("detail", containsString("误码仪"));
        given().get("/api/v1/tickets/" + t + "/loop-tests/" + lt).then().statusCode(200).body("loops", hasSize(0));
        // The customer may agree later: a new session.
        start(t, "BOTH");
        assertEquals("loopTest", phase(t));
        given().get("/api/v1/tickets/" + t + "/loop-tests").then().body("status", equalTo(List.of("NO_CONSENT", "TESTING")));
    }

    @Test
    void loopTestsComeAfterCleanFindingsFromTheDispatchingUnitOfABandwidthCircuit() {
        String t = dispatched(false);
        // T16 → T17: Z has not reported its findings yet.
        World.post(t, "loop-tests", consent("BOTH")).statusCode(422).body("code", equalTo("T17"));
        String s = w.accepted(w.hubeiSwitching, "SWITCHING", w.hubeiDesk, w.hubeiAcceptor);
        World.dispatch(s, w.hubeiAcceptor);
        World.post(s, "loop-tests", consent("BOTH")).statusCode(422).body("code", equalTo("T17"))
                .body("detail", containsString("SWITCHING"));
        String ok = dispatched(true);
        // A handling unit does not agree the plan with the customer; the dispatching unit does.
        World.post(ok, "loop-tests", Map.of("personId", w.wuhanHandler, "consent", true, "plan", "BOTH"))
                .statusCode(422).body("code", equalTo("T17"));
        // Every bad field at once.
        World.post(ok, "loop-tests", Map.of("personId", w.hubeiAcceptor, "consent", true, "immediate", false,
                "plan", "ONE")).statusCode(400).body("errors.field", containsInAnyOrder("scheduledAt", "plan",
                "cooperatingEnd"));
        // Not immediate: staff test both ends at the agreed time, plan BOTH.
        String at = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        World.post(ok, "loop-tests", Map.of("personId", w.hubeiAcceptor, "consent", true, "immediate", false,
                        "scheduledAt", at)).statusCode(201).body("plan", equalTo("BOTH"))
                .body("immediate", equalTo(false)).body("scheduledAt", equalTo(at));
        // One session at a time: the ticket is in loopTest now.
        World.post(ok, "loop-tests", consent("BOTH")).statusCode(409).body("state", equalTo("inProgress/loopTest"));
    }

    @Test
    void bothEndsNarrowTheFaultToTheFarAccess() {
        String t = dispatched(true);
        String lt = start(t, "BOTH");
        assertEquals("loopTest", phase(t));
        JsonPath s = JsonPath.from(given().get("/api/v1/tickets/" + t + "/loop-tests/" + lt).asString());
        // (1) both ends at once, at the nearest office, toward the customer.
        assertEquals(List.of("A NEAREST_OFFICE TOWARD_CUSTOMER", "Z NEAREST_OFFICE TOWARD_CUSTOMER"), next(s));
        assertEquals(List.of("CUSTOMER", "CUSTOMER"), s.getList("next.receivedBy"));
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        s = loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", false);
        // (2) Z's customer did not receive it: between the office and the customer; next the CPE's customer port.
        assertTrue(next(s).contains("Z CPE_CUSTOMER_PORT TOWARD_CUSTOMER"), next(s).toString());
        assertEquals("CUSTOMER_LINE_FAULT", s.getString("loops[1].finding"));
        // A loop the procedure does not call for is refused, naming what it does call for.
        World.post(t, "loop-tests/" + lt + "/loops", loopBody("A", "BACKBONE_EXIT", "TOWARD_BACKBONE", true))
                .statusCode(422).body("code", equalTo("T17"))
                .body("detail", containsString("Z CPE_CUSTOMER_PORT TOWARD_CUSTOMER"));
        // Only the ticket's handling units make loops.
        World.post(t, "loop-tests/" + lt + "/loops", Map.of("unitId", w.chengdu, "personId", w.chengduHandler,
                "end", "Z", "point", "CPE_CUSTOMER_PORT", "direction", "TOWARD_CUSTOMER", "received", true))
                .statusCode(422).body("code", equalTo("T17"));
        s = loop(t, lt, "Z", "CPE_CUSTOMER_PORT", "TOWARD_CUSTOMER", true);
        // Received at the CPE's customer port: the fault is in Z's access.
        assertEquals("FOUND", s.getString("status"));
        assertEquals("Z_ACCESS", s.getString("segment"));
        assertEquals(List.of(), s.getList("next"));
        assertEquals("dispatched", phase(t));
        World.post(t, "loop-tests/" + lt + "/loops", loopBody("A", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true))
                .statusCode(409).body("code", equalTo("STATE_CONFLICT"));
        long events = pool.preparedQuery("select count(*) from event_outbox where subject_id = $1 and event_type = $2")
                .execute(Tuple.of(UUID.fromString(t), "TicketLoopTestEvent")).await().indefinitely()
                .iterator().next().getLong(0);
        assertEquals(4, events, "one event per session change: start and three loops");
    }

    @Test
    void bothEndsFindTheBackboneOrTheCustomerPremises() {
        String t = dispatched(true);
        String lt = start(t, "BOTH");
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        JsonPath s = loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        // (3) both received: the loop moves to the backbone exit, toward the customer.
        assertEquals(List.of("A BACKBONE_EXIT TOWARD_CUSTOMER", "Z BACKBONE_EXIT TOWARD_CUSTOMER"), next(s));
        loop(t, lt, "A", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        s = loop(t, lt, "Z", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        // (5) one end loops toward the other; (6) not received: the backbone.
        assertEquals(List.of("A BACKBONE_EXIT TOWARD_BACKBONE", "Z BACKBONE_EXIT TOWARD_BACKBONE"), next(s));
        assertEquals("FAR_END", s.getString("next[0].receivedBy"));
        s = loop(t, lt, "Z", "BACKBONE_EXIT", "TOWARD_BACKBONE", false);
        assertEquals("BACKBONE", s.getString("segment"));

        String c = dispatched(true);
        String lc = start(c, "BOTH");
        loop(c, lc, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", false);
        s = loop(c, lc, "A", "CPE_CUSTOMER_PORT", "TOWARD_CUSTOMER", false);
        // Not even the CPE's customer-side port: the customer's premises.
        assertEquals("CUSTOMER_PREMISES", s.getString("segment"));
    }

    @Test
    void bothEndsCannotFindItAndTheFaultBecomesDifficult() {
        String t = dispatched(true);
        String lt = start(t, "BOTH");
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        loop(t, lt, "A", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        loop(t, lt, "Z", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        JsonPath s = loop(t, lt, "A", "BACKBONE_EXIT", "TOWARD_BACKBONE", true);
        // (6) received: both ends send staff for the full loop on site.
        assertEquals(List.of("A CPE_CUSTOMER_PORT TOWARD_BACKBONE", "Z CPE_CUSTOMER_PORT TOWARD_BACKBONE"), next(s));
        assertEquals(List.of(true, true), s.getList("next.staffOnSite"));
        loop(t, lt, "A", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        s = loop(t, lt, "Z", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        assertDifficultFault(t, lt, s);
    }

    @Test
    void oneEndCooperatingNarrowsTheFaultToTheBackbone() {
        String t = dispatched(true);
        String lt = start(t, "ONE");
        JsonPath s = JsonPath.from(given().get("/api/v1/tickets/" + t + "/loop-tests/" + lt).asString());
        // (1) the cooperating end toward its customer, the other toward the backbone with a meter at its exit.
        assertEquals(List.of("A NEAREST_OFFICE TOWARD_CUSTOMER", "Z NEAREST_OFFICE TOWARD_BACKBONE"), next(s));
        assertEquals("BACKBONE_EXIT_METER", s.getString("next[1].receivedBy"));
        // Before the controllable part is known clean, staff at Z do not test from the customer side.
        World.post(t, "loop-tests/" + lt + "/loops", loopBody("Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true))
                .statusCode(422).body("code", equalTo("T17"));
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        s = loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        // (3) A moves to its backbone exit; Z goes on as its staff arrive.
        assertEquals(List.of("A BACKBONE_EXIT TOWARD_CUSTOMER", "Z NEAREST_OFFICE TOWARD_CUSTOMER"), next(s));
        assertEquals(List.of(false, true), s.getList("next.staffOnSite"));
        s = loop(t, lt, "A", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        // (5) no staff at Z yet: Z loops toward A, whose customer receives.
        assertTrue(next(s).contains("Z BACKBONE_EXIT TOWARD_BACKBONE"), next(s).toString());
        s = loop(t, lt, "Z", "BACKBONE_EXIT", "TOWARD_BACKBONE", false);
        assertEquals("BACKBONE", s.getString("segment"));
    }

    @Test
    void oneEndCooperatingFindsTheOtherAccessOrCannotFindIt() {
        String t = dispatched(true);
        String lt = start(t, "ONE");
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        // (2) the meter at Z's backbone exit sees nothing: between it and Z's nearest office.
        JsonPath s = loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_BACKBONE", false);
        assertEquals("Z_ACCESS", s.getString("segment"));

        String d = dispatched(true);
        String ld = start(d, "ONE");
        loop(d, ld, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        loop(d, ld, "Z", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        loop(d, ld, "A", "BACKBONE_EXIT", "TOWARD_CUSTOMER", true);
        s = loop(d, ld, "Z", "BACKBONE_EXIT", "TOWARD_BACKBONE", true);
        // (6) A received Z's loop: it depends on Z's staff on site.
        assertEquals(List.of("Z NEAREST_OFFICE TOWARD_CUSTOMER"), next(s));
        s = loop(d, ld, "Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        assertEquals(List.of("A CPE_CUSTOMER_PORT TOWARD_BACKBONE", "Z CPE_CUSTOMER_PORT TOWARD_BACKBONE"), next(s));
        loop(d, ld, "A", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        s = loop(d, ld, "Z", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        assertDifficultFault(d, ld, s);
    }

    @Test
    void neitherEndCooperatingTestsTheControllablePartFirstThenStaffFindTheCustomerPremises() {
        String t = dispatched(true);
        String lt = start(t, "NEITHER");
        JsonPath s = JsonPath.from(given().get("/api/v1/tickets/" + t + "/loop-tests/" + lt).asString());
        // (1) both ends toward the backbone, meters at both backbone exits.
        assertEquals(List.of("A NEAREST_OFFICE TOWARD_BACKBONE", "Z NEAREST_OFFICE TOWARD_BACKBONE"), next(s));
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        s = loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        // (3) both received: what comes next depends on the staff sent to the customers.
        assertEquals(List.of("A NEAREST_OFFICE TOWARD_CUSTOMER", "Z NEAREST_OFFICE TOWARD_CUSTOMER"), next(s));
        assertEquals(List.of(true, true), s.getList("next.staffOnSite"));
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", false);
        s = loop(t, lt, "A", "CPE_CUSTOMER_PORT", "TOWARD_CUSTOMER", false);
        assertEquals("CUSTOMER_PREMISES", s.getString("segment"));

        String a = dispatched(true);
        String la = start(a, "NEITHER");
        // (2) one meter sees nothing: that end's access.
        s = loop(a, la, "A", "NEAREST_OFFICE", "TOWARD_BACKBONE", false);
        assertEquals("A_ACCESS", s.getString("segment"));
    }

    @Test
    void neitherEndCooperatingCannotFindItAndTheFaultBecomesDifficult() {
        String t = dispatched(true);
        String lt = start(t, "NEITHER");
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_BACKBONE", true);
        JsonPath s = loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        // A is clean to its customer now: Z may loop toward A across the backbone.
        assertEquals(List.of("Z NEAREST_OFFICE TOWARD_CUSTOMER", "Z BACKBONE_EXIT TOWARD_BACKBONE"), next(s));
        loop(t, lt, "Z", "BACKBONE_EXIT", "TOWARD_BACKBONE", true);
        loop(t, lt, "Z", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        loop(t, lt, "Z", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        s = loop(t, lt, "A", "CPE_CUSTOMER_PORT", "TOWARD_BACKBONE", true);
        assertDifficultFault(t, lt, s);
    }

    @Test
    void aLoopTestSurvivesWaitingForTheCustomerAndEndsAtRestoration() {
        String t = dispatched(true);
        String lt = start(t, "BOTH");
        World.post(t, "await-customer", Map.of("personId", w.hubeiAcceptor, "note", "约客户 14:00 配合")).statusCode(200);
        World.post(t, "customer-responded", Map.of("personId", w.hubeiAcceptor)).statusCode(200)
                .body("phase", equalTo("loopTest"));
        loop(t, lt, "A", "NEAREST_OFFICE", "TOWARD_CUSTOMER", true);
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        given().get("/api/v1/tickets/" + t + "/loop-tests/" + lt).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("next", hasSize(0)).body("loops", hasSize(1));
        given().get("/api/v1/tickets/" + t + "/difficult-fault").then().statusCode(404);
        given().get("/api/v1/tickets/" + t + "/loop-tests/" + UUID.randomUUID()).then().statusCode(404);
    }
}
