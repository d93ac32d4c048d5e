package cn.onepoint;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds directory data through the public API, with unique codes so tests never collide. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String uniq(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201).extract().path("id");
    }

    public static String unit(String tier, String kind, String province, String city, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", uniq(tier));
        body.put("name", (city != null ? city : province != null ? province : "集团") + kind);
        body.put("tier", tier);
        body.put("kind", kind);
        body.put("province", province);
        body.put("city", city);
        body.put("parentId", parentId);
        body.put("backbone", "GROUP".equals(tier) && "HANDLING".equals(kind));
        return post("/api/v1/units", body);
    }

    public static String person(String unitId, String... roles) {
        return post("/api/v1/people", Map.of("name", "张" + uniq("p").substring(2, 6), "unitId", unitId,
                "roles", List.of(roles)));
    }

    public static String customer(String level, String province, String city) {
        return post("/api/v1/customers", Map.of("code", uniq("C"), "name", "某客户", "level", level,
                "hqProvince", province, "hqCity", city));
    }

    public static Map<String, Object> end(String station, String city, String province, boolean capital,
                                          String unitId) {
        return Map.of("station", station, "city", city, "province", province, "capital", capital,
                "overseas", false, "unitId", unitId);
    }

    public static String circuit(String customerId, String businessType, Map<String, Object> a,
                                 Map<String, Object> z, String backboneUnitId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", uniq("CIR"));
        body.put("customerId", customerId);
        body.put("businessType", businessType);
        body.put("aEnd", a);
        body.put("zEnd", z);
        body.put("backboneUnitId", backboneUnitId);
        return post("/api/v1/circuits", body);
    }
}
