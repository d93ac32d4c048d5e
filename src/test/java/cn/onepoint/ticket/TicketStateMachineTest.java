package cn.onepoint.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every disallowed transition is a 409 naming the state and the allowed actions; ETag and If-Match. A refused or
 * losing command leaves neither a change nor a feed event behind (issue 4, item 1: the outbox row is written in
 * the command's transaction).
 */
@QuarkusTest
class TicketStateMachineTest {

    World w;

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** Feed events about the ticket, in the order written. */
    private List<String> events(String ticket) {
        List<String> types = new java.util.ArrayList<>();
        pool.preparedQuery("select event_type from event_outbox where subject_id = $1 order by id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(ticket)))
                .await().indefinitely().forEach(r -> types.add(r.getString(0)));
        return types;
    }

    private long historyRows(String ticket) {
        return given().get("/api/v1/tickets/" + ticket + "/history").then().statusCode(200).extract()
                .jsonPath().getList("action").size();
    }

    @BeforeEach
    void world() {
        w = World.get();
    }

    /** Every client action endpoint, with a body that would be valid in the right state. */
    private Map<String, Map<String, Object>> actions() {
        Map<String, Object> person = Map.of("personId", w.hubeiAcceptor);
        return Map.ofEntries(
                Map.entry("accept", person),
                Map.entry("reject", person),
                Map.entry("escalations", Map.of("personId", w.hubeiAcceptor, "note", "客户经理反映处理太慢")),
                Map.entry("cancel", person),
                Map.entry("responsible-person", Map.of("personId", w.hubeiAcceptor, "byPersonId", w.hubeiAcceptor,
                        "reason", "r")),
                Map.entry("local-pre-check", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor,
                        "localSegmentClean", true)),
                Map.entry("province-review", Map.of("unitId", w.hubei, "personId", w.hubeiReviewer,
                        "faultInsideProvince", false)),
                Map.entry("dispatches", person),
                Map.entry("segment-tests", World.cleanTest(w.wuhan, w.wuhanHandler, "A_ACCESS")),
                Map.entry("customer-updates", Map.of("personId", w.hubeiAcceptor, "channel", "SMS", "message", "m")),
                Map.entry("feedback", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "message", "m")),
                Map.entry("suspensions", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "reason", "r")),
                Map.entry("await-customer", person),
                Map.entry("customer-responded", person),
                Map.entry("restore", person),
                Map.entry("repair", person),
                Map.entry("close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                        "cause", Map.of("category", "TELECOM", "text", "t"))),
                Map.entry("flags", Map.of("personId", w.hubeiAcceptor, "majorFault", "NETWORK")),
                Map.entry("information", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor,
                        "source", "CUSTOMER", "message", "m")),
                Map.entry("wording", Map.of("personId", w.hubeiAcceptor, "text", "t")),
                Map.entry("loop-tests", Map.of("personId", w.hubeiAcceptor, "consent", true, "plan", "BOTH")));
    }

    private void assertOnlyAllowedActionsPass(String ticket, String state, List<String> allowed) {
        List<String> eventsBefore = events(ticket);
        long historyBefore = historyRows(ticket);
        for (var e : actions().entrySet()) {
            if (allowed.contains(e.getKey())) {
                continue;
            }
            World.post(ticket, e.getKey(), e.getValue()).statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("STATE_CONFLICT"))
                    .body("state", equalTo(state))
                    .body("allowedActions", containsInAnyOrder(allowed.toArray()))
                    .body("detail", containsString(e.getKey()));
        }
        assertEquals(eventsBefore, events(ticket), "a refused command writes no feed event");
        assertEquals(historyBefore, historyRows(ticket), "a refused command writes no history");
    }

    @Test
    void acknowledgedAllowsOnlyAcceptRejectCancelEscalate() {
        String t = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        assertOnlyAllowedActionsPass(t, "acknowledged/intake", List.of("accept", "reject", "cancel", "escalations",
                "flags"));
    }

    @Test
    void closedAllowsOnlyRepair() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor)).statusCode(200);
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                "cause", Map.of("category", "TELECOM", "text", "t"))).statusCode(200);
        assertOnlyAllowedActionsPass(t, "closed/closed", List.of("repair"));
        // T5: once the repair is recorded, a closed ticket has nothing left to do
        World.post(t, "repair", Map.of("personId", w.hubeiAcceptor)).statusCode(200)
                .body("faultRepairedAt", notNullValue()).body("allowedActions", empty());
        World.post(t, "repair", Map.of("personId", w.hubeiAcceptor)).statusCode(409)
                .body("code", equalTo("ALREADY_REPAIRED"));
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true,
                "cause", Map.of("category", "TELECOM", "text", "t"))).statusCode(409)
                .body("code", equalTo("STATE_CONFLICT")).body("allowedActions", empty());
    }

    @Test
    void rejectedAndCancelledAllowNothing() {
        String r = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        World.post(r, "reject", Map.of("personId", w.hubeiAcceptor, "note", "非我方故障")).statusCode(200)
                .body("status", equalTo("rejected"));
        assertOnlyAllowedActionsPass(r, "rejected/rejected", List.of());
        String c = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        World.post(c, "cancel", Map.of("personId", w.hubeiAcceptor, "note", "重复登记")).statusCode(200);
        assertOnlyAllowedActionsPass(c, "cancelled/cancelled", List.of());
    }

    @Test
    void heldAllowsResumeButNotRestoreOfTheRequest() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.post(t, "await-customer", Map.of("personId", w.hubeiAcceptor, "note", "等客户提供机房钥匙"))
                .statusCode(200).body("status", equalTo("pending")).body("phase", equalTo("awaitingCustomer"));
        World.post(t, "dispatches", Map.of("personId", w.hubeiAcceptor)).statusCode(409)
                .body("state", equalTo("pending/awaitingCustomer"));
        World.post(t, "customer-responded", Map.of("personId", w.hubeiAcceptor)).statusCode(200)
                .body("status", equalTo("inProgress")).body("phase", equalTo("dispatch"));
    }

    @Test
    void etagAndIfMatchGuardAgainstLostUpdates() {
        String t = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        String etag = given().get("/api/v1/tickets/" + t).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        List<String> eventsBefore = events(t);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("personId", w.hubeiAcceptor))
                .when().post("/api/v1/tickets/" + t + "/accept")
                .then().statusCode(412).contentType("application/problem+json")
                .body("code", equalTo("PRECONDITION_FAILED"));
        given().get("/api/v1/tickets/" + t).then().body("status", equalTo("acknowledged"));
        assertEquals(eventsBefore, events(t), "a stale If-Match writes no feed event");
        String after = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("personId", w.hubeiAcceptor))
                .when().post("/api/v1/tickets/" + t + "/accept")
                .then().statusCode(200).header("ETag", not(equalTo(etag))).extract().header("ETag");
        assertEquals(after, given().get("/api/v1/tickets/" + t).then().extract().header("ETag"));
        // The old ETag is stale now.
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("personId", w.hubeiAcceptor, "note", "n"))
                .when().post("/api/v1/tickets/" + t + "/await-customer").then().statusCode(412);
    }

    @Test
    void concurrentCommandsOnOneTicketDoNotBothWin() throws Exception {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        int eventsBefore = events(t).size();
        // Restore and await-customer race from the same state: one wins, the other conflicts.
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var restore = threads.submit(() -> World.post(t, "restore", Map.of("personId", w.hubeiAcceptor))
                    .extract().statusCode());
            var pend = threads.submit(() -> World.post(t, "await-customer", Map.of("personId", w.hubeiAcceptor))
                    .extract().statusCode());
            List<Integer> codes = List.of(restore.get(), pend.get());
            assertTrue(codes.contains(200), codes::toString);
            assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409), codes::toString);
            String status = given().get("/api/v1/tickets/" + t).then().extract().path("status");
            long history = given().get("/api/v1/tickets/" + t + "/history").then().extract()
                    .jsonPath().getList("action").stream()
                    .filter(a -> a.equals("restore") || a.equals("await-customer")).count();
            // Whatever happened, the history tells the same story as the ticket.
            assertEquals(codes.stream().filter(c -> c == 200).count(), history);
            assertTrue(status.equals("resolved") || status.equals("pending"), status);
            // ... and so does the feed: one status change per winning command, none from the loser.
            List<String> after = events(t).subList(eventsBefore, events(t).size());
            assertEquals(codes.stream().filter(c -> c == 200).count(),
                    after.stream().filter("TroubleTicketStatusChangeEvent"::equals).count(), after::toString);
        } finally {
            threads.shutdownNow();
        }
    }
}
