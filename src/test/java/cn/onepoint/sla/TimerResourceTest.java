package cn.onepoint.sla;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.onepoint.sla.SlaTestSupport.await;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read side through HTTP, with the scheduled sweep running as in production. */
@QuarkusTest
class TimerResourceTest {

    @Inject
    TimerService timers;
    @Inject
    MutableClock clock;

    private Timer start(TimerKind kind, SubjectType type, UUID subject, Duration limit, UUID unit) {
        return SlaTestSupport.await(() -> timers.start(TimerSpec.of(kind, type, subject).withLimit(limit)
                .withScope(unit, null, "四川")));
    }

    @Test
    void listFiltersAndPagesWithTotalCounts() {
        UUID unit = UUID.fromString(Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", null, null));
        UUID ticket = UUID.randomUUID();
        UUID workOrder = UUID.randomUUID();
        start(TimerKind.ACCEPT, SubjectType.WORK_ORDER, workOrder, Duration.ofMinutes(5), unit);
        start(TimerKind.ACCEPT, SubjectType.WORK_ORDER, UUID.randomUUID(), Duration.ofMinutes(6), unit);
        start(TimerKind.ACCEPT, SubjectType.WORK_ORDER, UUID.randomUUID(), Duration.ofMinutes(7), unit);
        start(TimerKind.RESOLUTION, SubjectType.TICKET, ticket, Duration.ofHours(4), unit);
        start(TimerKind.CUSTOMER_FIRST_UPDATE, SubjectType.TICKET, ticket, Duration.ofMinutes(30), unit);
        await(() -> timers.stop(SubjectType.WORK_ORDER, workOrder, TimerKind.ACCEPT));

        given().queryParam("unit", unit.toString()).queryParam("limit", 2)
                .when().get("/api/v1/timers")
                .then().statusCode(200)
                .header("X-Total-Count", "5").header("X-Result-Count", "2")
                .body("kind", equalTo(List.of("ACCEPT", "ACCEPT"))) // sorted by due time
                .body("[0].state", equalTo("met"));
        given().queryParam("unit", unit.toString()).queryParam("offset", 4)
                .when().get("/api/v1/timers")
                .then().statusCode(200).header("X-Total-Count", "5").header("X-Result-Count", "1")
                .body("[0].kind", equalTo("RESOLUTION"));
        count("state=running", unit, 4);
        count("state=met", unit, 1);
        count("state=running,met", unit, 5);
        count("kind=RESOLUTION&kind=CUSTOMER_FIRST_UPDATE", unit, 2);
        count("subjectType=TICKET", unit, 2);
        count("subjectId=" + ticket, unit, 2);
        count("dueBefore=" + clock.instant().plus(Duration.ofHours(1)) + "&state=running", unit, 3);
        count("dueAfter=" + clock.instant().plus(Duration.ofHours(1)), unit, 1);
        count("province=四川&state=met", unit, 1);
        given().queryParam("unit", unit.toString()).queryParam("sort", "-dueAt")
                .when().get("/api/v1/timers")
                .then().statusCode(200).body("[0].kind", equalTo("RESOLUTION"));
    }

    private static void count(String query, UUID unit, int expected) {
        given().when().get("/api/v1/timers?unit=" + unit + "&" + query)
                .then().statusCode(200).header("X-Total-Count", Integer.toString(expected))
                .body("$", hasSize(expected));
    }

    @Test
    void badFiltersAreNamedAllAtOnce() {
        given().header("Accept-Language", "en")
                .queryParam("state", "late").queryParam("dueBefore", "yesterday").queryParam("unit", "x")
                .when().get("/api/v1/timers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("state", "dueBefore", "unit"))
                .body("errors.find { it.field == 'state' }.message", containsString("running, paused, met, breached, cancelled"));
        given().queryParam("limit", 501).when().get("/api/v1/timers").then().statusCode(400);
    }

    @Test
    void timerHasTheWireShapeOfApiMd() {
        UUID ticket = UUID.randomUUID();
        Timer t = start(TimerKind.RESOLUTION, SubjectType.TICKET, ticket, Duration.ofHours(4), null);
        given().when().get("/api/v1/timers/" + t.id)
                .then().statusCode(200)
                .body("id", equalTo(t.id.toString()))
                .body("href", equalTo("/api/v1/timers/" + t.id))
                .body("kind", equalTo("RESOLUTION"))
                .body("rule", equalTo("T5"))
                .body("subject.type", equalTo("TICKET"))
                .body("subject.id", equalTo(ticket.toString()))
                .body("state", equalTo("running"))
                .body("startedAt", allOf(notNullValue(), containsString("Z")))
                .body("dueAt", equalTo(t.dueAt.toString()))
                .body("warnAt", equalTo(t.warnAt.toString()))
                .body("pausedSeconds", equalTo(0))
                .body("breachedAt", nullValue())
                .body("remainingSeconds", allOf(greaterThan(14000), lessThanOrEqualTo(14400)))
                .body("escalations", hasSize(0));
        given().when().get("/api/v1/timers/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().when().get("/api/v1/timers/nope").then().statusCode(404);
    }

    @Test
    void aSubjectsTimersAreReadThroughTheSubject() {
        // the engine takes any subject id; the per-subject lists answer only for a subject that exists
        // (FaultReportTest, OrderDeadlinesTest and CrossDomainTimersTest read real subjects' timers)
        UUID ticket = UUID.randomUUID();
        UUID workOrder = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        start(TimerKind.CUSTOMER_FIRST_UPDATE, SubjectType.TICKET, ticket, Duration.ofMinutes(30), null);
        start(TimerKind.RESOLUTION, SubjectType.TICKET, ticket, Duration.ofHours(8), null);
        start(TimerKind.ACCEPT, SubjectType.WORK_ORDER, workOrder, Duration.ofMinutes(5), null);
        await(() -> timers.start(TimerSpec.of(TimerKind.SURVEY, SubjectType.ORDER, order)
                .withDueAt(clock.instant().plus(Duration.ofDays(2)))));

        given().queryParam("subjectId", ticket.toString()).when().get("/api/v1/timers")
                .then().statusCode(200).body("kind", containsInAnyOrder("CUSTOMER_FIRST_UPDATE", "RESOLUTION"));
        given().queryParam("subjectId", order.toString()).when().get("/api/v1/timers")
                .then().statusCode(200).body("rule", equalTo(List.of("P3")));
        for (String path : List.of("tickets/" + ticket, "work-orders/" + workOrder, "orders/" + order)) {
            given().when().get("/api/v1/" + path + "/timers")
                    .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        }
        given().when().get("/api/v1/tickets/not-an-id/timers").then().statusCode(404);
    }

    @Test
    void theScheduledSweepBreachesAndEscalatesOnItsOwn() {
        SlaTestSupport.Chain c = SlaTestSupport.chain();
        UUID ticket = UUID.randomUUID();
        Timer t = SlaTestSupport.await(() -> timers.start(TimerSpec.of(TimerKind.CONTROL_RESPONSE, SubjectType.TICKET,
                ticket).withDueAt(clock.instant().plusMillis(1500)).withScope(c.local(), c.customer(), "湖北")));

        // Polled without assertions, so that the attempts before the breach do not dump their requests.
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get("/api/v1/timers/" + t.id)
                .then().extract().jsonPath(), j -> "breached".equals(j.getString("state"))
                && j.getList("escalations").size() == 1);
        given().when().get("/api/v1/timers/" + t.id)
                .then().statusCode(200).body("state", equalTo("breached")).body("escalations", hasSize(1));
        Timer breached = SlaTestSupport.await(() -> timers.timer(t.id));
        Duration lag = Duration.between(breached.dueAt, breached.breachedAt);
        // The schedule alone (every 1 s) would leave up to a second; the wake-up at the due time does better.
        assertTrue(lag.compareTo(Duration.ofMillis(500)) < 0, "detection lag " + lag);

        given().when().get("/api/v1/timers/" + t.id + "/escalations")
                .then().statusCode(200)
                .body("[0].tier", equalTo("LOCAL"))
                .body("[0].reason", equalTo("BREACH"))
                .body("[0].notifications.role",
                        containsInAnyOrder("SUPERVISOR", "CHIEF_CUSTOMER_ENGINEER", "CUSTOMER_MANAGER"));
        // the scheduled delivery job sends them
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when()
                .get("/api/v1/timers/" + t.id + "/escalations")
                .then().extract().<List<Object>>path("[0].notifications.deliveredAt"),
                org.hamcrest.Matchers.everyItem(notNullValue()));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("onepoint_sla_breaches_total"), "breach counter exported");
        assertTrue(metrics.contains("onepoint_sla_sweep_lag_seconds"), "lag gauge exported");
        assertTrue(metrics.contains("onepoint_sla_detection_lag_seconds"), "detection lag exported");
    }
}
