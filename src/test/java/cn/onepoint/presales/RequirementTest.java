package cn.onepoint.presales;

import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static cn.onepoint.presales.PresalesWorld.answer;
import static cn.onepoint.presales.PresalesWorld.checkOf;
import static cn.onepoint.presales.PresalesWorld.get;
import static cn.onepoint.presales.PresalesWorld.local;
import static cn.onepoint.presales.PresalesWorld.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * S1: requirement orders 业务需求单 and their per-segment resource checks, through the API on the real database: who
 * issues and answers, the second check 二次核查, and the month of validity the timer engine watches and expires.
 */
@QuarkusTest
class RequirementTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @TestHTTPResource("/")
    URI base;

    PresalesWorld w;

    @BeforeEach
    void world() {
        w = PresalesWorld.get();
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    private String create(Map<String, Object> body) {
        return post("requirements", body).statusCode(201).extract().path("id");
    }

    @Test
    void everySegmentIsCheckedAndTheLastAnswerStartsAMonthOfValidity() {
        clock.setTo(local("2027-01-31T10:00"));
        JsonPath created = post("requirements", w.requirement("QUERY", "2027-03-31")).statusCode(201)
                .header("Location", containsString("/requirements/"))
                .body("number", startsWith("RQ20270131")).body("status", equalTo("checking")).body("round", equalTo(1))
                .body("kind", equalTo("QUERY")).body("bandwidth", equalTo("100M"))
                // S1: the check covers the network up to the customer's red line; the property is not part of it.
                .body("checkScope", equalTo("NETWORK_TO_CUSTOMER_RED_LINE_EXCLUDING_PROPERTY"))
                .body("checks.segment", contains("A_ACCESS", "BACKBONE", "Z_ACCESS"))
                .body("checks.unitId", contains(w.wuhan, w.backbone, w.yichang))
                .body("validUntil", nullValue()).body("allowedActions", contains("answer", "cancel"))
                .extract().jsonPath();
        String id = created.getString("id");

        answer(id, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(200)
                .body("status", equalTo("checking")).body("checks.find { it.segment == 'A_ACCESS' }.answeredBy",
                        equalTo(w.wuhanChecker));
        answer(id, "BACKBONE", 1, w.backboneChecker, "AVAILABLE").statusCode(200).body("status", equalTo("checking"));
        JsonPath done = answer(id, "Z_ACCESS", 1, w.yichangChecker, "AVAILABLE").statusCode(200)
                .body("status", equalTo("answered")).body("result", equalTo("AVAILABLE"))
                .body("answeredAt", notNullValue()).body("expired", equalTo(false))
                .body("allowedActions", contains("cancel"))
                .extract().jsonPath();
        // A calendar month after the last answer: 02-28 in Shanghai, at the time of the answer (February has no 31st).
        Instant answeredAt = Instant.parse(done.getString("answeredAt"));
        Instant validUntil = Instant.parse(done.getString("validUntil"));
        assertEquals(answeredAt.atZone(PresalesWorld.SHANGHAI).plusMonths(1).toInstant(), validUntil);
        assertEquals(LocalDate.of(2027, 2, 28), LocalDate.ofInstant(validUntil, PresalesWorld.SHANGHAI));
        assertEquals(Duration.ofDays(28), Duration.between(answeredAt, validUntil));

        get("requirements/" + id + "/timers").statusCode(200)
                .body("kind", contains("RESOURCE_CHECK_VALIDITY")).body("[0].rule", equalTo("S1"))
                .body("[0].state", equalTo("running")).body("[0].dueAt", equalTo(done.getString("validUntil")))
                .body("[0].id", equalTo(done.getString("validityTimerId")));
        get("requirements/" + id + "/history").statusCode(200)
                .body("action", contains("create", "answer", "answer", "answer"))
                .body("[3].detail", containsString("valid until"))
                .body("[3].toState", equalTo("answered"));
        assertEquals(List.of("RequirementCreateEvent", "RequirementAttributeValueChangeEvent",
                "RequirementAttributeValueChangeEvent", "RequirementStateChangeEvent"),
                PresalesWorld.events(pool, "presales", id));
    }

    @Test
    void theResultExpiresWhenTheValidityTimerBreachesAMonthLater() {
        clock.setTo(local("2027-01-31T10:00"));
        String project = w.project();
        Map<String, Object> body = w.requirement("ORDER", "2027-03-31");
        body.put("projectId", project);
        String id = w.answered(body);
        JsonPath r = get("requirements/" + id).statusCode(200).extract().jsonPath();
        String timer = r.getString("validityTimerId");
        Instant validUntil = Instant.parse(r.getString("validUntil"));
        assertEquals(LocalDate.of(2027, 2, 28), LocalDate.ofInstant(validUntil, PresalesWorld.SHANGHAI));

        clock.setTo(validUntil.minusSeconds(60));
        get("requirements/" + id).body("expired", equalTo(false));
        given().queryParam("customerId", w.customer).queryParam("expired", "false").queryParam("limit", 500)
                .get("/api/v1/requirements").then().statusCode(200).body("id", hasItem(id));

        clock.setTo(validUntil.plusSeconds(1));
        // The engine's sweep breaches the timer; the requirement shows it expired.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("requirements/" + id).statusCode(200).body("expired", equalTo(true)));
        get("requirements/" + id + "/timers").body("[0].state", equalTo("breached"));
        given().queryParam("customerId", w.customer).queryParam("expired", "true").queryParam("limit", 500)
                .get("/api/v1/requirements").then().statusCode(200).body("id", hasItem(id));
        List<String> timerEvents = PresalesWorld.events(pool, "timers", id);
        assertEquals(1, timerEvents.stream().filter("TimerBreachEvent"::equals).count(), timerEvents::toString);
        assertEquals("EscalationEvent", timerEvents.get(timerEvents.size() - 1), timerEvents::toString);
        // No unit to blame: the customer's chief customer engineer and customer manager hear of it.
        given().get("/api/v1/timers/" + timer).then().statusCode(200)
                .body("escalations[0].notifications.recipientId",
                        containsInAnyOrder(w.chiefCustomerEngineer, w.customerManager));
        // S4: an expired result is no passed resource check.
        toResourceCheck(project);
        post("projects/" + project + "/steps", Map.of("step", "technicalSolution", "personId", w.chiefCustomerEngineer))
                .statusCode(422).body("code", equalTo("S4")).body("detail", containsString("expired"));
    }

    private void toResourceCheck(String project) {
        String cce = w.chiefCustomerEngineer;
        post("projects/" + project + "/steps", Map.of("step", "requirementSurvey", "personId", cce)).statusCode(200);
        post("projects/" + project + "/requirement-document", Map.of("personId", cce, "reference", "需求书 V1",
                "customerConfirmed", true, "customerContact", "王经理")).statusCode(200);
        for (String step : List.of("issueManagement", "contractSupport", "resourceCheck")) {
            post("projects/" + project + "/steps", Map.of("step", step, "personId", cce)).statusCode(200);
        }
    }

    @Test
    void theSegmentsAnswerSideBySide() {
        String id = create(w.requirement("ORDER", "2027-06-30"));
        String a = checkOf(id, "A_ACCESS", 1);
        String bb = checkOf(id, "BACKBONE", 1);
        String z = checkOf(id, "Z_ACCESS", 1);
        List<CompletableFuture<Integer>> answers = List.of(
                        Map.entry(a, w.wuhanChecker), Map.entry(bb, w.backboneChecker), Map.entry(z, w.yichangChecker))
                .stream().map(e -> CompletableFuture.supplyAsync(() -> post("requirements/" + id + "/resource-checks/"
                        + e.getKey() + "/answer", Map.of("personId", e.getValue(), "answer", "AVAILABLE"))
                        .extract().statusCode())).toList();
        answers.forEach(f -> assertEquals(200, f.join()));
        // Whichever came last saw the other two: answered once, one validity timer.
        get("requirements/" + id).body("status", equalTo("answered")).body("result", equalTo("AVAILABLE"));
        get("requirements/" + id + "/timers").body("kind", contains("RESOURCE_CHECK_VALIDITY"));
        assertEquals(1, PresalesWorld.events(pool, "presales", id).stream()
                .filter("RequirementStateChangeEvent"::equals).count());
    }

    @Test
    void aNegativeAnswerTriggersASecondCheckOfThoseSegments() {
        String id = create(w.requirement("ORDER", "2027-06-30"));
        answer(id, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(200);
        answer(id, "BACKBONE", 1, w.backboneChecker, "NOT_AVAILABLE").statusCode(200);
        post("requirements/" + id + "/resource-checks/" + checkOf(id, "Z_ACCESS", 1) + "/answer",
                Map.of("personId", w.yichangChecker, "answer", "SCHEDULE_NOT_MET", "earliestDate", "2027-08-01",
                        "note", "需新建管道"))
                .statusCode(200)
                .body("status", equalTo("secondCheck")).body("round", equalTo(2))
                .body("checks.findAll { it.round == 2 }.segment", contains("BACKBONE", "Z_ACCESS"))
                .body("checks.findAll { it.round == 2 }.secondCheck", contains(true, true))
                .body("checks.find { it.round == 1 && it.segment == 'Z_ACCESS' }.earliestDate", equalTo("2027-08-01"))
                .body("validUntil", nullValue()).body("result", nullValue());
        get("requirements/" + id + "/timers").body("$", empty());
        get("requirements/" + id + "/history").body("[3].detail", containsString("second check of BACKBONE,Z_ACCESS"));

        // S1: the second check is organised by the (chief) customer engineer: the segment's own unit no longer answers.
        answer(id, "BACKBONE", 2, w.backboneChecker, "AVAILABLE").statusCode(403).body("code", equalTo("S1"));
        // A round-1 check is closed.
        answer(id, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(409).body("code", equalTo("CHECK_ANSWERED"));

        answer(id, "BACKBONE", 2, w.customerEngineer, "AVAILABLE").statusCode(200).body("status", equalTo("secondCheck"));
        answer(id, "Z_ACCESS", 2, w.projectManager, "SCHEDULE_NOT_MET").statusCode(200)
                // No third round: the second check's answer is final, and valid for a month like any other.
                .body("status", equalTo("answered")).body("round", equalTo(2)).body("result", equalTo("SCHEDULE_NOT_MET"))
                .body("validUntil", notNullValue()).body("checks", hasSize(5));
        get("requirements/" + id + "/timers").body("kind", contains("RESOURCE_CHECK_VALIDITY"));

        // A segment found available in the second check makes the result available.
        Map<String, Object> single = w.requirement("QUERY", "2027-06-30");
        single.remove("zEnd");
        single.remove("backboneUnitId");
        String one = create(single);
        get("requirements/" + one).body("checks.segment", contains("A_ACCESS"));
        answer(one, "A_ACCESS", 1, w.wuhanChecker, "NOT_AVAILABLE").statusCode(200).body("status", equalTo("secondCheck"));
        answer(one, "A_ACCESS", 2, w.chiefCustomerEngineer, "AVAILABLE").statusCode(200)
                .body("status", equalTo("answered")).body("result", equalTo("AVAILABLE"));
    }

    @Test
    void aCheckIsAnsweredByItsOwnUnitOnce() {
        String id = create(w.requirement("QUERY", "2027-06-30"));
        // S1: round 1 is answered by the segment's unit.
        given().header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("personId", w.yichangChecker, "answer", "AVAILABLE"))
                .post("/api/v1/requirements/" + id + "/resource-checks/" + checkOf(id, "A_ACCESS", 1) + "/answer")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("S1"))
                .body("detail", containsString("cannot answer for it"));
        post("requirements/" + id + "/resource-checks/" + checkOf(id, "A_ACCESS", 1) + "/answer",
                Map.of("personId", w.wuhanChecker, "answer", "AVAILABLE", "earliestDate", "2027-05-01"))
                .statusCode(400).body("errors.field", contains("earliestDate"));
        post("requirements/" + id + "/resource-checks/00000000-0000-0000-0000-000000000000/answer",
                Map.of("personId", w.wuhanChecker, "answer", "AVAILABLE")).statusCode(404);
        post("requirements/" + id + "/resource-checks/" + checkOf(id, "A_ACCESS", 1) + "/answer",
                Map.of("personId", "00000000-0000-0000-0000-000000000000", "answer", "AVAILABLE"))
                .statusCode(403).body("code", equalTo("AUTH-PERSON"));
        post("requirements/" + id + "/resource-checks/" + checkOf(id, "A_ACCESS", 1) + "/answer",
                Map.of("personId", w.wuhanChecker, "answer", "MAYBE")).statusCode(400)
                .body("errors.field", contains("answer"));
        answer(id, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(200);
        answer(id, "A_ACCESS", 1, w.wuhanChecker, "NOT_AVAILABLE").statusCode(409).body("code", equalTo("CHECK_ANSWERED"));
        // If-Match: a stale version is refused before anything changes.
        String check = checkOf(id, "BACKBONE", 1);
        given().contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("personId", w.backboneChecker, "answer", "AVAILABLE"))
                .post("/api/v1/requirements/" + id + "/resource-checks/" + check + "/answer")
                .then().statusCode(412);
        get("requirements/" + id).body("checks.find { it.segment == 'BACKBONE' }.answer", nullValue());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        post("requirements", Map.of("requestedBy", w.customerManager)).statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("kind", "customerId", "businessType", "bandwidth",
                        "requiredDate", "aEnd"));
        Map<String, Object> nested = w.requirement("QUERY", "2027-06-30");
        nested.put("aEnd", Map.of());
        nested.put("bandwidth", "x".repeat(33));
        post("requirements", nested).statusCode(400)
                .body("errors.field", containsInAnyOrder("aEnd.address", "aEnd.city", "aEnd.province", "aEnd.unitId",
                        "bandwidth"));
        // What only the database can tell, all at once too.
        String nobody = "00000000-0000-0000-0000-000000000000";
        Map<String, Object> refs = w.requirement("QUERY", "2020-01-01");
        refs.put("customerId", nobody);
        refs.put("backboneUnitId", "not-an-id");
        ((Map<String, Object>) refs.get("zEnd")).put("unitId", nobody);
        post("requirements", refs).statusCode(400)
                .body("errors.field", containsInAnyOrder("customerId", "backboneUnitId", "zEnd.unitId",
                        "requiredDate"));
        // A project of another customer.
        Map<String, Object> mismatch = w.requirement("QUERY", "2027-06-30");
        mismatch.put("customerId", w.otherCustomer);
        mismatch.put("projectId", w.project());
        post("requirements", mismatch).statusCode(400).body("errors.field", contains("projectId"));
    }

    @Test
    void onlyACustomerManagerIssuesAndTheIssuerWithdraws() {
        Map<String, Object> byHandler = w.requirement("QUERY", "2027-06-30");
        byHandler.put("requestedBy", w.handler);
        post("requirements", byHandler).statusCode(403).body("code", equalTo("S1"))
                .body("detail", containsString("CUSTOMER_MANAGER"));
        Map<String, Object> byChief = w.requirement("ORDER", "2027-06-30");
        byChief.put("requestedBy", w.chiefCustomerManager);
        String id = create(byChief);

        post("requirements/" + id + "/cancel", Map.of("personId", w.customerManager)).statusCode(403)
                .body("code", equalTo("S1"));
        post("requirements/" + id + "/cancel", Map.of("personId", w.chiefCustomerManager, "note", "客户取消"))
                .statusCode(200).body("status", equalTo("cancelled")).body("cancelledAt", notNullValue())
                .body("allowedActions", empty());
        answer(id, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(409).body("code", equalTo("STATE_CONFLICT"))
                .body("state", equalTo("cancelled")).body("allowedActions", empty());
        post("requirements/" + id + "/cancel", Map.of("personId", w.chiefCustomerManager)).statusCode(409);

        // Withdrawing an answered one cancels its validity timer.
        String answered = w.answered(w.requirement("QUERY", "2027-06-30"));
        post("requirements/" + answered + "/cancel", Map.of("personId", w.customerManager)).statusCode(200);
        get("requirements/" + answered + "/timers").body("[0].state", equalTo("cancelled"));
    }

    @Test
    void listsFilterAndPage() {
        String project = w.project();
        Map<String, Object> a = w.requirement("ORDER", "2027-06-30");
        a.put("projectId", project);
        String first = create(a);
        Map<String, Object> b = w.requirement("QUERY", "2027-06-30");
        b.put("projectId", project);
        String second = w.answered(b);
        given().queryParam("projectId", project).get("/api/v1/requirements").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", contains(second, first));
        given().queryParam("projectId", project).queryParam("kind", "ORDER").get("/api/v1/requirements").then()
                .body("id", contains(first));
        given().queryParam("projectId", project).queryParam("status", "answered,secondCheck")
                .get("/api/v1/requirements").then().body("id", contains(second));
        given().queryParam("projectId", project).queryParam("limit", 1).queryParam("sort", "createdAt")
                .get("/api/v1/requirements").then().header("X-Total-Count", "2").header("X-Result-Count", "1")
                .body("id", contains(first));
        given().queryParam("status", "done").queryParam("expired", "maybe").queryParam("sort", "colour")
                .queryParam("kind", "ASK").get("/api/v1/requirements").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "expired", "sort", "kind"));
        get("requirements/" + first + "/resource-checks").statusCode(200).body("$", hasSize(3))
                .body("href", hasItems(startsWith("/api/v1/requirements/" + first + "/resource-checks/")));
        get("requirements/00000000-0000-0000-0000-000000000000").statusCode(404);
        get("requirements/nonsense/history").statusCode(404);
    }

    @Test
    void eventsReachTheLiveFeedOnTopicPresales() throws Exception {
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        // From the feed's end now: whatever is written after this is replayed or sent live, none lost in between.
        long since = pool.query("select coalesce(max(seq), 0) from event_outbox").execute().await().indefinitely()
                .iterator().next().getLong(0);
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            client.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                            .setURI("/ws/feed?topics=presales&customer=" + w.customer + "&since=" + since)
                            .addHeader("Authorization", Tokens.bearerService("automation")))
                    .map(ws -> ws.textMessageHandler(t -> received.add(new JsonObject(t))))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String id = create(w.requirement("QUERY", "2027-06-30"));
            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream().anyMatch(m ->
                    "RequirementCreateEvent".equals(m.getString("eventType"))
                            && id.equals(m.getJsonObject("event").getString("id"))));
            assertEquals(List.of(), received.stream().map(m -> m.getString("eventType"))
                    .filter(t -> !t.startsWith("Requirement") && !t.startsWith("Project")).toList());
        } finally {
            client.close();
        }
    }
}
