package cn.onepoint.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The texts of problem details a newcomer meets first: unknown paths, HTTP-level refusals, standard Bean Validation
 * constraints and unknown ids, in Chinese by default and in English on request, with the path as it was called.
 */
@QuarkusTest
class ProblemTextsTest {

    @Test
    void aPathOutsideTheApiIsAProblemNotARouteListing() {
        for (String path : new String[] {"/", "/nothing/here", "/wallboard/missing.js", "/q/nothing"}) {
            given().get(path).then().statusCode(404)
                    .contentType(equalToIgnoringCase(Problem.MEDIA_TYPE))
                    .body("type", equalTo("https://onepoint.cn/problems/http-404"))
                    .body("title", equalTo("未找到"))
                    .body("code", equalTo("NOT_FOUND"))
                    .body("detail", equalTo("没有这个地址：" + path));
        }
        given().header("Accept-Language", "en-GB,en;q=0.8").get("/nothing/here").then().statusCode(404)
                .body("title", equalTo("Not found")).body("detail", equalTo("No such path: /nothing/here"));
        // what is served still is
        given().get("/wallboard/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anUnknownApiPathIsNamedWithItsPrefix() {
        given().get("/api/v1/unitsx").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("detail", equalTo("没有这个地址：/api/v1/unitsx"));
    }

    @Test
    void httpRefusalsAreExplainedInTheCallersLanguage() {
        given().contentType(ContentType.TEXT).body("x").post("/api/v1/units").then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", startsWith("不支持请求体的内容类型（text/plain"))
                .body("detail", endsWith("）；请以 application/json 提交"));
        given().header("Accept-Language", "en").contentType("text/csv").body("x").post("/api/v1/units").then()
                .statusCode(415).body("detail", startsWith("Content type text/csv"))
                .body("detail", endsWith(" is not supported; send application/json"));
        given().delete("/api/v1/units").then().statusCode(405)
                .body("code", equalTo("METHOD_NOT_ALLOWED"))
                .body("detail", equalTo("地址 /api/v1/units 不支持 DELETE 方法"));
        given().accept("application/xml").get("/api/v1/units").then().statusCode(406)
                .body("code", equalTo("NOT_ACCEPTABLE"))
                .body("detail", equalTo("无法按 Accept 要求的格式（application/xml）应答；本接口以 application/json 应答"));
    }

    @Test
    void standardConstraintsReadNaturallyInChinese() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/units").then().statusCode(400)
                .body("errors.find { it.field == 'kind' }.message", equalTo("不能为空"))
                .body("errors.find { it.field == 'tier' }.message", equalTo("不能为空"))
                .body("errors.message", not(org.hamcrest.Matchers.hasItem(containsString("null"))));
        given().get("/api/v1/units?limit=501").then().statusCode(400)
                .body("errors[0].message", equalTo("不能大于 500"));
        given().contentType(ContentType.JSON).body(Map.of("code", "x".repeat(70), "name", "n", "tier", "GROUP",
                        "kind", "CONTROL_DESK")).post("/api/v1/units").then().statusCode(400)
                .body("errors.find { it.field == 'code' }.message", equalTo("长度须在 0 到 64 个字符之间"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/units").then().statusCode(400)
                .body("errors.find { it.field == 'kind' }.message", equalTo("must not be null"));
        given().header("Accept-Language", "en").get("/api/v1/units?limit=501").then().statusCode(400)
                .body("errors[0].message", equalTo("must be less than or equal to 500"));
    }

    @Test
    void unknownIdsNameTheResourceInTheCallersLanguage() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/units/" + id).then().statusCode(404).body("detail", equalTo("单位不存在：" + id));
        given().get("/api/v1/work-orders/" + id).then().statusCode(404).body("detail", equalTo("工单不存在：" + id));
        given().header("Accept-Language", "en").get("/api/v1/units/" + id).then().statusCode(404)
                .body("detail", equalTo("unit not found: " + id));
    }
}
