package cn.onepoint.order;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.order.OrderWorld.local;
import static cn.onepoint.order.OrderWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every disallowed action is a 409 naming the state and the allowed actions; validation; paging; ETag/If-Match. */
@QuarkusTest
class OrderStateMachineTest {

    @Inject
    MutableClock clock;

    OrderWorld w;

    @BeforeEach
    void world() {
        w = OrderWorld.get();
        clock.setTo(local("2026-11-02T09:00"));
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    /** Every client action, with a body that would be valid in the right state. */
    private Map<String, Object> actions() {
        return Map.ofEntries(
                Map.entry("review", w.approve()),
                Map.entry("resubmit", Map.of("personId", w.businessManager)),
                Map.entry("project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.projectManager)),
                Map.entry("survey", Map.of("personId", w.projectManager, "summary", "s")),
                Map.entry("plan", Map.of("personId", w.projectManager, "summary", "p")),
                Map.entry("progress-reports", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "thisWeek", "a",
                        "nextWeek", "b")),
                Map.entry("warnings", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "reason", "RESOURCE")),
                Map.entry("warnings/" + UUID.randomUUID() + "/grant-extension", Map.of("personId", w.customerManager)),
                Map.entry("segment-completions", OrderWorld.segmentDone(w.wuhan, w.wuhanHandler, "A_ACCESS")),
                Map.entry("tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")),
                Map.entry("completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)),
                Map.entry("resource-registration", Map.of("personId", w.wuhanHandler, "reference", "r")),
                Map.entry("delivery-note", Map.of("personId", w.wuhanHandler, "reference", "r")),
                Map.entry("cancel", Map.of("personId", w.businessManager)));
    }

    private static String wire(String action) {
        return action.startsWith("warnings/") ? "grant-extension" : action;
    }

