package cn.onepoint.cutover;

import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static cn.onepoint.cutover.CutoverWorld.create;
import static cn.onepoint.cutover.CutoverWorld.get;
import static cn.onepoint.cutover.CutoverWorld.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A1 cutover notices through the API against the real database: the affected customers from the circuits, the lead
 * time (to the microsecond), each customer's acknowledgement timer met and breached by the scheduled sweep, the
 * state machine, every bad field at once, and who may act.
 */
@QuarkusTest
class CutoverTest {

    private static final Duration LEAD = Duration.ofHours(72);

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    CutoverWorld w;
    CutoverWorld.Scene s;

    @BeforeEach
    void world() {
        w = CutoverWorld.get();
        s = w.scene();
        // Days are moved through below: from 30 days back, so that no event is left dated after the time the
        // other tests run at (the feed's retention tests cut the outbox by event time).
        clock.goBack(Duration.ofDays(30));
    }

    @AfterEach
    void comeBack() {
        clock.comeBack();
    }

    private String planned(Instant start, String... circuits) {
        return create(w.body(start, start.plus(Duration.ofHours(4)), List.of(circuits))).statusCode(201)
                .extract().path("id");
    }

    private String announced(Instant start, String... circuits) {
        String id = planned(start, circuits);
        post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200);
        return id;
    }

    private Map<String, Object> noticeOf(String id, String customer) {
        return get(id, null).extract().path("customers.find { it.customerId == '" + customer + "' }");
    }

    private List<Map<String, Object>> timers(String id) {
        return get(id, "timers").extract().path("$");
    }

    private Map<String, Object> ackTimer(String id, String customer) {
        return timers(id).stream().filter(t -> "CUTOVER_ACK".equals(t.get("kind")) && customer.equals(t.get("customerId")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ack timer of " + customer));
    }

    @Test
    void theAffectedCustomersComeFromTheCircuitsAndEachIsToldAndTimed() {
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        JsonPath created = create(w.body(start, start.plus(Duration.ofHours(4)), List.of(s.a1(), s.a2(), s.b1())))
                .statusCode(201)
                .body("status", equalTo("planned"))
                .body("number", org.hamcrest.Matchers.startsWith("CO"))
                .body("circuits.id", containsInAnyOrder(s.a1(), s.a2(), s.b1()))
                // A1: A has two of the circuits and is one affected customer; nobody is told before the announcement.
                .body("customers.customerId", containsInAnyOrder(s.a(), s.b()))
                .body("customers.notifiedAt", contains(nullValue(), nullValue()))
                .body("announceBy", equalTo(start.truncatedTo(ChronoUnit.MICROS).minus(LEAD).toString()))
                .body("allowedActions", contains("announce", "cancel"))
                .extract().jsonPath();
        String id = created.getString("id");
        assertEquals(2, noticeOf(id, s.a()).get("circuitCodes") instanceof List<?> l ? l.size() : -1);

        JsonPath announced = post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200)
                .body("status", equalTo("announced"))
                .body("allowedActions", contains("acknowledgements", "start", "cancel"))
                .extract().jsonPath();
        Instant at = Instant.parse(announced.getString("announcedAt"));
        // The ETag of the answer is the committed version: a later read shows the same one.
        String etag = given().get("/api/v1/cutovers/" + id).then().extract().header("ETag");
        assertEquals("\"" + announced.getLong("version") + "\"", etag);
        assertTrue(announced.getLong("version") > 0);
        // A has a customer manager, B only a chief customer engineer: each is told through the one it has.
        Map<String, Object> a = noticeOf(id, s.a());
        assertEquals(w.cm, a.get("recipientId"));
        assertEquals("CUSTOMER_MANAGER", a.get("recipientRole"));
        assertEquals(at.toString(), a.get("notifiedAt"));
        assertEquals(at.plus(Duration.ofHours(24)).toString(), a.get("ackDueAt"));
        assertEquals(false, a.get("acknowledged"));
        Map<String, Object> b = noticeOf(id, s.b());
        assertEquals(w.cce, b.get("recipientId"));
        assertEquals("CHIEF_CUSTOMER_ENGINEER", b.get("recipientRole"));

        // One notification per customer, in Chinese, naming that customer's circuits.
        List<Map<String, Object>> told = get(id, "notifications").body("$", hasSize(2)).extract().path("$");
        Map<String, Object> toA = told.stream().filter(n -> w.cm.equals(n.get("recipientId"))).findFirst().orElseThrow();
        String text = (String) toA.get("text");
        assertTrue(text.startsWith("【割接通知】") && text.contains(announced.getString("number")), text);
        for (String code : announced.getList("customers.find { it.customerId == '" + s.a() + "' }.circuitCodes", String.class)) {
            assertTrue(text.contains(code), text);
        }
        assertEquals("LOG", toA.get("channel"));

        // One acknowledgement timer per customer, subject the customer's notice, rule A1, due with the notice.
        Map<String, Object> timerA = ackTimer(id, s.a());
        assertEquals("running", timerA.get("state"));
        assertEquals("A1", timerA.get("rule"));
        assertEquals("CUTOVER_NOTICE", ((Map<?, ?>) timerA.get("subject")).get("type"));
        assertEquals(a.get("ackDueAt"), timerA.get("dueAt"));
        assertEquals(w.wuhan, timerA.get("unitId"));
        assertEquals("running", ackTimer(id, s.b()).get("state"));

        // The feed: a notice event per customer (its customer id set, for ?customer=), on topic aftersales.
        List<Row> events = outbox(id);
        assertEquals(List.of("CutoverCreateEvent", "CutoverNoticeEvent", "CutoverNoticeEvent", "CutoverStateChangeEvent"),
                events.stream().map(r -> r.getString("event_type")).sorted().toList());
        assertTrue(events.stream().allMatch(r -> "aftersales".equals(r.getString("topic"))));
        assertEquals(List.of(s.a(), s.b()).stream().sorted().toList(), events.stream()
                .filter(r -> "CutoverNoticeEvent".equals(r.getString("event_type")))
                .map(r -> r.getUUID("customer_id").toString()).sorted().toList());
        get(id, "history").body("action", contains("create", "announce"))
                .body("[1].fromStatus", equalTo("planned")).body("[1].toStatus", equalTo("announced"));
    }

    /** The feed's last seq: a connection from there misses nothing written after (B's events come later). */
    private long lastSeq() {
        return pool.query("select last from feed_sequence where id = 1").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** Events of a cutover: about it, and about its customers' notices (rooted at it). */
    private List<Row> outbox(String cutoverId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select topic, event_type, customer_id from event_outbox where root_id = $1 order by id")
                .execute(Tuple.of(UUID.fromString(cutoverId))).await().indefinitely().forEach(rows::add);
        return rows;
    }

    @Test
    void aCustomersLiveFeedShowsItsNoticeAndAcknowledgement() throws Exception {
        String id = planned(clock.instant().plus(LEAD).plusSeconds(3600), s.a1(), s.b1());
        BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(RestAssured.port)
                            .setURI("/ws/feed?topics=aftersales&customer=" + s.b() + "&since=" + lastSeq())
                            .addHeader("Authorization", Tokens.bearerService("automation")))
                    .map(ws -> ws.textMessageHandler(t -> received.add(new JsonObject(t))))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200);
            post(id, "acknowledgements", Map.of("customerId", s.b(), "personId", w.cce, "contactName", "赵主任"))
                    .statusCode(200);
            JsonObject notice = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(notice, "no notice event for customer B");
            assertEquals("CutoverNoticeEvent", notice.getString("eventType"));
            assertEquals(id, notice.getJsonObject("event").getString("cutoverId"));
            assertEquals(s.b(), notice.getJsonObject("event").getJsonObject("customer").getString("customerId"));
            JsonObject ack = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(ack, "no acknowledgement event for customer B");
            assertEquals("CutoverAcknowledgementEvent", ack.getString("eventType"));
            assertEquals(true, ack.getJsonObject("event").getJsonObject("customer").getBoolean("acknowledged"));
            // A's notice and the cutover's own state change (no single customer) are not on B's feed.
            assertEquals(null, received.poll(1, TimeUnit.SECONDS));
        } finally {
            client.close();
        }
    }

    @Test
    void aCustomerNobodyCanTellStopsTheAnnouncementAndNothingIsWritten() {
        String id = planned(clock.instant().plus(LEAD).plusSeconds(600), s.a1(), s.c1());
        String code = given().get("/api/v1/customers/" + s.c()).then().extract().path("code");
        post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(422)
                .body("code", equalTo("A1")).body("detail", containsString(code));
        get(id, null).body("status", equalTo("planned")).body("customers.notifiedAt", contains(nullValue(), nullValue()));
        get(id, "notifications").body("$", empty());
        get(id, "timers").body("$", empty());
    }

    @Test
    void theLeadTimeIsKeptToTheMicrosecond() {
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.HOURS);
        clock.freezeAt(t0);
        // Planned exactly the lead time ahead: in time, at creation and at the announcement.
        String exact = planned(t0.plus(LEAD), s.a1());
        // One microsecond short: it could never be announced in time, so it is refused at once.
        create(w.body(t0.plus(LEAD).minusNanos(1000), t0.plus(LEAD).plusSeconds(3600), List.of(s.a1())))
                .statusCode(422).body("code", equalTo("A1"))
                .body("type", equalTo("https://onepoint.cn/problems/rule-violation"))
                .body("detail", containsString("72"));
        // One microsecond after the latest announcement time: refused, and nothing changed.
        clock.advance(Duration.ofNanos(1000));
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("personId", w.wuhanSupervisor)).post("/api/v1/cutovers/" + exact + "/announce")
                .then().statusCode(422).body("code", equalTo("A1"))
                .body("detail", containsString("at least 72 h before it starts"))
                .body("detail", containsString(t0.toString()));
        get(exact, null).body("status", equalTo("planned"));
        get(exact, "notifications").body("$", empty());
        // Exactly at the latest announcement time: in time.
        clock.freezeAt(t0);
        post(exact, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200)
                .body("status", equalTo("announced")).body("announcedAt", equalTo(t0.toString()));
        // The configured lead wins over the manual's default only through onepoint.sla.cutover-lead: 72 h here.
    }

    @Test
    void acknowledgementsMeetTheirTimersAndAMissingOneBreachesAndEscalates() {
        String id = announced(clock.instant().plus(LEAD).plusSeconds(3600), s.a1(), s.b1());
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.cm, "contactName", "王经理",
                "note", "已电话确认")).statusCode(200)
                .body("acknowledgedCount", equalTo(1));
        Map<String, Object> a = noticeOf(id, s.a());
        assertEquals(true, a.get("acknowledged"));
        assertEquals(w.cm, a.get("acknowledgedBy"));
        assertEquals("王经理", a.get("contactName"));
        assertEquals("met", ackTimer(id, s.a()).get("state"));
        // Twice for one customer: a conflict, not a second acknowledgement.
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.cm, "contactName", "王经理"))
                .statusCode(409).body("code", equalTo("ALREADY_ACKNOWLEDGED"));
        // A customer the cutover does not affect is a bad field.
        post(id, "acknowledgements", Map.of("customerId", s.c(), "personId", w.cm, "contactName", "李总"))
                .statusCode(400).body("errors.field", contains("customerId"));

        // B does not answer within 24 h: the scheduled sweep breaches its timer and escalates (T13) to the
        // executing unit's supervisor and B's CCE.
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals("breached", ackTimer(id, s.b()).get("state")));
        String timerId = (String) ackTimer(id, s.b()).get("id");
        given().get("/api/v1/timers/" + timerId).then().statusCode(200)
                .body("escalations[0].reason", equalTo("BREACH"))
                .body("escalations[0].unitId", equalTo(w.wuhan))
                .body("escalations[0].notifications.recipientId", containsInAnyOrder(w.wuhanSupervisor, w.cce));
        // Acknowledged late, by a customer engineer: the breach stays on record, the timer stops.
        post(id, "acknowledgements", Map.of("customerId", s.b(), "personId", w.ce, "contactName", "赵主任"))
                .statusCode(200).body("acknowledgedCount", equalTo(2));
        Map<String, Object> late = ackTimer(id, s.b());
        assertEquals("breached", late.get("state"));
        assertNotNull(late.get("stoppedAt"));
    }

    @Test
    void itStartsInsideItsWindowAndOnlyOnceEveryCustomerAcknowledgedUnlessTheStarterSaysSo() {
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        String id = announced(start, s.a1(), s.b1());
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.cm, "contactName", "王经理"))
                .statusCode(200);
        // Before the start the customers were told: refused.
        post(id, "start", Map.of("personId", w.planner)).statusCode(422).body("code", equalTo("A1"));
        clock.setTo(start.plusSeconds(1));
        // B has not acknowledged.
        String b = given().get("/api/v1/customers/" + s.b()).then().extract().path("code");
        post(id, "start", Map.of("personId", w.planner)).statusCode(422).body("code", equalTo("A1"))
                .body("detail", containsString(b));
        // Proceeding needs the reason.
        post(id, "start", Map.of("personId", w.planner, "proceedWithoutAcknowledgement", true)).statusCode(400)
                .body("errors.field", contains("note"));
        post(id, "start", Map.of("personId", w.planner, "proceedWithoutAcknowledgement", true,
                "note", "客户多次联系未果，已由客户经理短信告知")).statusCode(200)
                .body("status", equalTo("inProgress"))
                .body("startNote", equalTo("客户多次联系未果，已由客户经理短信告知"))
                .body("allowedActions", contains("acknowledgements", "complete"));
        assertEquals(true, noticeOf(id, s.b()).get("unacknowledgedAtStart"));
        assertEquals(false, noticeOf(id, s.a()).get("unacknowledgedAtStart"));
        Map<String, Object> window = timers(id).stream().filter(t -> "CUTOVER_WINDOW".equals(t.get("kind")))
                .findFirst().orElseThrow();
        assertEquals("running", window.get("state"));
        assertEquals(start.truncatedTo(ChronoUnit.MICROS).plus(Duration.ofHours(4)).toString(), window.get("dueAt"));

        post(id, "complete", Map.of("personId", w.wuhanHandler, "outcome", "SUCCEEDED", "note", "业务已恢复"))
                .statusCode(200).body("status", equalTo("completed")).body("outcome", equalTo("SUCCEEDED"))
                .body("allowedActions", empty());
        List<Map<String, Object>> after = timers(id);
        assertEquals("met", after.stream().filter(t -> "CUTOVER_WINDOW".equals(t.get("kind"))).findFirst()
                .orElseThrow().get("state"));
        // The one acknowledgement still timed ends with the cutover (no escalation about a finished job).
        assertTrue(after.stream().noneMatch(t -> "running".equals(t.get("state"))), after::toString);
        // Both customers hear that it is over.
        get(id, "notifications").body("$", hasSize(4))
                .body("text.findAll { it.startsWith('【割接结束】') }", hasSize(2));
        get(id, "history").body("action", contains("create", "announce", "acknowledgements", "start", "complete"));
    }

    @Test
    void aCutoverWhoseWindowPassedCannotStart() {
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        String id = announced(start, s.a1());
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.cce, "contactName", "王经理"))
                .statusCode(200);
        clock.setTo(start.plus(Duration.ofHours(4)));
        post(id, "start", Map.of("personId", w.planner)).statusCode(422).body("code", equalTo("A1"));
        get(id, null).body("status", equalTo("announced"));
    }

    @Test
    void actionsOutsideTheirStatesAreConflictsNamingTheStateAndWhatIsAllowed() {
        String id = planned(clock.instant().plus(LEAD).plusSeconds(3600), s.a1(), s.b1());
        post(id, "start", Map.of("personId", w.planner)).statusCode(409)
                .body("code", equalTo("STATE_CONFLICT")).body("state", equalTo("planned"))
                .body("allowedActions", contains("announce", "cancel"));
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.cm, "contactName", "王经理"))
                .statusCode(409).body("state", equalTo("planned"));
        post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200);
        post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(409)
                .body("state", equalTo("announced")).body("allowedActions", contains("acknowledgements", "start", "cancel"));
        post(id, "complete", Map.of("personId", w.planner, "outcome", "SUCCEEDED")).statusCode(409)
                .body("state", equalTo("announced"));
        // Cancelled once announced: its timers end and the customers told hear it is off.
        post(id, "cancel", Map.of("personId", w.planner, "reason", "市政施工延期")).statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelReason", equalTo("市政施工延期"));
        assertTrue(timers(id).stream().allMatch(t -> "cancelled".equals(t.get("state"))));
        get(id, "notifications").body("text.findAll { it.startsWith('【割接取消】') }", hasSize(2));
        post(id, "cancel", Map.of("personId", w.planner, "reason", "再次取消")).statusCode(409)
                .body("state", equalTo("cancelled")).body("allowedActions", empty());
        // If-Match with a stale version.
        String other = planned(clock.instant().plus(LEAD).plusSeconds(3600), s.a1());
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("personId", w.planner))
                .post("/api/v1/cutovers/" + other + "/announce").then().statusCode(412);
        given().get("/api/v1/cutovers/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        // Missing and blank fields (the request's own shape) …
        given().contentType(ContentType.JSON).body(Map.of("description", "x", "impact", " ", "circuitIds", List.of(),
                        "plannedStart", "2027-01-01T00:00:00Z", "plannerId", w.planner))
                .post("/api/v1/cutovers").then().statusCode(400).body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("title", "impact", "plannedEnd", "circuitIds",
                        "executingUnitId"));
        // … then what they refer to, all at once: an end before the start, a malformed and an unknown circuit, a unit
        // and a person that do not exist.
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        Map<String, Object> body = w.body(start, start.minusSeconds(1),
                List.of("not-an-id", s.a1(), UUID.randomUUID().toString(), " "));
        body.put("executingUnitId", UUID.randomUUID().toString());
        create(body).statusCode(400)
                .body("errors.field", containsInAnyOrder("plannedEnd", "circuitIds[0]", "circuitIds[2]",
                        "circuitIds[3]", "executingUnitId"))
                .body("errors.find { it.field == 'plannedEnd' }.message", containsString("须晚于"));
    }

    @Test
    void whoMayActIsCheckedAgainstTheDirectory() {
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        // The planner belongs to the executing unit: a rule about the acting person (the token's), 403.
        Map<String, Object> body = w.body(start, start.plusSeconds(3600), List.of(s.a1()));
        body.put("plannerId", w.yichangHandler);
        create(body).statusCode(403).body("code", equalTo("A1"));
        String id = planned(start, s.a1());
        // Announcing, starting and cancelling are the executing unit's.
        post(id, "announce", Map.of("personId", w.yichangHandler)).statusCode(403).body("code", equalTo("A1"));
        post(id, "announce", Map.of("personId", w.cm)).statusCode(403).body("code", equalTo("A1"));
        post(id, "announce", Map.of("personId", w.planner)).statusCode(200);
        // O2: a customer's acknowledgement is recorded by the people who face it, not by a handler.
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", w.wuhanHandler, "contactName", "王经理"))
                .statusCode(403).body("code", equalTo("A1"));
        post(id, "acknowledgements", Map.of("customerId", s.a(), "personId", UUID.randomUUID().toString(),
                "contactName", "王经理")).statusCode(403).body("code", equalTo("AUTH-PERSON"));
        post(id, "cancel", Map.of("personId", w.yichangHandler, "reason", "x")).statusCode(403)
                .body("code", equalTo("A1"));
        get(id, null).body("status", equalTo("announced")).body("acknowledgedCount", equalTo(0));
    }

    @Test
    void listsFilterByCircuitCustomerStatusUnitAndWindow() {
        Instant start = clock.instant().plus(LEAD).plus(Duration.ofDays(30));
        String first = planned(start, s.a1(), s.b1());
        String second = announced(start.plus(Duration.ofDays(2)), s.a2());
        String third = planned(start.plus(Duration.ofDays(4)), s.b1());
        given().queryParam("customerId", s.a()).get("/api/v1/cutovers").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", contains(second, first));
        given().queryParam("circuitId", s.b1()).queryParam("sort", "plannedStart").get("/api/v1/cutovers").then()
                .body("id", contains(first, third));
        given().queryParam("customerId", s.b()).queryParam("status", "planned").get("/api/v1/cutovers").then()
                .body("id", contains(third, first));
        given().queryParam("customerId", s.a()).queryParam("status", "announced,inProgress").get("/api/v1/cutovers")
                .then().body("id", contains(second));
        // The planned window overlaps [from, to): only the second.
        given().queryParam("customerId", s.b()).queryParam("from", start.plus(Duration.ofDays(1)).toString())
                .queryParam("to", start.plus(Duration.ofDays(3)).toString()).get("/api/v1/cutovers").then()
                .header("X-Total-Count", "0");
        given().queryParam("circuitId", s.a2()).queryParam("from", start.plus(Duration.ofDays(1)).toString())
                .queryParam("to", start.plus(Duration.ofDays(3)).toString()).get("/api/v1/cutovers").then()
                .body("id", contains(second));
        given().queryParam("executingUnitId", w.wuhan).queryParam("customerId", s.b()).queryParam("limit", 1)
                .get("/api/v1/cutovers").then().header("X-Total-Count", "2").header("X-Result-Count", "1");
        given().queryParam("status", "done").queryParam("from", "yesterday").queryParam("sort", "title")
                .queryParam("circuitId", "x").get("/api/v1/cutovers").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "from", "sort", "circuitId"));
        assertNotNull(given().get("/api/v1/cutovers/" + first).then().statusCode(200).extract().header("ETag"));
        given().get("/api/v1/cutovers/" + first).then().body("customers[0].acknowledgedAt", nullValue())
                .body("customers.customerCode", hasItem(notNullValue()));
    }
}
