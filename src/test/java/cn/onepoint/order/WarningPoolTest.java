package cn.onepoint.order;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.order.OrderWorld.get;
import static cn.onepoint.order.OrderWorld.local;
import static cn.onepoint.order.OrderWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P6: the warning pool, warnings and their lead time, extensions, and "overdue without warning". */
@QuarkusTest
class WarningPoolTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

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

    /** 武汉–宜昌, inside 湖北: no progress reports unless asked (cross-domain orders always report). */
    private Map<String, Object> body(String due) {
        return w.body(w.dataWuhanYichang, "DATA_CIRCUIT", due);
    }

    private static ValidatableResponse poolList() {
        return given().queryParam("limit", 500).when().get("/api/v1/orders/warning-pool").then().statusCode(200);
    }

    private static Map<String, Object> warning(String unit, String person, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unit);
        m.put("personId", person);
        m.put("reason", reason);
        m.put("text", "客户机房装修");
        return m;
    }

    @Test
    void aStandardOrderEntersTenWorkingDaysBeforeItsDueDate() {
        String id = w.approved(body("2026-12-18"));
        // 10 working days before Friday 12-18 is Friday 12-04; the order enters at the start of that day.
        get(id).body("poolEntryAt", equalTo("2026-12-03T16:00:00Z")).body("inWarningPool", equalTo(false));
        clock.setTo(local("2026-12-03T23:30"));
        poolList().body("orderId", not(hasItem(id)));
        clock.setTo(local("2026-12-04T00:30"));
        poolList().body("findAll { it.orderId == '" + id + "' }.why", contains("SCHEDULE"));
        get(id).body("inWarningPool", equalTo(true));
        // Paged like every list.
        given().queryParam("limit", 1).get("/api/v1/orders/warning-pool").then()
                .header("X-Result-Count", "1").header("X-Total-Count", notZero());
    }

    @Test
    void anExpeditedOrderWithFewerThanTenWorkingDaysEntersAtOnce() {
        Map<String, Object> soon = body("2026-11-12");
        soon.put("expedited", true);
        String id = w.order(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-11-12");
        String expedited = OrderWorld.create(soon).statusCode(201).body("inWarningPool", equalTo(true))
                .extract().path("id");
        poolList().body("orderId", hasItem(expedited));
        // Expedited but with 10 or more working days: on schedule like any other.
        Map<String, Object> later = body("2026-11-30");
        later.put("expedited", true);
        OrderWorld.create(later).statusCode(201).body("inWarningPool", equalTo(false))
                .body("poolEntryAt", equalTo("2026-11-15T16:00:00Z"));
        // A standard order already that close is in the pool from the start too.
        get(id).body("inWarningPool", equalTo(true));
    }

    @Test
    void anOrderFilingProgressReportsEntersOnlyByWarning() {
        Map<String, Object> reporting = body("2026-12-18");
        reporting.put("progressReportsRequired", true);
        String id = w.approved(reporting);
        get(id).body("poolEntryAt", equalTo(null));
        clock.setTo(local("2026-12-10T10:00"));
        poolList().body("orderId", not(hasItem(id)));
        clock.setTo(local("2026-12-08T10:00"));
        post(id, "warnings", warning(w.wuhan, w.wuhanHandler, "RESOURCE")).statusCode(201);
        poolList().body("findAll { it.orderId == '" + id + "' }.why", contains("WARNING_FILED"));
    }

    @Test
    void anOrderLeavesThePoolAtCompletion() {
        String id = w.inConstruction(body("2026-11-12"));
        poolList().body("orderId", hasItem(id));
        w.completeSegments(id);
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(201);
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(200)
                .body("inWarningPool", equalTo(false));
        poolList().body("orderId", not(hasItem(id)));
    }

    @Test
    void aWarningMustComeFiveWorkingDaysAheadOrThreeWhenExpedited() {
        String standard = w.approved(body("2026-12-18"));
        Map<String, Object> fast = body("2026-12-18");
        fast.put("expedited", true);
        String expedited = w.approved(fast);

        clock.setTo(local("2026-12-14T09:00"));   // Monday: 4 working days left
        post(standard, "warnings", warning(w.wuhan, w.wuhanHandler, "CUSTOMER")).statusCode(422)
                .body("code", equalTo("P6")).body("detail", containsString("5"));
        clock.setTo(local("2026-12-11T17:00"));   // Friday: 5 left, in time
        post(standard, "warnings", warning(w.wuhan, w.wuhanHandler, "CUSTOMER")).statusCode(201);

        clock.setTo(local("2026-12-16T09:00"));   // 2 left
        post(expedited, "warnings", warning(w.wuhan, w.wuhanHandler, "CUSTOMER")).statusCode(422)
                .body("code", equalTo("P6"));
        clock.setTo(local("2026-12-15T09:00"));   // 3 left, in time for an expedited order
        post(expedited, "warnings", warning(w.wuhan, w.wuhanHandler, "CUSTOMER")).statusCode(201);
    }

    @Test
    void warningReasonsFollowTheFixedList() {
        String id = w.approved(body("2026-12-18"));
        Map<String, Object> other = warning(w.wuhan, w.wuhanHandler, "OTHER");
        other.remove("text");
        post(id, "warnings", other).statusCode(400).body("errors.field", contains("text"));
        post(id, "warnings", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "reason", "WEATHER"))
                .statusCode(400).body("errors.field", contains("reason"));
        // Only customer reasons may request an extension.
        Map<String, Object> resource = warning(w.wuhan, w.wuhanHandler, "RESOURCE");
        resource.put("requestExtension", true);
        resource.put("requestedDueDate", "2026-12-31");
        post(id, "warnings", resource).statusCode(422).body("code", equalTo("P6"));
        Map<String, Object> customer = warning(w.wuhan, w.wuhanHandler, "CUSTOMER");
        customer.put("requestExtension", true);
        post(id, "warnings", customer).statusCode(400).body("errors.field", contains("requestedDueDate"));
        customer.put("requestedDueDate", "2026-12-18");
        post(id, "warnings", customer).statusCode(400).body("errors.field", contains("requestedDueDate"));
        // The person acts for a unit they belong to.
        post(id, "warnings", warning(w.wuhan, w.yichangHandler, "RESOURCE")).statusCode(422).body("code", equalTo("P6"));
        get(id).body("warningCount", equalTo(0));
    }

    @Test
    void aWarningNotifiesTheThreeManagersAndPublishesJeopardy() {
        String id = w.approved(body("2026-12-18"));
        String warningId = post(id, "warnings", warning(w.yichang, w.yichangHandler, "CONSTRUCTION")).statusCode(201)
                .header("Location", containsString("/orders/" + id + "/warnings/"))
                .body("reason", equalTo("CONSTRUCTION")).body("dueDateAtFiling", equalTo("2026-12-18"))
                .extract().path("id");
        get(id).body("warningCount", equalTo(1)).body("inWarningPool", equalTo(true));
        get(id, "warnings").body("id", contains(warningId));
        get(id, "notifications")
                .body("role", containsInAnyOrder("CUSTOMER_MANAGER", "BUSINESS_MANAGER", "NETWORK_OPS_SUPPORT_MANAGER"))
                .body("recipientId", containsInAnyOrder(w.customerManager, w.businessManager, w.networkOpsManager))
                .body("text", hasItem(containsString("施工原因")))
                // the token of whoever filed the warning caused them (docs/security.md, "Records")
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo(w.yichangHandler)));
        List<String> payloads = new java.util.ArrayList<>();
        for (Row r : pool.preparedQuery("select payload::text from event_outbox where subject_id = $1 "
                + "and event_type = 'ServiceOrderJeopardyEvent'").execute(Tuple.of(UUID.fromString(id)))
                .await().indefinitely()) {
            payloads.add(r.getString(0));
        }
        assertEquals(1, payloads.size());
        assertTrue(payloads.get(0).contains(warningId), payloads.get(0));
    }

    @Test
    void aCustomerCausedExtensionMovesTheDueDateWhenGranted() {
        String id = w.approved(body("2026-12-18"));
        Map<String, Object> customer = warning(w.wuhan, w.wuhanHandler, "CUSTOMER");
        customer.put("requestExtension", true);
        customer.put("requestedDueDate", "2026-12-30");
        String wid = post(id, "warnings", customer).statusCode(201).body("extensionRequested", equalTo(true))
                .extract().path("id");
        String plain = post(id, "warnings", warning(w.wuhan, w.wuhanHandler, "PROPERTY")).statusCode(201)
                .extract().path("id");

        post(id, "warnings/" + plain + "/grant-extension", Map.of("personId", w.customerManager)).statusCode(422)
                .body("code", equalTo("P6"));
        post(id, "warnings/" + wid + "/grant-extension", Map.of("personId", w.wuhanHandler)).statusCode(422)
                .body("code", equalTo("P6"));
        post(id, "warnings/" + UUID.randomUUID() + "/grant-extension", Map.of("personId", w.customerManager))
                .statusCode(404);
        post(id, "warnings/" + wid + "/grant-extension", Map.of("personId", w.customerManager)).statusCode(200)
                .body("grantedDueDate", equalTo("2026-12-30")).body("grantedBy", equalTo(w.customerManager));
        get(id).body("dueDate", equalTo("2026-12-30")).body("requestedCompletionDate", equalTo("2026-12-18"))
                .body("dueAt", equalTo("2026-12-30T10:00:00Z"));
        List<Map<String, Object>> due = given().get("/api/v1/orders/" + id + "/timers").then()
                .extract().path("findAll { it.kind == 'ORDER_DUE' }");
        assertEquals("2026-12-30T10:00:00Z", due.get(due.size() - 1).get("dueAt"));
        assertEquals("running", due.get(due.size() - 1).get("state"));
        post(id, "warnings/" + wid + "/grant-extension", Map.of("personId", w.customerManager)).statusCode(409)
                .body("code", equalTo("EXTENSION_GRANTED"));
    }

    @Test
    void anOrderPastDueWithoutAWarningIsFlagged() {
        String silent = w.approved(body("2026-11-20"));
        String warned = w.approved(body("2026-11-20"));
        post(warned, "warnings", warning(w.wuhan, w.wuhanHandler, "RESOURCE")).statusCode(201);
        String done = w.inConstruction(body("2026-11-20"));
        w.completeSegments(done);
        post(done, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(201);
        post(done, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(200);

        clock.setTo(local("2026-11-20T17:00"));
        flagged().body("id", not(hasItem(silent)));
        clock.setTo(local("2026-11-20T18:30"));
        flagged().body("id", hasItem(silent)).body("id", not(hasItem(warned))).body("id", not(hasItem(done)))
                .body("findAll { it.id == '" + silent + "' }.overdueWithoutWarning", contains(true));
        get(warned).body("overdueWithoutWarning", equalTo(false));
        given().queryParam("flag", "late").get("/api/v1/orders").then().statusCode(400)
                .body("errors.field", contains("flag"));
    }

    private static ValidatableResponse flagged() {
        return given().queryParam("flag", "overdueWithoutWarning").queryParam("limit", 500)
                .get("/api/v1/orders").then().statusCode(200);
    }

    private static org.hamcrest.Matcher<String> notZero() {
        return not(equalTo("0"));
    }
}
