package cn.onepoint.workorder;

import cn.onepoint.MutableClock;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.onepoint.workorder.CrossDomainWorld.act;
import static cn.onepoint.workorder.CrossDomainWorld.create;
import static cn.onepoint.workorder.CrossDomainWorld.done;
import static cn.onepoint.workorder.CrossDomainWorld.idOf;
import static cn.onepoint.workorder.CrossDomainWorld.task;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W1 cross-domain coordination work orders through the API: the customer engineer takes the customer manager's
 * request, dispatches tasks to teams of other domains, the teams work them as work orders, and one reply to the
 * customer manager closes the request once every task is done.
 */
@QuarkusTest
class CrossDomainWorkOrderTest {

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    CrossDomainWorld w;

    @BeforeEach
    void world() {
        w = CrossDomainWorld.get();
    }

    private Instant inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days));
    }

    private List<String> rows(String sql, Object... params) {
        List<String> out = new ArrayList<>();
        for (Row r : pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()) {
            out.add(String.valueOf(r.getValue(0)));
        }
        return out;
    }

    /** Feed events about a work order, in the order written. */
    private List<String> events(String workOrder) {
        return rows("select event_type from event_outbox where subject_type = 'WORK_ORDER' and subject_id = $1 "
                + "and topic = 'workorders' order by id", UUID.fromString(workOrder));
    }

    private static JsonPath history(String workOrder) {
        return given().get("/api/v1/work-orders/" + workOrder + "/history").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theCustomerEngineerTakesTheCustomerManagersRequest() {
        Instant due = inDays(3);
        JsonPath created = create(w.body(due)).statusCode(201)
                .header("Location", containsString("/work-orders/")).header("ETag", notNullValue())
                .body("type", equalTo("INDUSTRY_SERVICE")).body("status", equalTo("acknowledged"))
                .body("number", notNullValue()).body("subject", nullValue()).body("parentId", nullValue())
                .body("unitId", equalTo(w.hubeiCsc)).body("customerId", equalTo(w.customer))
                .body("request.title", equalTo("成都分支机构专线组网支撑"))
                .body("request.customerManagerId", equalTo(w.manager))
                .body("request.customerEngineerId", equalTo(w.engineer))
                .body("dueAt", equalTo(due.toString()))
                .body("allowedActions", contains("dispatch", "cancel"))
                .extract().jsonPath();
        String id = created.getString("id");
        given().get("/api/v1/work-orders/" + id).then().statusCode(200).body("request.title", notNullValue());
        assertEquals(List.of("create"), history(id).getList("action"));
        assertEquals(w.engineer, history(id).getString("[0].actorId"));
        assertEquals(List.of("WorkOrderStateChangeEvent"), events(id));
        // The request is its own root on the feed: its tasks' and timers' events gather under it.
        assertEquals(List.of(id), rows("select distinct root_id from event_outbox where subject_id = $1",
                UUID.fromString(id)));
    }

    @Test
    void everyCrossDomainTypeIsTakenAndNothingElse() {
        for (String type : List.of("INDUSTRY_SERVICE", "PROJECT_MANAGEMENT", "MARKETING_SUPPORT")) {
            Map<String, Object> body = w.body(null);
            body.put("type", type);
            create(body).statusCode(201).body("type", equalTo(type));
        }
        Map<String, Object> body = w.body(null);
        body.put("type", "FAULT_DISPATCH");
        create(body).statusCode(400).body("errors.field", contains("type"))
                .body("errors[0].message", containsString("MARKETING_SUPPORT"));
        body.put("type", "PLANET");
        create(body).statusCode(400).body("errors.field", contains("type"));
    }

    @Test
    void creationNamesEveryBadFieldAndWritesNothing() {
        String before = total("customerId=" + w.customer);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/work-orders").then().statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("type", "customerId", "customerManagerId",
                        "customerEngineerId", "title"));
        Map<String, Object> body = w.body(clock.instant().minus(Duration.ofMinutes(1)));
        body.put("type", "ORDER_TASK");
        body.put("customerId", UUID.randomUUID().toString());
        body.put("customerManagerId", "not-an-id");
        body.put("customerEngineerId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .post("/api/v1/work-orders").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("type", "dueAt", "customerId", "customerManagerId",
                        "customerEngineerId"))
                .body("errors.find { it.field == 'dueAt' }.message", equalTo("Must be later than now"));
        Map<String, Object> tooLong = w.body(null);
        tooLong.put("title", "长".repeat(201));
        tooLong.put("description", "长".repeat(4001));
        create(tooLong).statusCode(400).body("errors.field", containsInAnyOrder("title", "description"));
        assertEquals(before, total("customerId=" + w.customer));
    }

    @Test
    void onlyACustomerEngineerTakesAndOnlyACustomerManagerAsks() {
        Map<String, Object> body = w.body(null);
        body.put("customerEngineerId", w.cscHandler);
        create(body).statusCode(422).body("code", equalTo("W1"))
                .body("type", endsWith("rule-violation")).body("detail", containsString("客户工程师"));
        body = w.body(null);
        body.put("customerManagerId", w.engineer);
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .post("/api/v1/work-orders").then().statusCode(422).body("code", equalTo("W1"))
                .body("detail", containsString("customer manager"));
        // The chief roles count: a chief customer engineer takes a chief customer manager's request.
        body = w.body(null);
        body.put("customerEngineerId", w.chiefEngineer);
        body.put("customerManagerId", w.chiefManager);
        create(body).statusCode(201).body("request.customerEngineerId", equalTo(w.chiefEngineer));
    }

    @Test
    void tasksGoToTeamsOfOtherDomainsEachWithItsDueTime() {
        Instant due = inDays(5);
        String request = w.request(due);
        Instant chengduDue = inDays(1);
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(task(w.chengdu, chengduDue),
                task(w.backbone, null)));
        assertEquals(2, tasks.size());
        for (Map<String, Object> t : tasks) {
            assertEquals(request, t.get("parentId"));
            assertEquals("INDUSTRY_SERVICE", t.get("type"));
            assertEquals("acknowledged", t.get("status"));
            assertEquals(w.customer, t.get("customerId"));
            assertEquals("核实本域资源并反馈方案", t.get("instructions"));
            assertEquals(Map.of("type", "WORK_ORDER", "id", request, "href", "/api/v1/work-orders/" + request),
                    t.get("subject"));
            assertEquals(List.of("accept", "decline", "cancel"), t.get("allowedActions"));
        }
        Map<String, Object> chengdu = tasks.stream().filter(t -> w.chengdu.equals(t.get("unitId"))).findFirst()
                .orElseThrow();
        assertEquals(chengduDue.toString(), chengdu.get("dueAt"));
        // Without a due time of its own: onepoint.sla.cross-domain.task (2 days) after the dispatch.
        Map<String, Object> backbone = tasks.stream().filter(t -> w.backbone.equals(t.get("unitId"))).findFirst()
                .orElseThrow();
        Duration given = Duration.between(Instant.parse((String) backbone.get("dispatchedAt")),
                Instant.parse((String) backbone.get("dueAt")));
        assertTrue(given.compareTo(Duration.ofDays(2).minusSeconds(1)) > 0 && given.compareTo(Duration.ofDays(2)) <= 0,
                given::toString);
        given().get("/api/v1/work-orders/" + request).then().body("status", equalTo("inProgress"))
                .body("allowedActions", contains("dispatch", "reply", "cancel"));
        given().get("/api/v1/work-orders?parentId=" + request).then().statusCode(200)
                .header("X-Total-Count", "2").body("unitId", containsInAnyOrder(w.chengdu, w.backbone));
        given().get("/api/v1/work-orders/" + request + "/dispatches").then().statusCode(200)
                .body("id", containsInAnyOrder(idOf(tasks, w.chengdu), idOf(tasks, w.backbone)));
        // A task's default due time never passes the request's.
        String soon = w.request(clock.instant().plus(Duration.ofHours(6)));
        Map<String, Object> capped = w.dispatch(soon, List.of(task(w.chengdu, null))).get(0);
        assertEquals(given().get("/api/v1/work-orders/" + soon).then().extract().path("dueAt"), capped.get("dueAt"));
    }

    @Test
    void dispatchIsTheEngineersAndNamesEveryBadTask() {
        String request = w.request(inDays(2));
        // W1: only the customer engineer who took it dispatches (one point), even a chief engineer may not.
        act(request, "dispatches", Map.of("personId", w.chiefEngineer, "tasks", List.of(task(w.chengdu, null))))
                .statusCode(403).body("code", equalTo("W1"));
        // W1: the tasks go to other domains, not back to the engineer's own unit.
        act(request, "dispatches", Map.of("personId", w.engineer,
                "tasks", List.of(task(w.chengdu, null), task(w.hubeiCsc, null))))
                .statusCode(422).body("code", equalTo("W1"));
        act(request, "dispatches", Map.of("personId", w.engineer, "tasks", List.of(
                        task(UUID.randomUUID().toString(), null),
                        task(w.chengdu, inDays(3)),
                        task(w.backbone, clock.instant().minus(Duration.ofHours(1))))))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("tasks[0].unitId", "tasks[1].dueAt", "tasks[2].dueAt"));
        act(request, "dispatches", Map.of("personId", w.engineer, "tasks", List.of())).statusCode(400)
                .body("errors.field", contains("tasks"));
        Map<String, Object> noInstructions = new HashMap<>(task(w.chengdu, null));
        noInstructions.remove("instructions");
        act(request, "dispatches", Map.of("personId", w.engineer, "tasks", List.of(noInstructions))).statusCode(400)
                .body("errors.field", contains("tasks[0].instructions"));
        // Nothing of it was written.
        given().get("/api/v1/work-orders/" + request + "/dispatches").then().body("$", empty());
        given().get("/api/v1/work-orders/" + request).then().body("status", equalTo("acknowledged"));
        assertEquals(List.of("create"), history(request).getList("action"));
    }

    @Test
    void eachTeamAcceptsReportsAndCompletesOrRejectsItsTask() {
        String request = w.request(inDays(3));
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(task(w.chengdu, null), task(w.backbone, null)));
        String chengdu = idOf(tasks, w.chengdu);
        String backbone = idOf(tasks, w.backbone);
        // A task is worked by the team it went to; the refusal cites W1.
        act(chengdu, "accept", Map.of("personId", w.backboneHandler)).statusCode(422).body("code", equalTo("W1"));
        act(chengdu, "accept", Map.of("personId", w.chengduHandler)).statusCode(200)
                .body("status", equalTo("inProgress")).body("acceptedBy", equalTo(w.chengduHandler));
        act(chengdu, "progress", Map.of("reporterId", w.chengduHandler, "handlerName", "任杰",
                "operation", "已核实成都端接入资源，正在出方案", "interim", true)).statusCode(201)
                .body("workOrderId", equalTo(chengdu));
        act(chengdu, "complete", Map.of("personId", w.chengduHandler, "result", "成都端资源具备，方案已上传"))
                .statusCode(200).body("status", equalTo("completed")).body("result", equalTo("成都端资源具备，方案已上传"));
        // Rejecting needs the reason, for the engineer to re-plan.
        act(backbone, "decline", Map.of("personId", w.backboneHandler)).statusCode(400)
                .body("errors.field", contains("note"));
        act(backbone, "decline", Map.of("personId", w.backboneHandler, "note", "骨干段不涉及，请改派省公司"))
                .statusCode(200).body("status", equalTo("rejected")).body("result", equalTo("骨干段不涉及，请改派省公司"));
        // The task lifecycle is the work-order one: a completed task takes no more actions.
        act(chengdu, "accept", Map.of("personId", w.chengduHandler)).statusCode(409)
                .body("code", equalTo("STATE_CONFLICT")).body("state", equalTo("completed"))
                .body("allowedActions", empty());
        // A request takes none of a task's actions.
        act(request, "accept", Map.of("personId", w.engineer)).statusCode(409)
                .body("state", equalTo("inProgress")).body("allowedActions", contains("dispatch", "reply", "cancel"));
        assertEquals(List.of("WorkOrderStateChangeEvent", "WorkOrderStateChangeEvent", "WorkOrderProgressEvent",
                "WorkOrderStateChangeEvent"), events(chengdu));
        // Every task event is on the request's feed.
        assertEquals(List.of(request), rows("select distinct root_id from event_outbox where subject_id = $1",
                UUID.fromString(chengdu)));
    }

    @Test
    void theOneReplyComesWhenEveryTaskIsDoneAndOnlyOnce() {
        String request = w.request(inDays(3));
        // Nothing dispatched yet: a reply is not an action of an acknowledged request.
        act(request, "reply", Map.of("personId", w.engineer, "message", "已办结")).statusCode(409)
                .body("state", equalTo("acknowledged")).body("allowedActions", contains("dispatch", "cancel"));
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(task(w.chengdu, null), task(w.backbone, null)));
        String chengdu = idOf(tasks, w.chengdu);
        String backbone = idOf(tasks, w.backbone);
        done(chengdu, w.chengduHandler);
        int eventsBefore = events(request).size();
        int historyBefore = history(request).getList("action").size();
        String backboneNumber = (String) tasks.stream().filter(t -> t.get("id").equals(backbone)).findFirst()
                .orElseThrow().get("number");
        act(request, "reply", Map.of("personId", w.engineer, "message", "已办结")).statusCode(422)
                .body("code", equalTo("W1")).body("detail", containsString(backboneNumber));
        // The refusal left nothing behind.
        assertEquals(eventsBefore, events(request).size());
        assertEquals(historyBefore, history(request).getList("action").size());
        act(backbone, "decline", Map.of("personId", w.backboneHandler, "note", "不涉及骨干段")).statusCode(200);
        // Only the engineer who took it replies (one point).
        act(request, "reply", Map.of("personId", w.chiefEngineer, "message", "已办结")).statusCode(403)
                .body("code", equalTo("W1"));
        act(request, "reply", Map.of("personId", w.engineer)).statusCode(400).body("errors.field", contains("message"));
        act(request, "reply", Map.of("personId", w.engineer, "message", "成都端资源具备，组网方案已发送，请查收"))
                .statusCode(200).body("status", equalTo("completed"))
                .body("reply.personId", equalTo(w.engineer))
                .body("reply.message", equalTo("成都端资源具备，组网方案已发送，请查收"))
                .body("reply.at", notNullValue()).body("allowedActions", empty());
        // The customer manager hears it.
        List<String> told = rows("select recipient_id from notification where subject_type = 'WORK_ORDER' "
                + "and subject_id = $1 and escalation_id is null", UUID.fromString(request));
        assertEquals(List.of(w.manager), told);
        assertTrue(rows("select text from notification where subject_id = $1", UUID.fromString(request)).get(0)
                .contains("组网方案已发送"));
        // Exactly once.
        act(request, "reply", Map.of("personId", w.engineer, "message", "再说一次")).statusCode(409)
                .body("state", equalTo("completed")).body("allowedActions", empty());
        act(request, "dispatches", Map.of("personId", w.engineer, "tasks", List.of(task(w.chengdu, null))))
                .statusCode(409).body("state", equalTo("completed"));
        assertEquals(1, rows("select id from notification where subject_id = $1", UUID.fromString(request)).size());
    }

    @Test
    void twoRepliesAtOnceMakeOneReply() throws Exception {
        String request = w.request(inDays(3));
        done(w.dispatch(request, List.of(task(w.chengdu, null))).get(0).get("id").toString(), w.chengduHandler);
        Map<String, Object> body = Map.of("personId", w.engineer, "message", "已办结");
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> both = callers.invokeAll(List.<Callable<Integer>>of(
                    () -> act(request, "reply", body).extract().statusCode(),
                    () -> act(request, "reply", body).extract().statusCode()));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : both) {
                statuses.add(f.get());
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        } finally {
            callers.shutdown();
        }
        assertEquals(1, rows("select id from notification where subject_id = $1", UUID.fromString(request)).size());
        assertEquals(1, history(request).getList("action").stream().filter("reply"::equals).count());
    }

    @Test
    void theRequestsHistoryTellsTheWholeStoryWithItsTasks() {
        String request = w.request(inDays(3));
        String chengdu = w.dispatch(request, List.of(task(w.chengdu, null))).get(0).get("id").toString();
        done(chengdu, w.chengduHandler);
        act(request, "reply", Map.of("personId", w.engineer, "message", "已办结")).statusCode(200);
        JsonPath h = history(request);
        // The dispatch is recorded once its tasks exist: its detail names them.
        assertEquals(List.of("create", "create", "dispatch", "accept", "complete", "reply"), h.getList("action"));
        assertEquals(List.of(request, chengdu, request, chengdu, chengdu, request), h.getList("workOrderId"));
        assertEquals(List.of(w.engineer, w.engineer, w.engineer, w.chengduHandler, w.chengduHandler, w.engineer),
                h.getList("actorId"));
        assertEquals("acknowledged", h.getString("[2].fromStatus"));
        assertEquals("inProgress", h.getString("[2].toStatus"));
        String number = given().get("/api/v1/work-orders/" + chengdu).then().extract().path("number");
        assertEquals("tasks=" + number, h.getString("[2].detail"));
        assertEquals("completed", h.getString("[5].toStatus"));
        assertEquals("已办结", h.getString("[5].detail"));
        // A task's own history is its own.
        assertEquals(List.of("create", "accept", "complete"), history(chengdu).getList("action"));
        assertEquals(List.of("WorkOrderStateChangeEvent", "WorkOrderStateChangeEvent", "WorkOrderStateChangeEvent"),
                events(request));
        given().get("/api/v1/work-orders/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void theEngineerWithdrawsATaskOrTheWholeRequest() {
        String request = w.request(inDays(3));
        List<Map<String, Object>> tasks = w.dispatch(request, List.of(task(w.chengdu, null), task(w.backbone, null)));
        String chengdu = idOf(tasks, w.chengdu);
        String backbone = idOf(tasks, w.backbone);
        act(chengdu, "cancel", Map.of("personId", w.chengduHandler, "note", "x")).statusCode(403)
                .body("code", equalTo("W1"));
        act(chengdu, "cancel", Map.of("personId", w.engineer)).statusCode(400).body("errors.field", contains("note"));
        act(chengdu, "cancel", Map.of("personId", w.engineer, "note", "改由省公司处理")).statusCode(200)
                .body("status", equalTo("cancelled"));
        given().get("/api/v1/work-orders/" + request).then().body("status", equalTo("inProgress"));
        act(backbone, "accept", Map.of("personId", w.backboneHandler)).statusCode(200);
        act(request, "cancel", Map.of("personId", w.engineer, "note", "客户经理撤回需求")).statusCode(200)
                .body("status", equalTo("cancelled")).body("result", equalTo("客户经理撤回需求"));
        given().get("/api/v1/work-orders/" + backbone).then().body("status", equalTo("cancelled"))
                .body("result", equalTo("客户经理撤回需求"));
        for (String id : List.of(request, chengdu, backbone)) {
            List<String> states = given().get("/api/v1/work-orders/" + id + "/timers").then().extract().path("state");
            assertTrue(states.stream().noneMatch(s -> s.equals("running") || s.equals("paused")), id + ": " + states);
        }
        assertEquals(List.of("create", "accept", "cancel"), history(backbone).getList("action"));
        // A fault dispatch closes with its ticket, not here.
        World tw = World.get();
        String t = tw.accepted(tw.hubeiMstp, "MSTP", tw.hubeiDesk, tw.hubeiAcceptor);
        String fault = World.woOf(World.dispatch(t, tw.hubeiAcceptor), tw.wuhan);
        act(fault, "cancel", Map.of("personId", tw.hubeiAcceptor, "note", "x")).statusCode(422)
                .body("code", equalTo("W1"));
        given().get("/api/v1/work-orders/" + fault).then().body("status", equalTo("acknowledged"));
        // Every work order has its history, a fault dispatch too.
        assertEquals(List.of("create"), history(fault).getList("action"));
    }

    private static String total(String query) {
        return given().get("/api/v1/work-orders?" + query).then().statusCode(200).extract().header("X-Total-Count");
    }

    @Test
    void listsFilterByTypeStatusParentCustomerAndUnit() {
        String request = w.request(inDays(3));
        Map<String, Object> marketing = w.body(null);
        marketing.put("type", "MARKETING_SUPPORT");
        String other = create(marketing).statusCode(201).extract().path("id");
        String chengdu = w.dispatch(request, List.of(task(w.chengdu, null))).get(0).get("id").toString();
        given().get("/api/v1/work-orders?customerId=" + w.customer + "&type=INDUSTRY_SERVICE,MARKETING_SUPPORT"
                        + "&limit=500").then().statusCode(200)
                .body("id", hasItem(request)).body("id", hasItem(other)).body("id", hasItem(chengdu));
        given().get("/api/v1/work-orders?customerId=" + w.customer + "&type=MARKETING_SUPPORT&limit=500").then()
                .body("id", hasItem(other)).body("id", not(hasItem(request)));
        given().get("/api/v1/work-orders?parentId=" + request).then().header("X-Total-Count", "1")
                .header("X-Result-Count", "1").body("id", contains(chengdu));
        given().get("/api/v1/work-orders?unitId=" + w.chengdu + "&status=acknowledged&limit=500").then()
                .body("id", hasItem(chengdu));
        given().get("/api/v1/work-orders?unitId=" + w.chengdu + "&status=inProgress,completed&limit=500").then()
                .body("id", not(hasItem(chengdu)));
        given().get("/api/v1/work-orders?customerId=" + w.customer + "&status=inProgress&status=acknowledged"
                + "&type=INDUSTRY_SERVICE&sort=-dueAt&limit=500").then().body("id", hasItem(request));
        given().get("/api/v1/work-orders?subjectId=" + request).then().body("id", contains(chengdu));
        given().get("/api/v1/work-orders?customerId=" + w.customer + "&limit=1").then()
                .header("X-Result-Count", "1");
        given().get("/api/v1/work-orders?parentId=x&customerId=y&unitId=z&type=PLANET&status=done&sort=size").then()
                .statusCode(400).body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("parentId", "customerId", "unitId", "type", "status",
                        "sort"));
    }

    @Test
    void theLocationOfAProgressReportIsTheReportItself() {
        String request = w.request(inDays(3));
        String chengdu = idOf(w.dispatch(request, List.of(task(w.chengdu, null))), w.chengdu);
        act(chengdu, "accept", Map.of("personId", w.chengduHandler)).statusCode(200);
        var filed = act(chengdu, "progress", Map.of("reporterId", w.chengduHandler, "handlerName", "任杰",
                "operation", "已核实成都端接入资源", "interim", true)).statusCode(201).extract();
        String id = filed.path("id");
        String location = filed.header("Location");
        assertTrue(location.endsWith("/api/v1/work-orders/" + chengdu + "/progress/" + id), location);
        given().get(location).then().statusCode(200).body("id", equalTo(id))
                .body("operation", equalTo("已核实成都端接入资源"));
        given().get("/api/v1/work-orders/" + chengdu + "/progress").then().statusCode(200).body("id", contains(id));
        // A report of another work order is not found under this one.
        given().get("/api/v1/work-orders/" + request + "/progress/" + id).then().statusCode(404);
    }
}
