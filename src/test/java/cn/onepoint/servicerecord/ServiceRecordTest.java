package cn.onepoint.servicerecord;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A3 service records through the API against the real database: due dates watched by the timer engine (warned, then
 * breached and escalated by the scheduled sweep), completion with an outcome, the O2 roles per kind, bad fields.
 */
@QuarkusTest
class ServiceRecordTest {

    @Inject
    MutableClock clock;

    String unit, supervisor, cm, chiefCm, handler, otherCm, customer;

    @BeforeEach
    void world() {
        unit = Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "四川", null, null);
        supervisor = Fixtures.person(unit, "SUPERVISOR");
        cm = Fixtures.person(unit, "CUSTOMER_MANAGER");
        chiefCm = Fixtures.person(unit, "CHIEF_CUSTOMER_MANAGER");
        handler = Fixtures.person(Fixtures.unit("PROVINCE", "HANDLING", "四川", null, null), "HANDLER");
        otherCm = Fixtures.person(unit, "CUSTOMER_MANAGER");
        customer = Fixtures.customer("PROVINCIAL", "四川", "成都");
        // Hours are moved through below: from 30 days back, so that no event is left dated after the time the
        // other tests run at (the feed's retention tests cut the outbox by event time).
        clock.goBack(Duration.ofDays(30));
    }

    @AfterEach
    void comeBack() {
        clock.comeBack();
    }

    private Map<String, Object> body(String kind, String assignee, Instant due) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", kind);
        b.put("customerId", customer);
        b.put("assigneeId", assignee);
        b.put("createdBy", supervisor);
        b.put("title", "年度走访");
        b.put("dueAt", due.toString());
        return b;
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/service-records").then();
    }

    private static ValidatableResponse post(String id, String action, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/service-records/" + id + "/" + action)
                .then();
    }

    private static Map<String, Object> timer(String id) {
        List<Map<String, Object>> all = given().get("/api/v1/service-records/" + id + "/timers").then().statusCode(200)
                .extract().path("$");
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    @Test
    void anOverdueRecordWarnsThenBreachesAndEscalatesAndIsCompletedLate() {
        Instant due = clock.instant().plus(Duration.ofHours(10));
        String id = create(body("VISIT", cm, due)).statusCode(201)
                .body("status", equalTo("open")).body("number", startsWith("SR")).body("unitId", equalTo(unit))
                .body("overdue", equalTo(false)).body("allowedActions", contains("complete", "cancel"))
                .extract().path("id");
        Map<String, Object> t = timer(id);
        assertEquals("SERVICE_RECORD", t.get("kind"));
        assertEquals("A3", t.get("rule"));
        assertEquals(due.toString(), t.get("dueAt"));
        assertEquals(unit, t.get("unitId"));
        assertEquals(customer, t.get("customerId"));
        // Warned at 80 % of the time given (8 h of 10), by the scheduled sweep.
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertNotNull(timer(id).get("warnedAt")));
        assertEquals("running", timer(id).get("state"));
        // Past due: overdue, breached, escalated to the unit's supervisor.
        clock.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals("breached", timer(id).get("state")));
        given().get("/api/v1/service-records/" + id).then().body("overdue", equalTo(true));
        given().queryParam("customerId", customer).queryParam("overdue", "true").get("/api/v1/service-records").then()
                .body("id", contains(id));
        given().get("/api/v1/timers/" + timer(id).get("id")).then()
                .body("escalations[0].notifications.recipientId", contains(supervisor));
        // Completed late, with the outcome: the breach stays on record.
        post(id, "complete", Map.of("personId", cm, "outcome", "已走访，客户提出扩容需求")).statusCode(200)
                .body("status", equalTo("completed")).body("outcome", equalTo("已走访，客户提出扩容需求"))
                .body("overdue", equalTo(false)).body("completedBy", equalTo(cm)).body("allowedActions", empty());
        assertEquals("breached", timer(id).get("state"));
        assertNotNull(timer(id).get("stoppedAt"));
        given().get("/api/v1/service-records/" + id + "/history").then()
                .body("action", contains("create", "complete")).body("[1].toStatus", equalTo("completed"));
    }

    @Test
    void completedInTimeTheTimerIsMetAndTheStateMachineHolds() {
        String id = create(body("SERVICE_CAMPAIGN", chiefCm, clock.instant().plus(Duration.ofDays(7)))).statusCode(201)
                .extract().path("id");
        // A supervisor of the unit may complete it for the assignee.
        post(id, "complete", Map.of("personId", supervisor, "outcome", "专项活动完成")).statusCode(200);
        assertEquals("met", timer(id).get("state"));
        post(id, "cancel", Map.of("personId", chiefCm, "reason", "x")).statusCode(409)
                .body("code", equalTo("STATE_CONFLICT")).body("state", equalTo("completed"))
                .body("allowedActions", empty());
        String other = create(body("RETURN_VISIT", cm, clock.instant().plus(Duration.ofDays(7)))).statusCode(201)
                .extract().path("id");
        post(other, "cancel", Map.of("personId", cm, "reason", "客户改约")).statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelReason", equalTo("客户改约"));
        assertEquals("cancelled", timer(other).get("state"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("personId", cm, "outcome", "x")).post("/api/v1/service-records/" + other + "/complete")
                .then().statusCode(412);
    }

    @Test
    void theKindDecidesWhoMayTakeItAndOnlyTheAssigneeOrASupervisorCloses() {
        Instant due = clock.instant().plus(Duration.ofDays(3));
        // A crisis intervention needs someone senior; a plain customer manager is refused.
        create(body("CRISIS_INTERVENTION", cm, due)).statusCode(422).body("code", equalTo("A3"));
        create(body("CRISIS_INTERVENTION", chiefCm, due)).statusCode(201);
        // A visit is the customer's people's, not a handler's; a drill is anyone's.
        create(body("VISIT", handler, due)).statusCode(422).body("code", equalTo("A3"));
        create(body("EMERGENCY_DRILL", handler, due)).statusCode(201);
        String tracking = create(body("SERVICE_TRACKING_WARNING", supervisor, due)).statusCode(201).extract().path("id");
        // who closes is the acting person (the token's): 403; the assignee's role above is about someone named: 422
        post(tracking, "complete", Map.of("personId", otherCm, "outcome", "x")).statusCode(403)
                .body("code", equalTo("A3"));
        post(tracking, "cancel", Map.of("personId", handler, "reason", "x")).statusCode(403).body("code", equalTo("A3"));
        given().get("/api/v1/service-records/" + tracking).then().body("status", equalTo("open"));
        given().queryParam("customerId", customer).queryParam("kind", "CRISIS_INTERVENTION,EMERGENCY_DRILL")
                .get("/api/v1/service-records").then().header("X-Total-Count", "2")
                .body("kind", containsInAnyOrder("CRISIS_INTERVENTION", "EMERGENCY_DRILL"));
        given().queryParam("customerId", customer).queryParam("assigneeId", supervisor).queryParam("status", "open")
                .get("/api/v1/service-records").then().body("id", contains(tracking));
        given().queryParam("customerId", customer).queryParam("overdue", "false").get("/api/v1/service-records").then()
                .header("X-Total-Count", "3");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        given().contentType(ContentType.JSON).body(Map.of("customerId", customer, "title", " ", "createdBy", supervisor))
                .post("/api/v1/service-records").then().statusCode(400).body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("kind", "title", "assigneeId", "dueAt"));
        Map<String, Object> b = body("VISIT", "nope", clock.instant().minusSeconds(1));
        b.put("customerId", UUID.randomUUID().toString());
        create(b).statusCode(400)
                .body("errors.field", containsInAnyOrder("dueAt", "customerId", "assigneeId"));
        // an actor the directory does not know has no token that works
        b.put("createdBy", UUID.randomUUID().toString());
        create(b).statusCode(403).body("code", equalTo("AUTH-PERSON"));
        Map<String, Object> kind = body("PICNIC", cm, clock.instant().plusSeconds(60));
        create(kind).statusCode(400).body("errors.field", contains("kind"));
        given().queryParam("kind", "PICNIC").queryParam("overdue", "maybe").queryParam("dueBefore", "soon")
                .get("/api/v1/service-records").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("kind", "overdue", "dueBefore"));
        given().get("/api/v1/service-records/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/service-records/" + UUID.randomUUID() + "/timers").then().statusCode(404);
        String id = create(body("VISIT", cm, clock.instant().plusSeconds(3600))).statusCode(201).extract().path("id");
        given().get("/api/v1/service-records/" + id).then().header("ETag", notNullValue())
                .body("completedAt", nullValue());
    }
}
