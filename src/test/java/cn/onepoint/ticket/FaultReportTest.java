package cn.onepoint.ticket;

import cn.onepoint.Fixtures;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * T15 the final fault report through the API: due at close for major, group-level and cross-province faults only,
 * drafted, reviewed and submitted by the customer engineer's unit with the right roles, its timer met at submission
 * and breached when late.
 */
@QuarkusTest
class FaultReportTest {

    @Inject
    MutableClock clock;

    World w;

    /** The customer engineer's unit of a group-level customer, and its people. */
    String ceUnit, cce, ce, supervisor, outsider, groupCircuit;

    @BeforeEach
    void world() {
        w = World.get();
        ceUnit = Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "湖北", "武汉", null);
        cce = Fixtures.person(ceUnit, "CHIEF_CUSTOMER_ENGINEER");
        ce = Fixtures.person(ceUnit, "CUSTOMER_ENGINEER");
        supervisor = Fixtures.person(ceUnit, "SUPERVISOR");
        outsider = Fixtures.person(Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "四川", "成都", null),
                "CUSTOMER_ENGINEER", "CHIEF_CUSTOMER_ENGINEER");
        String customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "某集团客户",
                "level", "GROUP", "hqProvince", "湖北", "hqCity", "武汉", "cceId", cce));
        String id = Fixtures.circuit(customer, "MSTP", Fixtures.end("汉口局", "武汉", "湖北", true, w.wuhan),
                Fixtures.end("宜昌局", "宜昌", "湖北", false, w.yichang), null);
        groupCircuit = given().get("/api/v1/circuits/" + id).then().extract().path("code");
    }

    private String closed(String circuit, Map<String, Object> extra) {
        Map<String, Object> body = w.intake(circuit, "MSTP", w.hubeiDesk);
        body.putAll(extra);
        String t = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets").then()
                .statusCode(201).extract().path("id");
        World.post(t, "accept", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        return close(t);
    }

    private String close(String t) {
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                "cause", Map.of("category", "TELECOM", "text", "宜昌局光模块老化"))).statusCode(200);
        return t;
    }

    private static Map<String, Object> draft(String person) {
        return Map.of("personId", person, "occurredAt", "2026-11-25T08:00:00Z", "cause", "宜昌局光模块老化导致电路中断",
                "handlingProcess", "08:05 受理，08:10 派单武汉、宜昌，09:20 宜昌局更换光模块，09:30 业务恢复");
    }

    private static List<Map<String, Object>> reportTimers(String t) {
        List<Map<String, Object>> all = given().get("/api/v1/tickets/" + t + "/timers").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(x -> "FAULT_REPORT".equals(x.get("kind"))).toList();
    }

    @Test
    void aGroupLevelFaultsReportIsDraftedReviewedAndSubmittedByTheCustomerEngineersUnit() {
        Map<String, Object> body = w.intake(groupCircuit, "MSTP", w.hubeiDesk);
        String t = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets").then()
                .statusCode(201).extract().path("id");
        World.post(t, "accept", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        // Before close there is no report yet.
        World.post(t, "fault-report", draft(ce)).statusCode(409).body("code", equalTo("STATE_CONFLICT"));
        close(t);
        String closedAt = given().get("/api/v1/tickets/" + t).then().extract().path("closedAt");
        // T15: due at close, 3 days by default, owed by the unit of the customer's chief customer engineer.
        Map<String, Object> timer = reportTimers(t).get(0);
        assertEquals("running", timer.get("state"));
        assertEquals("T15", timer.get("rule"));
        assertEquals(ceUnit, timer.get("unitId"));
        assertEquals(Instant.parse(closedAt).plus(Duration.ofDays(3)).getEpochSecond(),
                Instant.parse((String) timer.get("dueAt")).getEpochSecond(), 1);
        String etag = given().get("/api/v1/tickets/" + t + "/fault-report").then().statusCode(200)
                .body("status", equalTo("DUE")).body("reasons", equalTo(List.of("GROUP_LEVEL")))
                .body("unitId", equalTo(ceUnit)).body("dueAt", equalTo(timer.get("dueAt")))
                .body("allowedActions", equalTo(List.of("draft"))).extract().header("ETag");
        // Only people of that unit, with the roles each step needs.
        World.post(t, "fault-report", draft(outsider)).statusCode(422).body("code", equalTo("T15"));
        World.post(t, "fault-report", draft(supervisor)).statusCode(422).body("code", equalTo("T15"));
        World.post(t, "fault-report", Map.of("personId", ce)).statusCode(400)
                .body("errors.field", containsInAnyOrder("occurredAt", "cause", "handlingProcess"));
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(draft(ce))
                .post("/api/v1/tickets/" + t + "/fault-report").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(draft(ce))
                .post("/api/v1/tickets/" + t + "/fault-report").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("draftedBy", equalTo(ce))
                .body("handlingProcess", equalTo(draft(ce).get("handlingProcess")))
                .body("allowedActions", equalTo(List.of("draft", "review")));
        World.post(t, "fault-report/submit", Map.of("personId", cce)).statusCode(409)
                .body("state", equalTo("DRAFT")).body("allowedActions", equalTo(List.of("draft", "review")));
        World.post(t, "fault-report/review", Map.of("personId", ce, "approved", true)).statusCode(422)
                .body("code", equalTo("T15"));
        World.post(t, "fault-report/review", Map.of("personId", cce, "approved", false)).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        World.post(t, "fault-report/review", Map.of("personId", cce, "approved", false, "note", "补充恢复后的测试结果"))
                .statusCode(200).body("status", equalTo("DRAFT")).body("reviewNote", equalTo("补充恢复后的测试结果"));
        World.post(t, "fault-report", draft(ce)).statusCode(200);
        World.post(t, "fault-report/review", Map.of("personId", cce, "approved", true)).statusCode(200)
                .body("status", equalTo("REVIEWED")).body("reviewedBy", equalTo(cce));
        World.post(t, "fault-report/submit", Map.of("personId", ce)).statusCode(422).body("code", equalTo("T15"));
        World.post(t, "fault-report/submit", Map.of("personId", supervisor)).statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo(supervisor))
                .body("submittedAt", notNullValue()).body("allowedActions", equalTo(List.of()));
        assertEquals("met", reportTimers(t).get(0).get("state"));
        World.post(t, "fault-report", draft(ce)).statusCode(409);
        given().get("/api/v1/tickets/" + t + "/history").then().body("action", hasItems("fault-report-due",
                "fault-report-draft", "fault-report-review", "fault-report-submit"));
    }

    @Test
    void aReviewIsSomeoneElsesLook() {
        String t = closed(groupCircuit, Map.of());
        World.post(t, "fault-report", draft(cce)).statusCode(200);
        World.post(t, "fault-report/review", Map.of("personId", cce, "approved", true)).statusCode(422)
                .body("code", equalTo("T15"));
        World.post(t, "fault-report/review", Map.of("personId", supervisor, "approved", true)).statusCode(200);
        // A new draft after the review needs a new review.
        World.post(t, "fault-report", draft(ce)).statusCode(200).body("status", equalTo("DRAFT"))
                .body("reviewedBy", nullValue());
    }

    @Test
    void onlyMajorGroupLevelAndCrossProvinceFaultsNeedAReport() {
        // A provincial customer's fault inside 湖北, restored in time: no report.
        String plain = closed(w.hubeiMstp, Map.of());
        World.post(plain, "fault-report", draft(ce)).statusCode(422).body("code", equalTo("T15"));
        given().get("/api/v1/tickets/" + plain + "/fault-report").then().statusCode(404);
        assertEquals(List.of(), reportTimers(plain));
        // A major fault of the same customer does; without a chief customer engineer on record the first customer
        // engineer to draft it claims it for their unit.
        String major = closed(w.hubeiMstp, Map.of("majorFault", "NETWORK"));
        given().get("/api/v1/tickets/" + major + "/fault-report").then().statusCode(200)
                .body("reasons", equalTo(List.of("MAJOR_FAULT"))).body("unitId", nullValue());
        World.post(major, "fault-report", draft(ce)).statusCode(200).body("unitId", equalTo(ceUnit));
        World.post(major, "fault-report", draft(outsider)).statusCode(422).body("code", equalTo("T15"));
        // So do a cross-province circuit and a total outage at a headquarters.
        String cross = closed(w.crossMstpProvincial, Map.of("headquartersOutage", "TOTAL", "totalOutage", true));
        given().get("/api/v1/tickets/" + cross + "/fault-report").then()
                .body("reasons", equalTo(List.of("CROSS_PROVINCE", "TOTAL_OUTAGE", "HEADQUARTERS_OUTAGE")));
        // And a telecom-caused fault past its resolution limit (4 h for MSTP).
        String late = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        close(late);
        given().get("/api/v1/tickets/" + late + "/fault-report").then()
                .body("reasons", equalTo(List.of("TELECOM_TIMEOUT")));
    }

    @Test
    void aReportNotSubmittedInTimeBreachesAndEscalatesToTheUnit() {
        String t = closed(groupCircuit, Map.of());
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("breached", reportTimers(t).get(0).get("state")));
        // T13 on the T15 breach: the unit's supervisor and the customer's chief customer engineer.
        JsonPath escalations = given().get("/api/v1/tickets/" + t + "/escalations").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> report = escalations.getList("findAll { it.reason == 'BREACH' && it.unitId == '"
                + ceUnit + "' }");
        assertEquals(1, report.size(), escalations.prettify());
        given().get("/api/v1/tickets/" + t + "/escalations").then()
                .body("find { it.unitId == '" + ceUnit + "' }.notifications.recipientId", hasItems(supervisor, cce));
        World.post(t, "fault-report", draft(ce)).statusCode(200);
        World.post(t, "fault-report/review", Map.of("personId", cce, "approved", true)).statusCode(200);
        World.post(t, "fault-report/submit", Map.of("personId", cce)).statusCode(200);
        Map<String, Object> late = reportTimers(t).get(0);
        assertEquals("breached", late.get("state"));
        assertNotNull(late.get("stoppedAt"));
        given().get("/api/v1/tickets/" + t + "/fault-report").then().body("status", equalTo("SUBMITTED"))
                .body("reasons", hasItem("GROUP_LEVEL"));
    }
}
