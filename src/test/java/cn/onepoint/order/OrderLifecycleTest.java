package cn.onepoint.order;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.order.OrderWorld.get;
import static cn.onepoint.order.OrderWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seven steps through the API: review, survey, plan, construction, testing, completion (P1–P5, P7–P9). */
@QuarkusTest
class OrderLifecycleTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    OrderWorld w;

    @BeforeEach
    void world() {
        w = OrderWorld.get();
        clock.setTo(OrderWorld.local("2026-11-02T09:00"));
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    @Test
    void anOrderIsTakenWithItsEndsLeadBureauAndNumber() {
        OrderWorld.create(w.body(w.mstpWuhanChengdu, "MSTP", "2026-12-18")).statusCode(201)
                .header("Location", containsString("/api/v1/orders/"))
                .header("ETag", notNullValue())
                .body("number", startsWith("SO20261102"))
                .body("status", equalTo("acknowledged"))
                .body("step", equalTo("review"))
                .body("aEnd.city", equalTo("武汉"))
                .body("zEnd.city", equalTo("成都"))
                .body("zEnd.unitId", equalTo(w.chengdu))
                .body("crossProvince", equalTo(true))
                .body("leadBureau.bureau", equalTo("武汉"))
                .body("leadBureau.clause", equalTo("CAPITAL_RANK"))
                .body("leadBureau.end", equalTo("A"))
                .body("leadBureau.unitId", equalTo(w.wuhan))
                // P5: cross-domain orders report weekly even when the order did not ask.
                .body("progressReportsRequired", equalTo(true))
                .body("progressReportInterval", equalTo("PT168H"))
                // P7: MSTP needs an end-to-end test.
                .body("endToEndTestBecause", contains("MSTP"))
                .body("customerManagerId", equalTo(w.customerManager))
                .body("dueDate", equalTo("2026-12-18"))
                .body("dueAt", equalTo("2026-12-18T10:00:00Z"))
                .body("allowedActions", containsInAnyOrder("review", "cancel"));
    }

    @Test
    void anOrderIsFoundByItsNumberToo() {
        String id = w.order(w.mstpWuhanChengdu, "MSTP", "2026-12-18");
        String number = get(id).extract().path("number");
        given().get("/api/v1/orders/" + number).then().statusCode(200)
                .body("id", equalTo(id)).header("ETag", notNullValue());
        given().get("/api/v1/orders/SO199901010001").then().statusCode(404)
                .body("detail", equalTo("开通定单不存在：SO199901010001"));
    }

    @Test
    void leadBureauOfOrdersFollowsP9() {
        String sz = w.order(w.dataSuzhouShenzhen, "DATA_CIRCUIT", "2026-12-18");
        get(sz).body("leadBureau.bureau", equalTo("苏州")).body("leadBureau.unitId", equalTo(w.suzhou))
                .body("leadBureau.clause", equalTo("PROVINCE_CAPITAL_RANK"));
        String yc = w.order(w.dataYichangXiangyang, "DATA_CIRCUIT", "2026-12-18");
        get(yc).body("leadBureau.bureau", equalTo("宜昌")).body("leadBureau.clause", equalTo("SAME_PROVINCE_DEFAULT"));
        // 香港–武汉: the gateway 广州 organises for 香港; its local unit acts for it.
        String hk = w.order(w.dataHongkongWuhan, "DATA_CIRCUIT", "2026-12-18");
        String hkLead = get(hk).body("leadBureau.bureau", equalTo("广州"))
                .body("leadBureau.proxyFor", equalTo("香港"))
                .body("leadBureau.end", nullValue())
                .extract().path("leadBureau.unitId");
        given().get("/api/v1/units/" + hkLead).then().statusCode(200).body("city", equalTo("广州"));
        // IP VPN: the group NOC, acted for by the group control desk unless the order names a unit.
        String vpn = w.order(w.ipVpnWuhanChengdu, "IP_VPN", "2026-12-18");
        String nocUnit = get(vpn).body("leadBureau.bureau", equalTo("GROUP_NOC")).extract().path("leadBureau.unitId");
        given().get("/api/v1/units/" + nocUnit).then().body("tier", equalTo("GROUP")).body("kind", equalTo("CONTROL_DESK"));
        Map<String, Object> named = w.body(w.ipVpnWuhanChengdu, "IP_VPN", "2026-12-18");
        named.put("leadUnitId", w.backbone);
        OrderWorld.create(named).statusCode(201).body("leadBureau.unitId", equalTo(w.backbone));
        // At an end, the end's unit acts: another unit is refused.
        Map<String, Object> wrong = w.body(w.mstpWuhanChengdu, "MSTP", "2026-12-18");
        wrong.put("leadUnitId", w.chengdu);
        OrderWorld.create(wrong).statusCode(400).body("errors.field", contains("leadUnitId"));
    }

    @Test
    void theSevenStepsOfAnMstpOrder() {
        String id = w.order(w.mstpWuhanChengdu, "MSTP", "2026-12-18");

        // P2: approved → inProgress, survey; the due date is watched.
        post(id, "review", w.approve()).statusCode(200)
                .body("status", equalTo("inProgress")).body("step", equalTo("survey"))
                .body("review.by", equalTo(w.reviewer));
        assertTimer(id, "ORDER_DUE", "running", "2026-12-18T10:00:00Z");

        // P3: only a project manager can be named; the survey timer starts.
        post(id, "project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.otherPerson))
                .statusCode(422).body("code", equalTo("P3"));
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "s")).statusCode(422)
                .body("code", equalTo("P3"));
        post(id, "project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.projectManager))
                .statusCode(200).body("projectManagerId", equalTo(w.projectManager));
        assertTimer(id, "SURVEY", "running", "2026-11-04T10:00:00Z");
        post(id, "survey", Map.of("personId", w.otherPerson, "summary", "s")).statusCode(422).body("code", equalTo("P3"));
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "s", "propertyIssue", true))
                .statusCode(400).body("errors.field", contains("propertyNote"));

        // P3: a property problem notifies the customer manager.
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "A 端需新放光缆", "propertyIssue", true,
                "propertyNote", "大楼物业不同意进线")).statusCode(200)
                .body("step", equalTo("plan")).body("survey.propertyIssue", equalTo(true));
        assertTimer(id, "SURVEY", "met", null);
        assertTimer(id, "PLAN", "running", "2026-11-18T10:00:00Z");
        get(id, "notifications").body("role", contains("CUSTOMER_MANAGER"))
                .body("recipientId", contains(w.customerManager))
                .body("[0].text", containsString("大楼物业不同意进线"));

        // P4: segment due dates may not pass the order's; every bad segment named at once.
        post(id, "plan", Map.of("personId", w.projectManager, "summary", "p", "segments", List.of(
                Map.of("segment", "A_ACCESS", "unitId", w.wuhan, "dueDate", "2026-12-19"),
                Map.of("segment", "Z_ACCESS", "unitId", UUID.randomUUID().toString(), "dueDate", "2026-11-01"))))
                .statusCode(400).body("errors.field", containsInAnyOrder("segments[0].dueDate",
                        "segments[1].unitId", "segments[1].dueDate"));
        post(id, "plan", Map.of("personId", w.projectManager, "summary", "三段施工", "segments", List.of(
                Map.of("segment", "A_ACCESS", "unitId", w.wuhan, "dueDate", "2026-12-04"),
                Map.of("segment", "BACKBONE", "unitId", w.backbone, "dueDate", "2026-12-09"),
                Map.of("segment", "Z_ACCESS", "unitId", w.chengdu, "dueDate", "2026-12-11"))))
                .statusCode(200).body("step", equalTo("construction"));
        assertTimer(id, "PLAN", "met", null);
        assertTimer(id, "PROGRESS_REPORT", "running", null);

        // Each segment is an ORDER_TASK work order to its unit, with its own due date and timer.
        List<Map<String, Object>> segments = get(id, "segments").body("$", hasSize(3)).extract().path("$");
        Map<String, Object> backboneTask = segments.stream().filter(s -> "BACKBONE".equals(s.get("segment")))
                .findFirst().orElseThrow();
        assertEquals("2026-12-09", backboneTask.get("dueDate"));
        String backboneWo = (String) ((Map<?, ?>) backboneTask.get("workOrder")).get("id");
        given().get("/api/v1/work-orders/" + backboneWo).then().statusCode(200)
                .body("type", equalTo("ORDER_TASK")).body("unitId", equalTo(w.backbone))
                .body("subject.type", equalTo("ORDER")).body("subject.id", equalTo(id));
        given().get("/api/v1/work-orders/" + backboneWo + "/timers").then().statusCode(200)
                .body("kind", contains("ORDER_DUE")).body("[0].dueAt", equalTo("2026-12-09T10:00:00Z"));

        // The unit accepts on the work order; the order's history records it.
        given().contentType(ContentType.JSON).body(Map.of("personId", w.backboneHandler))
                .post("/api/v1/work-orders/" + backboneWo + "/accept").then().statusCode(200);
        get(id, "history").body("action", hasItem("work-order"));
        // P8: a task is completed on the order, with its test result, not on the work order.
        given().contentType(ContentType.JSON).body(Map.of("personId", w.backboneHandler, "result", "done"))
                .post("/api/v1/work-orders/" + backboneWo + "/complete").then().statusCode(422)
                .body("code", equalTo("P8"));

        // P5: a progress report restarts the weekly timer.
        clock.advance(java.time.Duration.ofDays(3));
        post(id, "progress-reports", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "thisWeek", "光缆敷设",
                "nextWeek", "设备安装", "warningItems", "无")).statusCode(201)
                .header("Location", containsString("/progress-reports/"));
        get(id, "progress-reports").body("thisWeek", contains("光缆敷设"));
        List<String> reportTimers = timerStates(id, "PROGRESS_REPORT");
        assertEquals(List.of("met", "running"), reportTimers);
        post(id, "progress-reports", Map.of("unitId", w.wuhan, "personId", w.chengduHandler, "thisWeek", "x",
                "nextWeek", "y")).statusCode(422).body("code", equalTo("P5"));

        // P8: completion before every segment reported is refused; the lead bureau alone may report it.
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(422)
                .body("code", equalTo("P8")).body("detail", containsString("A_ACCESS"));
        post(id, "completion", OrderWorld.completion(w.chengdu, w.chengduHandler)).statusCode(403)
                .body("code", equalTo("P8")).body("detail", containsString("武汉"));

        // P8: each involved location reports its own segment, after a passed test (P7).
        post(id, "segment-completions", OrderWorld.segmentDone(w.suzhou, w.suzhouHandler, "A_ACCESS"))
                .statusCode(403).body("code", equalTo("P8"));
        Map<String, Object> failed = new java.util.HashMap<>(OrderWorld.segmentDone(w.wuhan, w.wuhanHandler, "A_ACCESS"));
        failed.put("testResult", "FAILED");
        post(id, "segment-completions", failed).statusCode(422).body("code", equalTo("P7"));
        post(id, "segment-completions", OrderWorld.segmentDone(w.wuhan, w.chengduHandler, "A_ACCESS"))
                .statusCode(422).body("code", equalTo("P8"));
        post(id, "segment-completions", OrderWorld.segmentDone(w.wuhan, w.wuhanHandler, "A_ACCESS")).statusCode(201)
                .body("completedAt", notNullValue()).body("testReport.reference", equalTo("SEG-A_ACCESS"));
        post(id, "segment-completions", OrderWorld.segmentDone(w.wuhan, w.wuhanHandler, "A_ACCESS")).statusCode(409)
                .body("code", equalTo("SEGMENT_COMPLETE"));
        post(id, "segment-completions", OrderWorld.segmentDone(w.backbone, w.backboneHandler, "BACKBONE")).statusCode(201);
        get(id).body("step", equalTo("construction"));
        given().get("/api/v1/work-orders/" + backboneWo).then().body("status", equalTo("completed"));
        given().get("/api/v1/work-orders/" + backboneWo + "/timers").then().body("[0].state", equalTo("met"));
        post(id, "segment-completions", OrderWorld.segmentDone(w.chengdu, w.chengduHandler, "Z_ACCESS")).statusCode(201);
        get(id).body("step", equalTo("testing"));

        // P7: no completion without a passed end-to-end test; MSTP refuses a seamless test; the lead tests.
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(422)
                .body("code", equalTo("P7"));
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(422)
                .body("code", equalTo("P7")).body("detail", containsString("MSTP"));
        post(id, "tests", OrderWorld.test(w.chengdu, w.chengduHandler, "END_TO_END", "PASSED")).statusCode(422)
                .body("code", equalTo("P7"));
        post(id, "tests", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler, "kind", "END_TO_END",
                "result", "PASSED")).statusCode(422).body("code", equalTo("P7"));
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "END_TO_END", "FAILED")).statusCode(201);
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(422)
                .body("code", equalTo("P7"));
        String test = post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "END_TO_END", "PASSED"))
                .statusCode(201).extract().path("id");
        // P8: the cross-domain circuit goes into the resource system within 2 working days of the report.
        assertTimer(id, "RESOURCE_SYSTEM_ENTRY", "running", "2026-11-09T10:00:00Z");

        // P8: full completion by the lead bureau; the completion time is that moment.
        Instant before = clock.instant();
        String completedAt = post(id, "completion", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "signOff", "CUSTOMER_NOT_SIGNED")).statusCode(200)
                .body("status", equalTo("completed")).body("step", equalTo("completion"))
                .body("completion.testId", equalTo(test))
                .body("completion.signOff", equalTo("CUSTOMER_NOT_SIGNED"))
                .body("allowedActions", containsInAnyOrder("resource-registration", "delivery-note"))
                .extract().path("completion.at");
        assertTrue(!Instant.parse(completedAt).isBefore(before));
        assertTimer(id, "ORDER_DUE", "met", null);
        assertTimer(id, "CRM_DELIVERY_NOTE", "running", "2026-11-06T10:00:00Z");
        assertEquals("met", timerStates(id, "PROGRESS_REPORT").get(1));
        // Not signed: the customer manager hears of it.
        get(id, "notifications").body("text", hasItem(containsString("客户不签字")));

        post(id, "resource-registration", Map.of("personId", w.wuhanHandler, "reference", "CT-LD-001")).statusCode(200)
                .body("resourceRegistration.reference", equalTo("CT-LD-001"));
        assertTimer(id, "RESOURCE_SYSTEM_ENTRY", "met", null);
        post(id, "resource-registration", Map.of("personId", w.wuhanHandler, "reference", "again")).statusCode(409)
                .body("code", equalTo("ALREADY_REGISTERED"));
        post(id, "delivery-note", Map.of("personId", w.wuhanHandler, "reference", "CRM-JG-1")).statusCode(200)
                .body("deliveryNote.reference", equalTo("CRM-JG-1"));
        assertTimer(id, "CRM_DELIVERY_NOTE", "met", null);

        get(id, "history").body("action", hasItem("completion"));
        List<String> events = events(id);
        assertEquals("ServiceOrderCreateEvent", events.get(0));
        assertTrue(events.contains("ServiceOrderStateChangeEvent"), events.toString());
        assertTrue(events.contains("ServiceOrderAttributeValueChangeEvent"), events.toString());
    }

    @Test
    void aSeamlessTestSufficesUnlessAnEndToEndTestIsMandatory() {
        Map<String, Object> body = w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18");
        String id = w.inConstruction(body);
        get(id).body("endToEndTestBecause", hasSize(0)).body("crossProvince", equalTo(false));
        w.completeSegments(id);
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(201);
        // Not cross-domain: no resource-system timer.
        assertEquals(List.of(), timerStates(id, "RESOURCE_SYSTEM_ENTRY"));
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(200)
                .body("status", equalTo("completed"));

        // The order asks for an end-to-end test (or is an A端电路, or goes to another carrier): seamless is not enough.
        for (String flag : List.of("endToEndTestRequired", "aEndCircuit", "handedToOtherCarrier")) {
            Map<String, Object> strict = w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18");
            strict.put(flag, true);
            String o = w.inConstruction(strict);
            w.completeSegments(o);
            post(o, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "SEAMLESS", "PASSED")).statusCode(422)
                    .body("code", equalTo("P7"));
        }
    }

    @Test
    void aReturnedOrderGoesBackToTheBusinessManager() {
        String id = w.order(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18");
        post(id, "review", Map.of("personId", w.reviewer, "decision", "RETURN")).statusCode(400)
                .body("errors.field", contains("reason"));
        post(id, "review", Map.of("personId", w.reviewer, "decision", "RETURN", "reason", "装机地址不完整"))
                .statusCode(200).body("status", equalTo("pending")).body("step", equalTo("review"))
                .body("review.returnReason", equalTo("装机地址不完整"))
                .body("allowedActions", containsInAnyOrder("resubmit", "cancel"));
        get(id, "notifications").body("role", contains("BUSINESS_MANAGER"))
                .body("recipientId", contains(w.businessManager))
                .body("[0].text", containsString("装机地址不完整"));
        post(id, "resubmit", Map.of("personId", w.reviewer)).statusCode(422).body("code", equalTo("P2"));
        post(id, "resubmit", Map.of("personId", w.businessManager, "requestedCompletionDate", "2026-12-23",
                "note", "已补全地址")).statusCode(200)
                .body("status", equalTo("acknowledged")).body("dueDate", equalTo("2026-12-23"));
        post(id, "review", w.approve()).statusCode(200).body("status", equalTo("inProgress"));
    }

    @Test
    void cancellingClosesTasksAndTimers() {
        String id = w.inConstruction(w.body(w.mstpWuhanChengdu, "MSTP", "2026-12-18"));
        String wo = get(id, "segments").extract().path("[0].workOrder.id");
        post(id, "cancel", Map.of("personId", w.businessManager, "note", "客户撤单")).statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelledAt", notNullValue())
                .body("allowedActions", hasSize(0));
        given().get("/api/v1/work-orders/" + wo).then().body("status", equalTo("cancelled"));
        given().get("/api/v1/work-orders/" + wo + "/timers").then().body("[0].state", equalTo("cancelled"));
        assertTimer(id, "ORDER_DUE", "cancelled", null);
        assertTimer(id, "PROGRESS_REPORT", "cancelled", null);
    }

    private void assertTimer(String orderId, String kind, String state, String dueAt) {
        List<Map<String, Object>> timers = given().get("/api/v1/orders/" + orderId + "/timers").then().statusCode(200)
                .extract().path("findAll { it.kind == '" + kind + "' }");
        assertTrue(!timers.isEmpty(), "no " + kind + " timer");
        Map<String, Object> t = timers.get(timers.size() - 1);
        assertEquals(state, t.get("state"), kind);
        if (dueAt != null) {
            assertEquals(dueAt, t.get("dueAt"), kind);
        }
    }

    private static List<String> timerStates(String orderId, String kind) {
        return given().get("/api/v1/orders/" + orderId + "/timers").then().statusCode(200)
                .extract().path("findAll { it.kind == '" + kind + "' }.state");
    }

    private List<String> events(String orderId) {
        List<String> types = new ArrayList<>();
        for (Row r : pool.preparedQuery("select event_type from event_outbox where subject_id = $1 and topic = 'orders' "
                + "order by id").execute(Tuple.of(UUID.fromString(orderId))).await().indefinitely()) {
            types.add(r.getString(0));
        }
        return types;
    }
}
