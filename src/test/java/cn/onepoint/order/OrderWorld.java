package cn.onepoint.order;

import cn.onepoint.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A small operator for provisioning orders, built once through the API: provinces 湖北, 四川, 江苏, 广东; local
 * networks 武汉, 宜昌, 襄阳, 成都, 苏州, 深圳, 广州; a backbone unit and the 香港 subsidiary; the people an order
 * names; a group control desk (acting for the group NOC); one customer with its customer manager; circuits for the P9 cases.
 */
final class OrderWorld {

    private static OrderWorld instance;

    final String hubei, sichuan, jiangsu, guangdong;
    final String wuhan, yichang, xiangyang, chengdu, suzhou, shenzhen, guangzhou, backbone, hongkong, groupControl;
    final String businessManager, networkOpsManager, customerManager, projectManager, reviewer, otherPerson;
    final String wuhanHandler, yichangHandler, xiangyangHandler, chengduHandler, suzhouHandler, shenzhenHandler,
            guangzhouHandler, backboneHandler;
    final String customer;
    /** MSTP 武汉–成都 with backbone: cross-province (reports weekly), end-to-end test mandatory, lead 武汉. */
    final String mstpWuhanChengdu;
    /** DATA_CIRCUIT 武汉–宜昌: inside 湖北, capital vs non-capital (lead 武汉), seamless test enough. */
    final String dataWuhanYichang;
    /** DATA_CIRCUIT 宜昌–襄阳: two non-capitals of 湖北 (lead: the A end by default). */
    final String dataYichangXiangyang;
    /** DATA_CIRCUIT 苏州–深圳: non-capitals of 江苏 and 广东 (南京 ranks above 广州: lead 苏州). */
    final String dataSuzhouShenzhen;
    /** DATA_CIRCUIT 香港–武汉: overseas subsidiary vs domestic (lead 广州, for 香港). */
    final String dataHongkongWuhan;
    /** IP_VPN 武汉–成都: network-level tests led by the group NOC. */
    final String ipVpnWuhanChengdu;
    final Map<String, String> handlerOf = new HashMap<>();

    static synchronized OrderWorld get() {
        if (instance == null) {
            instance = new OrderWorld();
        }
        return instance;
    }

    private OrderWorld() {
        hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", "武汉", null);
        sichuan = Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", "成都", null);
        jiangsu = Fixtures.unit("PROVINCE", "CONTROL_DESK", "江苏", "南京", null);
        guangdong = Fixtures.unit("PROVINCE", "CONTROL_DESK", "广东", "广州", null);
        wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        yichang = Fixtures.unit("LOCAL", "HANDLING", "湖北", "宜昌", hubei);
        xiangyang = Fixtures.unit("LOCAL", "HANDLING", "湖北", "襄阳", hubei);
        chengdu = Fixtures.unit("LOCAL", "HANDLING", "四川", "成都", sichuan);
        suzhou = Fixtures.unit("LOCAL", "HANDLING", "江苏", "苏州", jiangsu);
        shenzhen = Fixtures.unit("LOCAL", "HANDLING", "广东", "深圳", guangdong);
        guangzhou = Fixtures.unit("LOCAL", "HANDLING", "广东", "广州", guangdong);
        backbone = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        hongkong = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        groupControl = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);

        businessManager = Fixtures.person(hubei, "BUSINESS_MANAGER");
        networkOpsManager = Fixtures.person(hubei, "NETWORK_OPS_SUPPORT_MANAGER");
        customerManager = Fixtures.person(wuhan, "CUSTOMER_MANAGER");
        projectManager = Fixtures.person(wuhan, "PROJECT_MANAGER");
        reviewer = Fixtures.person(wuhan, "CONTROLLER");
        otherPerson = Fixtures.person(wuhan, "HANDLER");
        wuhanHandler = handler(wuhan);
        yichangHandler = handler(yichang);
        xiangyangHandler = handler(xiangyang);
        chengduHandler = handler(chengdu);
        suzhouHandler = handler(suzhou);
        shenzhenHandler = handler(shenzhen);
        guangzhouHandler = handler(guangzhou);
        backboneHandler = handler(backbone);
        handler(hongkong);

        customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "某银行",
                "level", "GROUP", "hqProvince", "湖北", "hqCity", "武汉", "cmId", customerManager));
        Map<String, Object> wh = Fixtures.end("汉口局", "武汉", "湖北", true, wuhan);
        Map<String, Object> yc = Fixtures.end("宜昌局", "宜昌", "湖北", false, yichang);
        Map<String, Object> xy = Fixtures.end("襄阳局", "襄阳", "湖北", false, xiangyang);
        Map<String, Object> cd = Fixtures.end("成都局", "成都", "四川", true, chengdu);
        Map<String, Object> sz = Fixtures.end("苏州局", "苏州", "江苏", false, suzhou);
        Map<String, Object> szn = Fixtures.end("深圳局", "深圳", "广东", false, shenzhen);
        Map<String, Object> hk = Map.of("station", "香港公司", "city", "香港", "province", "香港", "capital", false,
                "overseas", true, "unitId", hongkong);
        mstpWuhanChengdu = Fixtures.circuit(customer, "MSTP", wh, cd, backbone);
        dataWuhanYichang = Fixtures.circuit(customer, "DATA_CIRCUIT", wh, yc, null);
        dataYichangXiangyang = Fixtures.circuit(customer, "DATA_CIRCUIT", yc, xy, null);
        dataSuzhouShenzhen = Fixtures.circuit(customer, "DATA_CIRCUIT", sz, szn, backbone);
        dataHongkongWuhan = Fixtures.circuit(customer, "DATA_CIRCUIT", hk, wh, backbone);
        ipVpnWuhanChengdu = Fixtures.circuit(customer, "IP_VPN", wh, cd, backbone);
    }

    private String handler(String unit) {
        String p = Fixtures.person(unit, "HANDLER");
        handlerOf.put(unit, p);
        return p;
    }

    /** A valid order body for a circuit of the world's customer. */
    Map<String, Object> body(String circuitId, String businessType, String due) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("circuitId", circuitId);
        body.put("businessType", businessType);
        body.put("requestedCompletionDate", due);
        body.put("businessManagerId", businessManager);
        body.put("networkOpsSupportManagerId", networkOpsManager);
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/orders").then();
    }

    String order(String circuitId, String businessType, String due) {
        return create(body(circuitId, businessType, due)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse post(String orderId, String action, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/orders/" + orderId + "/" + action).then();
    }

    static ValidatableResponse get(String orderId) {
        return given().when().get("/api/v1/orders/" + orderId).then().statusCode(200);
    }

    static ValidatableResponse get(String orderId, String sub) {
        return given().when().get("/api/v1/orders/" + orderId + "/" + sub).then().statusCode(200);
    }

    Map<String, Object> approve() {
        return Map.of("personId", reviewer, "decision", "APPROVE");
    }

    /** Created and approved: inProgress, step survey. */
    String approved(Map<String, Object> body) {
        String id = create(body).statusCode(201).extract().path("id");
        post(id, "review", approve()).statusCode(200);
        return id;
    }

    /** Approved, project manager named, survey and plan done (default segments): step construction. */
    String inConstruction(Map<String, Object> body) {
        String id = approved(body);
        post(id, "project-manager", Map.of("personId", reviewer, "projectManagerId", projectManager)).statusCode(200);
        post(id, "survey", Map.of("personId", projectManager, "summary", "资源具备")).statusCode(200);
        post(id, "plan", Map.of("personId", projectManager, "summary", "按段施工")).statusCode(200);
        return id;
    }

    /** Every segment reported complete by its unit with a passed test: step testing. */
    void completeSegments(String orderId) {
        List<Map<String, Object>> segments = get(orderId, "segments").extract().path("$");
        for (Map<String, Object> s : segments) {
            String unit = (String) s.get("unitId");
            post(orderId, "segment-completions", segmentDone(unit, handlerOf.get(unit), (String) s.get("segment")))
                    .statusCode(201);
        }
    }

    static Map<String, Object> segmentDone(String unit, String person, String segment) {
        return Map.of("unitId", unit, "personId", person, "segment", segment, "testResult", "PASSED",
                "testReport", Map.of("reference", "SEG-" + segment, "summary", "本段测试合格"));
    }

    static Map<String, Object> test(String unit, String person, String kind, String result) {
        return Map.of("unitId", unit, "personId", person, "kind", kind, "result", result,
                "report", Map.of("reference", "TR-" + kind, "summary", "误码测试 24 小时无误码"));
    }

    static Map<String, Object> completion(String unit, String person) {
        return Map.of("unitId", unit, "personId", person, "signOff", "SIGNED");
    }

    /** Shanghai local time as an instant: "2026-09-30T10:00" → 02:00Z. */
    static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
