package cn.onepoint.cutover;

import cn.onepoint.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Units and people built once through the API: 武汉 does the work (its supervisor and a handler who plans), 宜昌 is
 * another unit, and a customer support centre holds the customers' managers and engineers. Each test makes its own
 * customers and circuits ({@link #scene}), so lists and feeds filter on ids no other test uses.
 */
final class CutoverWorld {

    private static CutoverWorld instance;

    final String hubei, wuhan, yichang, csc;
    final String wuhanSupervisor, planner, wuhanHandler, yichangHandler, cm, cce, ce;

    static synchronized CutoverWorld get() {
        if (instance == null) {
            instance = new CutoverWorld();
        }
        return instance;
    }

    private CutoverWorld() {
        hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", null, null);
        wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        yichang = Fixtures.unit("LOCAL", "HANDLING", "湖北", "宜昌", hubei);
        csc = Fixtures.unit("PROVINCE", "CUSTOMER_SUPPORT", "湖北", null, null);
        wuhanSupervisor = Fixtures.person(wuhan, "SUPERVISOR");
        planner = Fixtures.person(wuhan, "HANDLER");
        wuhanHandler = Fixtures.person(wuhan, "HANDLER");
        yichangHandler = Fixtures.person(yichang, "HANDLER");
        cm = Fixtures.person(csc, "CUSTOMER_MANAGER");
        cce = Fixtures.person(csc, "CHIEF_CUSTOMER_ENGINEER");
        ce = Fixtures.person(csc, "CUSTOMER_ENGINEER");
    }

    /** Customer A (CM and CCE) with two circuits, B (only a CCE) with one, C (neither) with one. */
    record Scene(String a, String b, String c, String a1, String a2, String b1, String c1) {
    }

    Scene scene() {
        String a = customer(cm, cce);
        String b = customer(null, cce);
        String c = customer(null, null);
        return new Scene(a, b, c, circuit(a), circuit(a), circuit(b), circuit(c));
    }

    private static String customer(String cmId, String cceId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", Fixtures.uniq("C"), "name", "某客户",
                "level", "PROVINCIAL", "hqProvince", "湖北", "hqCity", "武汉"));
        body.put("cmId", cmId);
        body.put("cceId", cceId);
        return Fixtures.post("/api/v1/customers", body);
    }

    private String circuit(String customer) {
        return Fixtures.circuit(customer, "MSTP", Fixtures.end("武汉汉口局", "武汉", "湖北", true, wuhan),
                Fixtures.end("宜昌西陵局", "宜昌", "湖北", false, yichang), null);
    }

    Map<String, Object> body(Instant start, Instant end, List<String> circuits) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "武汉—宜昌光缆迁改");
        body.put("description", "配合市政道路施工迁改光缆");
        body.put("impact", "业务中断约 30 分钟");
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", end.toString());
        body.put("circuitIds", circuits);
        body.put("executingUnitId", wuhan);
        body.put("plannerId", planner);
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cutovers").then();
    }

    static ValidatableResponse post(String id, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cutovers/" + id + "/" + action)
                .then();
    }

    static ValidatableResponse get(String id, String sub) {
        return given().get("/api/v1/cutovers/" + id + (sub == null ? "" : "/" + sub)).then().statusCode(200);
    }
}
