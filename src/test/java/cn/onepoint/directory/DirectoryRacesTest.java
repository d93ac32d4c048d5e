package cn.onepoint.directory;

import cn.onepoint.Fixtures;
import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sixteen creates of one code at once: one is created, every other is the 400 naming {@code code} that a create
 * after it gets, whether it lost at the check or at the unique constraint.
 */
@QuarkusTest
class DirectoryRacesTest {

    private static final int N = 16;

    @Inject
    Pool pool;

    @Test
    void sixteenUnitsOfOneCodeAtOnceMakeOneUnit() throws Exception {
        String code = Fixtures.uniq("RACE-U");
        Map<String, Object> body = Map.of("code", code, "name", "竞争测试单位", "tier", "GROUP", "kind", "HANDLING");
        var answers = oneMade("/api/v1/units", body, "unit", code);
        // The loser's answer is the sequential duplicate's, in its text too.
        given().contentType("application/json").body(body).post("/api/v1/units").then().statusCode(400)
                .body("errors.field", contains("code")).body("errors[0].message", equalTo("已被占用：" + code));
        for (var a : answers) {
            if (a.statusCode() == 400) {
                assertEquals("已被占用：" + code, a.path("errors[0].message"));
            }
        }
    }

    @Test
    void sixteenCustomersOfOneCodeAtOnceMakeOneCustomer() throws Exception {
        String code = Fixtures.uniq("RACE-C");
        oneMade("/api/v1/customers", Map.of("code", code, "name", "某客户", "level", "LOCAL",
                "hqProvince", "湖北", "hqCity", "武汉"), "customer", code);
    }

    @Test
    void sixteenCircuitsOfOneCodeAtOnceMakeOneCircuit() throws Exception {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        String customer = Fixtures.customer("LOCAL", "湖北", "武汉");
        String code = Fixtures.uniq("RACE-CIR");
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("customerId", customer);
        body.put("businessType", "MSTP");
        body.put("aEnd", Fixtures.end("汉口局", "武汉", "湖北", true, unit));
        body.put("zEnd", Fixtures.end("宜昌局", "宜昌", "湖北", false, unit));
        oneMade("/api/v1/circuits", body, "circuit", code);
    }

    @Test
    void peopleHaveNoCodeSoSixteenAtOnceAreSixteenPeople() throws Exception {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        var answers = Races.post(N, "/api/v1/people", Map.of("name", "并发测试", "unitId", unit,
                "roles", List.of("HANDLER")));
        for (var a : answers) {
            assertEquals(201, a.statusCode(), a.asString());
        }
        assertEquals(N, Races.count(pool, "select count(*) from person where unit_id = $1", java.util.UUID.fromString(unit)));
    }

    /** N creates at once: one 201, every other the 400 naming {@code code}; one row of {@code table} holds it. */
    private List<ExtractableResponse<Response>> oneMade(String path, Object body, String table, String code)
            throws Exception {
        var answers = Races.post(N, path, body);
        Races.oneWins(answers, 400, "VALIDATION");
        Races.losersName(answers, "code");
        assertEquals(1, Races.count(pool, "select count(*) from " + table + " where code = $1", code));
        return answers;
    }
}