    private void assertOnlyAllowedActionsPass(String order, String state, List<String> allowed) {
        for (var e : actions().entrySet()) {
            if (allowed.contains(wire(e.getKey()))) {
                continue;
            }
            post(order, e.getKey(), e.getValue()).statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("STATE_CONFLICT"))
                    .body("state", equalTo(state))
                    .body("allowedActions", containsInAnyOrder(allowed.toArray()))
                    .body("detail", containsString(wire(e.getKey())));
        }
        OrderWorld.get(order).body("allowedActions", containsInAnyOrder(allowed.toArray()));
    }

    private Map<String, Object> body() {
        return w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-11-12");
    }

    @Test
    void acknowledgedAllowsOnlyReviewAndCancel() {
        assertOnlyAllowedActionsPass(OrderWorld.create(body()).statusCode(201).extract().path("id"),
                "acknowledged/review", List.of("review", "cancel"));
    }

    @Test
    void aReturnedOrderAllowsOnlyResubmitAndCancel() {
        String id = OrderWorld.create(body()).statusCode(201).extract().path("id");
        post(id, "review", Map.of("personId", w.reviewer, "decision", "RETURN", "reason", "r")).statusCode(200);
        assertOnlyAllowedActionsPass(id, "pending/review", List.of("resubmit", "cancel"));
    }

    @Test
    void eachStepAllowsItsOwnActions() {
        String id = w.approved(body());
        assertOnlyAllowedActionsPass(id, "inProgress/survey",
                List.of("project-manager", "survey", "warnings", "grant-extension", "cancel"));
        post(id, "project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.projectManager))
                .statusCode(200);
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "s")).statusCode(200);
        assertOnlyAllowedActionsPass(id, "inProgress/plan",
                List.of("project-manager", "plan", "warnings", "grant-extension", "cancel"));
        post(id, "plan", Map.of("personId", w.projectManager, "summary", "p")).statusCode(200);
        assertOnlyAllowedActionsPass(id, "inProgress/construction", List.of("project-manager", "progress-reports",
                "warnings", "grant-extension", "segment-completions", "completion", "cancel"));
        w.completeSegments(id);
        assertOnlyAllowedActionsPass(id, "inProgress/testing", List.of("project-manager", "progress-reports",
                "warnings", "grant-extension", "segment-completions", "tests", "completion", "resource-registration",
                "cancel"));
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(201);
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(200);
        assertOnlyAllowedActionsPass(id, "completed/completion", List.of("resource-registration", "delivery-note"));
    }

    @Test
    void aCancelledOrderAllowsNothing() {
        String id = w.approved(body());
        post(id, "cancel", Map.of("personId", w.businessManager)).statusCode(200);
        assertOnlyAllowedActionsPass(id, "cancelled/survey", List.of());
    }

    @Test
    void creationNamesEveryMissingField() {
        OrderWorld.create(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("customerId", "circuitId", "businessType",
                        "requestedCompletionDate", "businessManagerId", "networkOpsSupportManagerId"));
    }

    @Test
    void creationNamesEveryBadReferenceAtOnce() {
        Map<String, Object> bad = w.body(w.dataWuhanYichang, "MSTP", "2026-11-02");
        bad.put("customerId", UUID.randomUUID().toString());
        bad.put("businessManagerId", w.reviewer);
        bad.put("networkOpsSupportManagerId", "not-an-id");
        bad.put("progressReportInterval", "P3D");
        bad.put("leadUnitId", UUID.randomUUID().toString());
        OrderWorld.create(bad).statusCode(400)
                .body("errors.field", containsInAnyOrder("customerId", "businessType", "requestedCompletionDate",
                        "businessManagerId", "networkOpsSupportManagerId", "progressReportInterval", "leadUnitId"));
        Map<String, Object> cadence = w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-11-20");
        cadence.put("expedited", true);
        cadence.put("progressReportInterval", "every week");
        OrderWorld.create(cadence).statusCode(400).body("errors.field", containsInAnyOrder("progressReportInterval"));
        cadence.put("progressReportInterval", "P3D");
        cadence.put("progressReportsRequired", true);
        OrderWorld.create(cadence).statusCode(201).body("progressReportInterval", equalTo("PT72H"));
    }

    @Test
    void listsArePagedAndFiltered() {
        String a = w.order(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-11-20");
        String b = w.approved(body());
        given().queryParam("limit", 2).get("/api/v1/orders").then().statusCode(200)
                .header("X-Result-Count", "2").header("X-Total-Count", not(equalTo("0")))
                .body("size()", equalTo(2));
        given().queryParam("status", "acknowledged").queryParam("limit", 500).get("/api/v1/orders").then()
                .statusCode(200).body("id", hasItem(a)).body("id", not(hasItem(b)))
                .body("status", not(hasItem("inProgress")));
        given().queryParam("step", "survey,plan").queryParam("customerId", w.customer).queryParam("limit", 500)
                .get("/api/v1/orders").then().statusCode(200).body("id", hasItem(b)).body("id", not(hasItem(a)));
        given().queryParam("sort", "-dueDate").queryParam("limit", 1).get("/api/v1/orders").then().statusCode(200);
        given().queryParam("status", "open").queryParam("step", "build").queryParam("sort", "size")
                .queryParam("customerId", "x").get("/api/v1/orders").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "step", "sort", "customerId"));
        given().queryParam("limit", 501).get("/api/v1/orders").then().statusCode(400);
        given().get("/api/v1/orders/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void actionsHonourIfMatch() {
        String id = OrderWorld.create(body()).statusCode(201).extract().path("id");
        String etag = OrderWorld.get(id).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(w.approve())
                .post("/api/v1/orders/" + id + "/review").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        OrderWorld.get(id).body("status", equalTo("acknowledged"));
        String next = given().contentType(ContentType.JSON).header("If-Match", etag).body(w.approve())
                .post("/api/v1/orders/" + id + "/review").then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, next);
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("personId", w.reviewer, "projectManagerId", w.projectManager))
                .post("/api/v1/orders/" + id + "/project-manager").then().statusCode(412);
    }
}
