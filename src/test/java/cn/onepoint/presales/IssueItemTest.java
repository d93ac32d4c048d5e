package cn.onepoint.presales;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.onepoint.presales.PresalesWorld.get;
import static cn.onepoint.presales.PresalesWorld.patch;
import static cn.onepoint.presales.PresalesWorld.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3: a project's issue management table 问题管理表, kept up to date, its items flagged by the timer engine when past due. */
@QuarkusTest
class IssueItemTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    PresalesWorld w;

    @BeforeEach
    void world() {
        w = PresalesWorld.get();
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    private Map<String, Object> item(Instant due) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", w.chiefCustomerEngineer);
        b.put("description", "客户机房至汇聚点无管道");
        b.put("target", "确定替代路由并取得物业许可");
        b.put("dueAt", due.toString());
        b.put("ownerId", w.projectManager);
        return b;
    }

    /** That long from the service's clock, whole seconds (as the wire shows them). */
    private Instant in(Duration d) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(d);
    }

    private static String issues(String project) {
        return "projects/" + project + "/issues";
    }

    @Test
    void anItemPastDueIsFlaggedByTheTimerEngine() {
        String p = w.project();
        Instant due = in(Duration.ofHours(1));
        String id = post(issues(p), item(due)).statusCode(201).body("seq", equalTo(1)).body("status", equalTo("open"))
                .body("overdue", equalTo(false)).body("timerId", notNullValue()).extract().path("id");
        get(issues(p) + "/" + id + "/timers").statusCode(200).body("kind", contains("ISSUE_ITEM"))
                .body("[0].rule", equalTo("S3")).body("[0].dueAt", equalTo(due.toString()));

        clock.setTo(due.plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(issues(p) + "/" + id).statusCode(200).body("overdue", equalTo(true)));
        given().queryParam("overdue", "true").get("/api/v1/" + issues(p)).then().statusCode(200)
                .body("id", contains(id));
        given().queryParam("overdue", "false").get("/api/v1/" + issues(p)).then().body("id", empty());
        // The flag is the engine's breach, on the feed as a TimerBreachEvent about the item.
        List<String> timerEvents = PresalesWorld.events(pool, "timers", id);
        assertEquals(1, timerEvents.stream().filter("TimerBreachEvent"::equals).count(), timerEvents::toString);

        // A later due time: the old timer is over, a new one watches, the item is no longer overdue.
        Instant later = due.plus(Duration.ofDays(2));
        patch(issues(p) + "/" + id, Map.of("personId", w.chiefCustomerEngineer, "dueAt", later.toString(),
                "note", "物业协调中")).statusCode(200).body("overdue", equalTo(false)).body("dueAt", equalTo(later.toString()));
        get(issues(p) + "/" + id + "/timers").body("state", contains("breached", "running"));
        // Resolved in time: the clock stops, met.
        patch(issues(p) + "/" + id, Map.of("personId", w.projectManager, "status", "resolved")).statusCode(200)
                .body("status", equalTo("resolved")).body("resolvedAt", notNullValue()).body("allowedActions", empty());
        get(issues(p) + "/" + id + "/timers").body("state", contains("breached", "met"));
    }

    @Test
    void theTableIsUpdatedThroughoutWithHistory() {
        String p = w.project();
        Instant due = in(Duration.ofDays(3));
        String first = post(issues(p), item(due)).statusCode(201).header("Location", containsString("/issues/"))
                .extract().path("id");
        String second = post(issues(p), item(due.plus(Duration.ofDays(1)))).statusCode(201).body("seq", equalTo(2))
                .extract().path("id");

        patch(issues(p) + "/" + first, Map.of("personId", w.projectManager, "status", "inProgress",
                "note", "已联系物业")).statusCode(200).body("status", equalTo("inProgress"))
                .body("allowedActions", contains("update", "resolved", "cancelled"));
        patch(issues(p) + "/" + first, Map.of("personId", w.customerEngineer, "ownerId", w.customerManager,
                "target", "改走架空")).statusCode(200).body("ownerId", equalTo(w.customerManager))
                .body("target", equalTo("改走架空"));
        // Back to open is not a move the table allows.
        patch(issues(p) + "/" + first, Map.of("personId", w.customerEngineer, "status", "open")).statusCode(409)
                .body("state", equalTo("inProgress")).body("allowedActions", contains("update", "resolved", "cancelled"));
        patch(issues(p) + "/" + second, Map.of("personId", w.customerEngineer, "status", "cancelled")).statusCode(200);
        get(issues(p) + "/" + second + "/timers").body("state", contains("cancelled"));
        // A closed item takes no further change.
        patch(issues(p) + "/" + second, Map.of("personId", w.customerEngineer, "target", "x")).statusCode(409)
                .body("state", equalTo("cancelled")).body("allowedActions", empty());

        get(issues(p) + "/" + first + "/history").statusCode(200)
                .body("action", contains("create", "update", "update"))
                .body("[1].detail", containsString("status open → inProgress"))
                .body("[1].detail", containsString("已联系物业"))
                .body("[2].detail", containsString("owner " + w.projectManager + " → " + w.customerManager))
                .body("[2].actorId", equalTo(w.customerEngineer));
        given().queryParam("status", "inProgress,open").get("/api/v1/" + issues(p)).then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains(first));
        given().get("/api/v1/" + issues(p)).then().body("seq", contains(1, 2));
        given().queryParam("sort", "-seq").queryParam("limit", 1).get("/api/v1/" + issues(p)).then()
                .header("X-Total-Count", "2").body("id", contains(second));
        List<String> events = PresalesWorld.events(pool, "presales", first);
        assertEquals(List.of("IssueItemCreateEvent", "IssueItemStateChangeEvent", "IssueItemAttributeValueChangeEvent"),
                events);
    }

    @Test
    void theCustomerEngineerKeepsTheTableAndOwnersReport() {
        String p = w.project();
        Map<String, Object> byHandler = item(in(Duration.ofDays(1)));
        byHandler.put("personId", w.handler);
        // Who may: the caller lacks the role, 403 naming the rule.
        post(issues(p), byHandler).statusCode(403).body("code", equalTo("S3"));
        String id = post(issues(p), item(in(Duration.ofDays(1)))).statusCode(201).extract().path("id");
        // Neither the table's engineer nor the owner.
        patch(issues(p) + "/" + id, Map.of("personId", w.handler, "status", "resolved")).statusCode(403)
                .body("code", equalTo("S3"));
        get(issues(p) + "/" + id).body("status", equalTo("open"));
        // Not on a cancelled project; another project's item is not found there.
        String other = w.project();
        get("projects/" + other + "/issues/" + id).statusCode(404);
        post("projects/" + other + "/steps", Map.of("step", "cancelled", "personId", w.customerEngineer, "note", "终止"))
                .statusCode(200);
        post(issues(other), item(in(Duration.ofDays(1)))).statusCode(409)
                .body("state", equalTo("cancelled"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String p = w.project();
        post(issues(p), Map.of("personId", w.customerEngineer)).statusCode(400)
                .body("errors.field", containsInAnyOrder("description", "target", "dueAt", "ownerId"));
        Map<String, Object> bad = item(in(Duration.ofMinutes(-1)));
        bad.put("ownerId", "00000000-0000-0000-0000-000000000000");
        post(issues(p), bad).statusCode(400).body("errors.field", containsInAnyOrder("dueAt", "ownerId"));
        post(issues(p), Map.of("personId", w.customerEngineer, "description", "x", "target", "y",
                "dueAt", "tomorrow", "ownerId", w.projectManager)).statusCode(400).body("errors.field", contains("dueAt"));
        String id = post(issues(p), item(in(Duration.ofDays(1)))).statusCode(201).extract().path("id");
        patch(issues(p) + "/" + id, Map.of("personId", w.customerEngineer)).statusCode(400)
                .body("errors.field", contains("status"));
        patch(issues(p) + "/" + id, Map.of("personId", w.customerEngineer, "dueAt", "2020-01-01T00:00:00Z",
                "ownerId", "nobody")).statusCode(400).body("errors.field", containsInAnyOrder("dueAt", "ownerId"));
        given().queryParam("overdue", "yes").queryParam("status", "done").queryParam("sort", "x")
                .get("/api/v1/" + issues(p)).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("overdue", "status", "sort"));
        post("projects/00000000-0000-0000-0000-000000000000/issues", item(in(Duration.ofDays(1))))
                .statusCode(404);
        List<Map<String, Object>> list = get(issues(p)).extract().path("$");
        assertTrue(list.stream().noneMatch(i -> "2020-01-01T00:00:00Z".equals(i.get("dueAt"))));
        get(issues(p)).body("ownerId", not(hasItem("nobody")));
    }
}
