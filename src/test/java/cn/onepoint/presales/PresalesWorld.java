package cn.onepoint.presales;

import cn.onepoint.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A small operator for pre-sales, built once through the API: 湖北 with 武汉 and 宜昌 local networks and a backbone
 * unit, a person of each unit who answers its checks, the O2 roles the rules look for, and a GROUP customer whose
 * chief customer engineer and customer manager the engine tells of a breach.
 */
final class PresalesWorld {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static PresalesWorld instance;

    final String hubei, wuhan, yichang, backbone;
    final String customerManager, chiefCustomerManager, customerEngineer, chiefCustomerEngineer, projectManager;
    final String wuhanChecker, yichangChecker, backboneChecker, handler, wuhanNetworkDevelopment;
    final String customer, otherCustomer;

    static synchronized PresalesWorld get() {
        if (instance == null) {
            instance = new PresalesWorld();
        }
        return instance;
    }

    private PresalesWorld() {
        hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", "武汉", null);
        wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        yichang = Fixtures.unit("LOCAL", "HANDLING", "湖北", "宜昌", hubei);
        backbone = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        customerManager = Fixtures.person(wuhan, "CUSTOMER_MANAGER");
        chiefCustomerManager = Fixtures.person(hubei, "CHIEF_CUSTOMER_MANAGER");
        customerEngineer = Fixtures.person(wuhan, "CUSTOMER_ENGINEER");
        chiefCustomerEngineer = Fixtures.person(hubei, "CHIEF_CUSTOMER_ENGINEER");
        projectManager = Fixtures.person(wuhan, "PROJECT_MANAGER");
        wuhanChecker = Fixtures.person(wuhan, "HANDLER");
        yichangChecker = Fixtures.person(yichang, "HANDLER");
        backboneChecker = Fixtures.person(backbone, "HANDLER");
        handler = Fixtures.person(wuhan, "HANDLER");
        wuhanNetworkDevelopment = Fixtures.person(wuhan, "HANDLER");
        customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "某集团客户",
                "level", "GROUP", "hqProvince", "湖北", "hqCity", "武汉", "cceId", chiefCustomerEngineer,
                "cmId", customerManager));
        otherCustomer = Fixtures.customer("PROVINCIAL", "湖北", "宜昌");
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    static Map<String, Object> end(String address, String city, String unitId) {
        Map<String, Object> m = new HashMap<>();
        m.put("address", address);
        m.put("station", city + "局");
        m.put("city", city);
        m.put("province", "湖北");
        m.put("unitId", unitId);
        return m;
    }

    /** A requirement 武汉–宜昌 over the backbone: three segments to check. */
    Map<String, Object> requirement(String kind, String requiredDate) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", kind);
        b.put("customerId", customer);
        b.put("businessType", "MSTP");
        b.put("bandwidth", "100M");
        b.put("requiredDate", requiredDate);
        b.put("requestedBy", customerManager);
        b.put("description", "总部至宜昌分部专线");
        b.put("aEnd", end("武汉市江汉区建设大道 1 号", "武汉", wuhan));
        b.put("zEnd", end("宜昌市西陵区夷陵大道 2 号", "宜昌", yichang));
        b.put("backboneUnitId", backbone);
        return b;
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/" + path).then();
    }

    static ValidatableResponse patch(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().patch("/api/v1/" + path).then();
    }

    static ValidatableResponse get(String path) {
        return given().when().get("/api/v1/" + path).then();
    }

    /** The check of a segment in a round, from the requirement's view. */
    static String checkOf(String requirementId, String segment, int round) {
        List<Map<String, Object>> checks = get("requirements/" + requirementId + "/resource-checks").statusCode(200)
                .extract().path("$");
        return checks.stream().filter(c -> segment.equals(c.get("segment")) && ((Integer) c.get("round")) == round)
                .map(c -> (String) c.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(segment + " round " + round + " not in " + checks));
    }

    static ValidatableResponse answer(String requirementId, String segment, int round, String personId, String answer) {
        return post("requirements/" + requirementId + "/resource-checks/" + checkOf(requirementId, segment, round)
                + "/answer", Map.of("personId", personId, "answer", answer));
    }

    /** A requirement whose every segment answered AVAILABLE. */
    String answered(Map<String, Object> body) {
        String id = post("requirements", body).statusCode(201).extract().path("id");
        answer(id, "A_ACCESS", 1, wuhanChecker, "AVAILABLE").statusCode(200);
        answer(id, "BACKBONE", 1, backboneChecker, "AVAILABLE").statusCode(200);
        answer(id, "Z_ACCESS", 1, yichangChecker, "AVAILABLE").statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("answered"));
        return id;
    }

    String project() {
        return post("projects", Map.of("name", "全省视频专网", "customerId", customer, "personId", chiefCustomerEngineer,
                "customerManagerId", chiefCustomerManager)).statusCode(201).extract().path("id");
    }

    /** Event types written to the outbox about a subject, oldest first. */
    static List<String> events(Pool pool, String topic, String subjectId) {
        List<String> types = new ArrayList<>();
        for (Row r : pool.preparedQuery("select event_type from event_outbox where subject_id = $1 and topic = $2 "
                + "order by id").execute(Tuple.of(UUID.fromString(subjectId), topic)).await().indefinitely()) {
            types.add(r.getString(0));
        }
        return types;
    }
}
