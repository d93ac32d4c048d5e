package cn.onepoint.order;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.onepoint.order.OrderWorld.local;
import static cn.onepoint.order.OrderWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Step deadlines on the working-day calendar (P3, P4, P8): the end (18:00 Shanghai) of the n-th working day,
 * across the 2026 Mid-Autumn and National Day holidays and their adjusted working days (09-20 and 10-10).
 */
@QuarkusTest
class OrderDeadlinesTest {

    @Inject
    MutableClock clock;

    OrderWorld w;

    @BeforeEach
    void world() {
        w = OrderWorld.get();
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    private String nameProjectManager(String orderId) {
        post(orderId, "project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.projectManager))
                .statusCode(200);
        return orderId;
    }

    private String approvedAt(String localTime, String circuit, String type) {
        clock.setTo(local(localTime));
        return w.approved(w.body(circuit, type, "2026-12-18"));
    }

    @Test
    void surveyNamedBeforeNationalDayIsDueAtTheEndOfOctoberNinth() {
        // 10-01..07 are off: the first working day after 09-30 is 10-08, the second 10-09.
        String id = nameProjectManager(approvedAt("2026-09-30T10:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        assertEquals("2026-10-09T10:00:00Z", due(id, "SURVEY"));
        // Named late in the evening: the day still counts as the start.
        String late = nameProjectManager(approvedAt("2026-09-30T23:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        assertEquals("2026-10-09T10:00:00Z", due(late, "SURVEY"));
    }

    @Test
    void adjustedWorkingDaysCount() {
        // Saturday 09-19: Sunday 09-20 is an adjusted working day (1), Monday 09-21 the second.
        String sat = nameProjectManager(approvedAt("2026-09-19T11:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        assertEquals("2026-09-21T10:00:00Z", due(sat, "SURVEY"));
        // Thursday 09-24: 09-25..27 are the Mid-Autumn holiday; 09-28 and 09-29 follow.
        String thu = nameProjectManager(approvedAt("2026-09-24T15:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        assertEquals("2026-09-29T10:00:00Z", due(thu, "SURVEY"));
    }

    @Test
    void planIsDueTwelveWorkingDaysAfterTheSurvey() {
        String id = nameProjectManager(approvedAt("2026-09-30T10:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        clock.setTo(local("2026-10-09T16:00"));
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "资源具备")).statusCode(200);
        // 10-10 (adjusted Saturday) is the 1st, then 10-12..16, 10-19..23, and 10-26 the 12th.
        assertEquals("2026-10-26T10:00:00Z", due(id, "PLAN"));
        assertEquals("met", state(id, "SURVEY"));
    }

    @Test
    void resourceSystemAndCrmDeadlinesSkipTheHoliday() {
        String id = approvedAt("2026-09-28T09:00", w.mstpWuhanChengdu, "MSTP");
        nameProjectManager(id);
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "资源具备")).statusCode(200);
        post(id, "plan", Map.of("personId", w.projectManager, "summary", "按段施工")).statusCode(200);
        w.completeSegments(id);
        clock.setTo(local("2026-09-29T17:00"));
        post(id, "tests", OrderWorld.test(w.wuhan, w.wuhanHandler, "END_TO_END", "PASSED")).statusCode(201);
        // Cross-domain: registered within 2 working days of the report: 09-30, then 10-08.
        assertEquals("2026-10-08T10:00:00Z", due(id, "RESOURCE_SYSTEM_ENTRY"));
        clock.setTo(local("2026-09-30T11:00"));
        post(id, "completion", OrderWorld.completion(w.wuhan, w.wuhanHandler)).statusCode(200);
        // The CRM delivery note within 1 working day of completion: 10-08.
        assertEquals("2026-10-08T10:00:00Z", due(id, "CRM_DELIVERY_NOTE"));
    }

    @Test
    void segmentTasksAreDueAtTheEndOfTheirOwnDay() {
        String id = nameProjectManager(approvedAt("2026-11-02T09:00", w.dataWuhanYichang, "DATA_CIRCUIT"));
        post(id, "survey", Map.of("personId", w.projectManager, "summary", "资源具备")).statusCode(200);
        post(id, "plan", Map.of("personId", w.projectManager, "summary", "两段", "segments", List.of(
                Map.of("segment", "A_ACCESS", "unitId", w.wuhan, "dueDate", "2026-12-01"),
                Map.of("segment", "Z_ACCESS", "unitId", w.yichang, "dueDate", "2026-12-18")))).statusCode(200);
        List<Map<String, Object>> segments = OrderWorld.get(id, "segments").extract().path("$");
        assertEquals("2026-12-01T10:00:00Z", segments.get(0).get("dueAt"));
        String wo = (String) ((Map<?, ?>) segments.get(0).get("workOrder")).get("id");
        given().get("/api/v1/work-orders/" + wo + "/timers").then()
                .body("[0].kind", equalTo("ORDER_DUE")).body("[0].dueAt", equalTo("2026-12-01T10:00:00Z"));
    }

    @Test
    void anOrderWhoseDatesReachAYearNotLoadedIsRefused() {
        clock.setTo(local("2026-11-02T09:00"));
        // The warning-pool entry counts working days back from a due date in 2030, which no test loads.
        OrderWorld.create(w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2030-03-20")).statusCode(422)
                .body("code", equalTo("CALENDAR_YEAR_MISSING"));
    }

    private static List<Map<String, Object>> timers(String orderId, String kind) {
        return given().get("/api/v1/orders/" + orderId + "/timers").then().statusCode(200)
                .extract().path("findAll { it.kind == '" + kind + "' }");
    }

    private static String due(String orderId, String kind) {
        List<Map<String, Object>> t = timers(orderId, kind);
        return (String) t.get(t.size() - 1).get("dueAt");
    }

    private static String state(String orderId, String kind) {
        List<Map<String, Object>> t = timers(orderId, kind);
        return (String) t.get(t.size() - 1).get("state");
    }
}
