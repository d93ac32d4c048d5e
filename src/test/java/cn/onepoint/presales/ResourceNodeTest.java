package cn.onepoint.presales;

import cn.onepoint.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.onepoint.presales.PresalesWorld.get;
import static cn.onepoint.presales.PresalesWorld.patch;
import static cn.onepoint.presales.PresalesWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * S2: node resource thresholds. Below the threshold the chief customer engineer warns the chief customer manager and a
 * build request goes to the network-development department, once while it is open.
 */
@QuarkusTest
class ResourceNodeTest {

    @Inject
    Pool pool;

    PresalesWorld w;

    @BeforeEach
    void world() {
        w = PresalesWorld.get();
    }

    private Map<String, Object> node(int threshold, int free) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", w.chiefCustomerEngineer);
        b.put("code", Fixtures.uniq("WH-HK-GE"));
        b.put("name", "汉口局 GE 端口");
        b.put("unitId", w.wuhan);
        b.put("station", "武汉汉口局");
        b.put("resourceType", "GE_PORT");
        b.put("threshold", threshold);
        b.put("free", free);
        b.put("cceId", w.chiefCustomerEngineer);
        b.put("chiefCmId", w.chiefCustomerManager);
        return b;
    }

    private static io.restassured.response.ValidatableResponse level(String node, int free) {
        return patch("resource-nodes/" + node, Map.of("personId", PresalesWorld.get().handler, "free", free));
    }

    private static List<Map<String, Object>> requests(String node) {
        return given().queryParam("nodeId", node).get("/api/v1/build-requests").then().statusCode(200)
                .extract().path("$");
    }

    @Test
    void belowTheThresholdTheChiefCustomerManagerIsWarnedAndOneBuildRequestRaised() {
        String n = post("resource-nodes", node(10, 40)).statusCode(201).body("belowThreshold", equalTo(false))
                .extract().path("id");
        level(n, 10).statusCode(200).body("belowThreshold", equalTo(false));
        assertEquals(0, requests(n).size());
        get("resource-nodes/" + n + "/notifications").body("$", empty());

        level(n, 9).statusCode(200).body("free", equalTo(9)).body("belowThreshold", equalTo(true));
        List<Map<String, Object>> raised = requests(n);
        assertEquals(1, raised.size());
        assertEquals("OPEN", raised.get(0).get("status"));
        assertEquals(w.wuhan, raised.get(0).get("unitId"));
        assertEquals(w.chiefCustomerEngineer, raised.get(0).get("raisedBy"));
        assertEquals(9, raised.get(0).get("free"));
        get("resource-nodes/" + n + "/notifications").statusCode(200)
                .body("recipientId", contains(w.chiefCustomerManager)).body("role", contains("CHIEF_CUSTOMER_MANAGER"))
                .body("[0].text", containsString("低于预警门限 10"))
                .body("[0].text", containsString((String) raised.get(0).get("number")));

        // Still below, even lower, threshold raised: nothing again while the request is open.
        level(n, 3).statusCode(200);
        patch("resource-nodes/" + n, Map.of("personId", w.handler, "threshold", 20)).statusCode(200)
                .body("threshold", equalTo(20));
        assertEquals(1, requests(n).size());
        get("resource-nodes/" + n + "/notifications").body("$", hasSize(1));
        assertEquals(List.of("ResourceNodeCreateEvent", "ResourceNodeAttributeValueChangeEvent",
                        "ResourceNodeAttributeValueChangeEvent", "ResourceThresholdWarningEvent",
                        "ResourceNodeAttributeValueChangeEvent", "ResourceNodeAttributeValueChangeEvent"),
                PresalesWorld.events(pool, "presales", n));

        // The network-development department of the node's unit closes it; another unit's person cannot.
        String br = (String) raised.get(0).get("id");
        post("build-requests/" + br + "/close", Map.of("personId", w.yichangChecker, "outcome", "x")).statusCode(403)
                .body("code", equalTo("S2"));
        post("build-requests/" + br + "/close", Map.of("personId", w.wuhanNetworkDevelopment, "outcome", "已扩容 48 口"))
                .statusCode(200).body("status", equalTo("CLOSED")).body("allowedActions", empty());
        post("build-requests/" + br + "/close", Map.of("personId", w.wuhanNetworkDevelopment, "outcome", "again"))
                .statusCode(409).body("state", equalTo("CLOSED"));
        // Closed, and the node still (or again) below: the next update raises a new one.
        level(n, 2).statusCode(200);
        assertEquals(2, requests(n).size());
        given().queryParam("nodeId", n).queryParam("status", "OPEN").get("/api/v1/build-requests").then()
                .header("X-Total-Count", "1").body("[0].id", not(equalTo(br)));
        get("resource-nodes/" + n + "/notifications").body("$", hasSize(2));
        get("resource-nodes/" + n + "/history").statusCode(200).body("action", hasItem("threshold-warning"))
                .body("action", hasItem("build-request-closed"));
        given().queryParam("unitId", w.wuhan).queryParam("belowThreshold", "true").queryParam("limit", 500)
                .get("/api/v1/resource-nodes").then().statusCode(200).body("id", hasItem(n));
    }

    @Test
    void aNodeRecordedBelowItsThresholdWarnsAtOnce() {
        String n = post("resource-nodes", node(5, 1)).statusCode(201).body("belowThreshold", equalTo(true))
                .extract().path("id");
        assertEquals(1, requests(n).size());
        get("build-requests/" + requests(n).get(0).get("id")).statusCode(200).body("number", startsWith("BR"))
                .body("nodeId", equalTo(n));
        get("resource-nodes/" + n + "/notifications").body("recipientId", contains(w.chiefCustomerManager));
    }

    @Test
    void concurrentUpdatesRaiseOneRequest() {
        String n = post("resource-nodes", node(10, 40)).statusCode(201).extract().path("id");
        List<CompletableFuture<Integer>> updates = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> level(n, 5 - i % 3).extract().statusCode())).toList();
        updates.forEach(f -> assertEquals(200, f.join()));
        assertEquals(1, requests(n).size());
        get("resource-nodes/" + n + "/notifications").body("$", hasSize(1));
    }

    @Test
    void theRolesAndFieldsAreChecked() {
        Map<String, Object> notEngineer = node(5, 10);
        notEngineer.put("cceId", w.handler);
        post("resource-nodes", notEngineer).statusCode(422).body("code", equalTo("S2"));
        Map<String, Object> notManager = node(5, 10);
        notManager.put("chiefCmId", w.customerEngineer);
        post("resource-nodes", notManager).statusCode(422).body("code", equalTo("S2"));

        post("resource-nodes", Map.of("personId", w.chiefCustomerEngineer)).statusCode(400)
                .body("errors.field", containsInAnyOrder("code", "name", "unitId", "resourceType", "threshold", "free", "cceId", "chiefCmId"));
        Map<String, Object> bad = node(-1, -2);
        bad.put("unitId", "00000000-0000-0000-0000-000000000000");
        post("resource-nodes", bad).statusCode(400).body("errors.field", containsInAnyOrder("threshold", "free"));
        bad.put("threshold", 1);
        bad.put("free", 2);
        bad.put("cceId", "00000000-0000-0000-0000-000000000000");
        post("resource-nodes", bad).statusCode(400).body("errors.field", containsInAnyOrder("unitId", "cceId"));
        Map<String, Object> taken = node(1, 2);
        post("resource-nodes", taken).statusCode(201);
        post("resource-nodes", taken).statusCode(400).body("errors.field", contains("code"));
        String n = post("resource-nodes", node(1, 2)).statusCode(201).extract().path("id");
        patch("resource-nodes/" + n, Map.of("personId", w.handler)).statusCode(400).body("errors.field", contains("free"));
        patch("resource-nodes/" + n, Map.of("personId", w.handler, "free", -1)).statusCode(400);
        given().queryParam("belowThreshold", "sometimes").get("/api/v1/resource-nodes").then().statusCode(400)
                .body("errors.field", contains("belowThreshold"));
        get("resource-nodes/00000000-0000-0000-0000-000000000000").statusCode(404);
    }
}
