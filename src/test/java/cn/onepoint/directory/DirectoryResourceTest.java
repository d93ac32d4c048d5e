package cn.onepoint.directory;

import cn.onepoint.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DirectoryResourceTest {

    @Test
    void localUnitBelongsToItsProvince() {
        String hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", null, null);
        String wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        given().get("/api/v1/units/" + wuhan).then().statusCode(200)
                .body("tier", equalTo("LOCAL")).body("parentId", equalTo(hubei))
                .body("href", equalTo("/api/v1/units/" + wuhan));
    }

    @Test
    void invalidUnitNamesEveryBadField() {
        given().contentType(ContentType.JSON).body(Map.of("tier", "LOCAL", "kind", "HANDLING"))
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("code", "name"));
        // well-formed, but a local unit with no province, city or parent (O1)
        given().contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.uniq("L"), "name", "x", "tier", "LOCAL", "kind", "HANDLING"))
                .when().post("/api/v1/units")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("province", "city", "parentId"))
                .body("detail", containsString("字段"));
    }

    @Test
    void unknownEnumValueIsNamed() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("code", "X", "name", "x", "tier", "PLANET", "kind", "HANDLING"))
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tier"))
                .body("errors[0].message", containsString("GROUP, PROVINCE, LOCAL"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void unknownIdIs404Problem() {
        given().get("/api/v1/units/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/circuits/not-a-uuid").then().statusCode(404);
    }

    @Test
    void circuitAcrossProvincesIsCrossProvince() {
        String hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", null, null);
        String sichuan = Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", null, null);
        String wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        String chengdu = Fixtures.unit("LOCAL", "HANDLING", "四川", "成都", sichuan);
        String customer = Fixtures.customer("GROUP", "湖北", "武汉");
        String circuit = Fixtures.circuit(customer, "MSTP",
                Fixtures.end("汉口局", "武汉", "湖北", true, wuhan),
                Fixtures.end("成都局", "成都", "四川", true, chengdu), null);
        given().get("/api/v1/circuits/" + circuit).then().statusCode(200)
                .body("crossProvince", equalTo(true)).body("aEnd.unitId", equalTo(wuhan));
        given().queryParam("customerId", customer).get("/api/v1/circuits").then().statusCode(200)
                .header("X-Total-Count", "1").header("X-Result-Count", "1")
                .body("id", hasItem(circuit));
    }

    @Test
    void circuitWithUnknownReferencesNamesThemAll() {
        Map<String, Object> ghostEnd = Fixtures.end("局", "武汉", "湖北", true, "00000000-0000-0000-0000-000000000001");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.uniq("CIR"), "customerId", "00000000-0000-0000-0000-000000000002",
                        "businessType", "MSTP", "aEnd", ghostEnd, "zEnd", ghostEnd))
                .when().post("/api/v1/circuits")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("customerId", "aEnd.unitId", "zEnd.unitId"));
    }

    @Test
    void duplicateCustomerCodeIsRefused() {
        String code = Fixtures.uniq("C");
        Map<String, Object> body = Map.of("code", code, "name", "客户", "level", "LOCAL", "hqProvince", "湖北",
                "hqCity", "武汉");
        Fixtures.post("/api/v1/customers", body);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void listsArePagedWithCountHeaders() {
        String province = Fixtures.uniq("省");
        for (int i = 0; i < 3; i++) {
            Fixtures.unit("PROVINCE", "HANDLING", province, null, null);
        }
        given().queryParam("province", province).queryParam("limit", 2).get("/api/v1/units")
                .then().statusCode(200)
                .header("X-Total-Count", "3").header("X-Result-Count", "2").body("$", hasSize(2));
        given().queryParam("limit", 501).get("/api/v1/units")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/units").then().header("Location", (String) null).statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", Fixtures.uniq("P"), "name", "省", "tier",
                        "PROVINCE", "kind", "HANDLING", "province", "湖南"))
                .when().post("/api/v1/units").then().statusCode(201)
                .header("Location", startsWith("http")).body("id", notNullValue())
                .header("Location", org.hamcrest.Matchers.matchesPattern("http://[^/]+/api/v1/units/[0-9a-f-]{36}"));
    }
}
