package cn.onepoint.ticket;

import cn.onepoint.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A small operator built once through the API: two provinces (湖北, 四川), local networks (武汉, 宜昌, 成都),
 * a backbone unit, acceptance and control desks, people, customers and circuits.
 */
public final class World {

    private static World instance;

    public final String hubei, sichuan, wuhan, yichang, chengdu, backbone, groupDesk, groupControl, hubeiDesk;
    public final String groupAcceptor, hubeiAcceptor, wuhanAcceptor, wuhanHandler, yichangHandler, chengduHandler,
            backboneHandler, hubeiReviewer, sichuanReviewer, controller, sichuanHandler,
            yichangSupervisor;
    public final String groupCustomer, provincialCustomer;
    /** MSTP 武汉–成都 with backbone: cross-province, group customer. */
    public final String crossMstp;
    /** MSTP 武汉–宜昌: inside 湖北, provincial customer. */
    public final String hubeiMstp;
    /** MSTP 武汉–成都 for a provincial customer (cross-province still means GROUP scope). */
    public final String crossMstpProvincial;
    /** MOBILE 武汉–宜昌 (T3: raises a network-assurance ticket too). */
    public final String hubeiMobile;
    /** SWITCHING 武汉–宜昌: not a BANDWIDTH type. */
    public final String hubeiSwitching;

    public static synchronized World get() {
        if (instance == null) {
            instance = new World();
        }
        return instance;
    }

    /** A world of its own on the server RestAssured points at now: integration tests, one per database. */
    public static World build() {
        return new World();
    }

    private World() {
        hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", "武汉", null);
        sichuan = Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", "成都", null);
        wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        yichang = Fixtures.unit("LOCAL", "HANDLING", "湖北", "宜昌", hubei);
        chengdu = Fixtures.unit("LOCAL", "HANDLING", "四川", "成都", sichuan);
        backbone = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        groupDesk = Fixtures.unit("GROUP", "ACCEPTANCE_DESK", null, null, null);
        groupControl = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);
        hubeiDesk = Fixtures.unit("PROVINCE", "ACCEPTANCE_DESK", "湖北", "武汉", null);

        groupAcceptor = Fixtures.person(groupDesk, "ACCEPTOR");
        hubeiAcceptor = Fixtures.person(hubeiDesk, "ACCEPTOR");
        wuhanAcceptor = Fixtures.person(wuhan, "ACCEPTOR", "HANDLER");
        wuhanHandler = Fixtures.person(wuhan, "HANDLER");
        yichangHandler = Fixtures.person(yichang, "HANDLER");
        chengduHandler = Fixtures.person(chengdu, "HANDLER");
        backboneHandler = Fixtures.person(backbone, "HANDLER");
        hubeiReviewer = Fixtures.person(hubei, "CONTROLLER");
        sichuanReviewer = Fixtures.person(sichuan, "CONTROLLER");
        sichuanHandler = sichuanReviewer;
        controller = Fixtures.person(groupControl, "CONTROLLER");
        yichangSupervisor = Fixtures.person(yichang, "SUPERVISOR");

        groupCustomer = Fixtures.customer("GROUP", "湖北", "武汉");
        provincialCustomer = Fixtures.customer("PROVINCIAL", "湖北", "武汉");
        Map<String, Object> whEnd = Fixtures.end("汉口局", "武汉", "湖北", true, wuhan);
        Map<String, Object> ycEnd = Fixtures.end("宜昌局", "宜昌", "湖北", false, yichang);
        Map<String, Object> cdEnd = Fixtures.end("成都局", "成都", "四川", true, chengdu);
        crossMstp = code(Fixtures.circuit(groupCustomer, "MSTP", whEnd, cdEnd, backbone));
        hubeiMstp = code(Fixtures.circuit(provincialCustomer, "MSTP", whEnd, ycEnd, null));
        crossMstpProvincial = code(Fixtures.circuit(provincialCustomer, "MSTP", whEnd, cdEnd, backbone));
        hubeiSwitching = code(Fixtures.circuit(provincialCustomer, "SWITCHING", whEnd, ycEnd, null));
        hubeiMobile = code(Fixtures.circuit(provincialCustomer, "MOBILE", whEnd, ycEnd, null));
    }

    private static String code(String circuitId) {
        return given().get("/api/v1/circuits/" + circuitId).then().extract().path("code");
    }

    public String customerCodeOf(String circuitCode) {
        String customerId = given().queryParam("code", circuitCode).get("/api/v1/circuits")
                .then().extract().path("[0].customerId");
        return given().get("/api/v1/customers/" + customerId).then().extract().path("code");
    }

    public Map<String, Object> intake(String circuitCode, String businessType, String acceptanceUnit) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerCode", customerCodeOf(circuitCode));
        body.put("businessType", businessType);
        body.put("circuitCode", circuitCode);
        body.put("customerName", "某客户");
        body.put("direction", "武汉—对端");
        body.put("occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        body.put("symptom", "电路中断");
        body.put("reporter", Map.of("name", "王经理", "contact", "13800000000"));
        body.put("channel", "HOTLINE");
        body.put("acceptanceUnitId", acceptanceUnit);
        return body;
    }

    /** Takes a fault and returns its id. */
    public String ticket(String circuitCode, String businessType, String acceptanceUnit) {
        return given().contentType(ContentType.JSON).body(intake(circuitCode, businessType, acceptanceUnit))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }

    /** Takes and accepts a fault; returns its id. */
    public String accepted(String circuitCode, String businessType, String acceptanceUnit, String acceptor) {
        String id = ticket(circuitCode, businessType, acceptanceUnit);
        post(id, "accept", Map.of("personId", acceptor)).statusCode(200);
        return id;
    }

    public static ValidatableResponse post(String ticketId, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets/" + ticketId + "/" + action).then();
    }

    public static ValidatableResponse wo(String workOrderId, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/work-orders/" + workOrderId + "/" + action).then();
    }

    /** Dispatches and returns the created work orders as maps. */
    public static List<Map<String, Object>> dispatch(String ticketId, String personId) {
        return post(ticketId, "dispatches", Map.of("personId", personId)).statusCode(201).extract().path("$");
    }

    public static String woOf(List<Map<String, Object>> wos, String unitId) {
        return wos.stream().filter(w -> unitId.equals(w.get("unitId"))).map(w -> (String) w.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no work order for unit " + unitId + " in " + wos));
    }

    public static Map<String, Object> cleanTest(String unitId, String personId, String segment) {
        return Map.of("unitId", unitId, "personId", personId, "segment", segment, "result", "FAULT_FREE",
                "report", Map.of("reference", "TR-" + segment, "summary", "误码仪测试无误码"));
    }
}
