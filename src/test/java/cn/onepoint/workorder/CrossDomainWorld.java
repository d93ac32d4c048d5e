package cn.onepoint.workorder;

import cn.onepoint.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The people of a cross-domain work order, built once through the API: 湖北's customer support centre with its
 * customer engineer, chief customer engineer, customer manager and supervisor; the teams of other domains
 * (成都 local network, the backbone) with their handlers and supervisors; one customer with its CCE and CM.
 */
final class CrossDomainWorld {

    private static CrossDomainWorld instance;

    final String sichuan, hubeiCsc, chengdu, backbone;
    final String engineer, chiefEngineer, manager, chiefManager, cscHandler, cscSupervisor;
    final String chengduHandler, chengduSupervisor, backboneHandler;
    final String customer;

    static synchronized CrossDomainWorld get() {
        if (instance == null) {
            instance = new CrossDomainWorld();
        }
        return instance;
    }

    private CrossDomainWorld() {
        String hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", "武汉", null);
        sichuan = Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", "成都", null);
        hubeiCsc = Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "湖北", "武汉", null);
        chengdu = Fixtures.unit("LOCAL", "HANDLING", "四川", "成都", sichuan);
        backbone = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        engineer = Fixtures.person(hubeiCsc, "CUSTOMER_ENGINEER");
        chiefEngineer = Fixtures.person(hubeiCsc, "CHIEF_CUSTOMER_ENGINEER");
        manager = Fixtures.person(hubeiCsc, "CUSTOMER_MANAGER");
        chiefManager = Fixtures.person(hubeiCsc, "CHIEF_CUSTOMER_MANAGER");
        cscHandler = Fixtures.person(hubeiCsc, "HANDLER");
        cscSupervisor = Fixtures.person(hubeiCsc, "SUPERVISOR");
        chengduHandler = Fixtures.person(chengdu, "HANDLER");
        chengduSupervisor = Fixtures.person(chengdu, "SUPERVISOR");
        backboneHandler = Fixtures.person(backbone, "HANDLER");
        Fixtures.person(hubei, "SUPERVISOR");
        customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "湖北示例电力公司",
                "level", "PROVINCIAL", "hqProvince", "湖北", "hqCity", "武汉", "cceId", chiefEngineer,
                "cmId", manager));
    }

    /** A valid request body: the engineer takes an INDUSTRY_SERVICE request of the manager. */
    Map<String, Object> body(Instant dueAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDUSTRY_SERVICE");
        body.put("customerId", customer);
        body.put("customerManagerId", manager);
        body.put("customerEngineerId", engineer);
        body.put("title", "成都分支机构专线组网支撑");
        body.put("description", "客户在成都新设分支，需核实成都端资源并给出组网方案");
        if (dueAt != null) {
            body.put("dueAt", dueAt.toString());
        }
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/work-orders").then();
    }

    /** Takes a request due at {@code dueAt}; returns its id. */
    String request(Instant dueAt) {
        return create(body(dueAt)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(String workOrderId, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/work-orders/" + workOrderId + "/" + action).then();
    }

    static Map<String, Object> task(String unitId, Instant dueAt) {
        Map<String, Object> t = new HashMap<>();
        t.put("unitId", unitId);
        t.put("instructions", "核实本域资源并反馈方案");
        if (dueAt != null) {
            t.put("dueAt", dueAt.toString());
        }
        return t;
    }

    /** The engineer dispatches the tasks; returns them. */
    List<Map<String, Object>> dispatch(String request, List<Map<String, Object>> tasks) {
        return act(request, "dispatches", Map.of("personId", engineer, "tasks", tasks)).statusCode(201)
                .extract().path("$");
    }

    static String idOf(List<Map<String, Object>> tasks, String unitId) {
        return tasks.stream().filter(t -> unitId.equals(t.get("unitId"))).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no task for " + unitId + " in " + tasks));
    }

    /** Accepts and completes a task as its team. */
    static void done(String task, String handler) {
        act(task, "accept", Map.of("personId", handler)).statusCode(200);
        act(task, "complete", Map.of("personId", handler, "result", "已核实，资源具备")).statusCode(200);
    }
}
