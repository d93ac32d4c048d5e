package cn.onepoint.auth;

import cn.onepoint.Fixtures;
import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthenticationTest {

    @Test
    void aRequestWithoutTokenIs401ProblemInChineseByDefault() {
        given().noFilters().get("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401))
                .body("detail", containsString("访问令牌"));
    }

    @Test
    void theRefusalSpeaksEnglishOnRequest() {
        given().noFilters().header("Accept-Language", "en").get("/api/v1/tickets")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"))
                .body("title", equalTo("Unauthenticated"))
                .body("detail", containsString("Bearer"));
    }

    @Test
    void expiredWrongIssuerAndBadSignatureAre401() {
        String login = person();
        given().noFilters().header("Authorization", Tokens.bearer(Tokens.expired(login))).get("/api/v1/units")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED")).body("detail", containsString("过期"));
        given().noFilters().header("Authorization", Tokens.bearer(Tokens.wrongIssuer(login))).get("/api/v1/units")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().noFilters().header("Authorization", Tokens.bearer(Tokens.badSignature(login))).get("/api/v1/units")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().noFilters().header("Authorization", Tokens.bearer(Tokens.wrongAudience(login))).get("/api/v1/units")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().noFilters().header("Authorization", "Bearer not-a-jwt").get("/api/v1/units")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().noFilters().header("Authorization", Tokens.bearerFor(login)).get("/api/v1/units")
                .then().statusCode(200);
    }

    @Test
    void aTokenWhoseLoginNamesNobodyIs403() {
        given().noFilters().header("Authorization", Tokens.bearerFor("nobody-" + Fixtures.uniq("x")))
                .get("/api/v1/units")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("AUTH-PERSON"));
    }

    @Test
    void theDevIssuerHandsOutTokensForPeopleAndServiceAccounts() {
        String login = person();
        String token = given().noFilters().queryParam("login", login).get("/auth/dev-token")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(8 * 3600))
                .body("access_token", notNullValue()).extract().path("access_token");
        given().noFilters().header("Authorization", Tokens.bearer(token)).get("/api/v1/units").then().statusCode(200);

        String service = given().noFilters().queryParam("client", "automation").queryParam("lifetime", "PT30S")
                .get("/auth/dev-token").then().statusCode(200).body("expires_in", equalTo(30))
                .extract().path("access_token");
        given().noFilters().header("Authorization", Tokens.bearer(service)).get("/api/v1/units").then().statusCode(200);

        given().noFilters().queryParam("client", "no-such-client").get("/auth/dev-token").then().statusCode(400)
                .body("code", equalTo("DEV_TOKEN"));
        given().noFilters().get("/auth/dev-token").then().statusCode(400);
        given().noFilters().queryParam("login", login).queryParam("lifetime", "P30D").get("/auth/dev-token")
                .then().statusCode(400);
    }

    @Test
    void healthOpenApiSwaggerMetricsAndTheWallboardNeedNoToken() {
        given().noFilters().get("/q/health/ready").then().statusCode(200);
        given().noFilters().get("/q/openapi").then().statusCode(200);
        given().noFilters().get("/q/metrics").then().statusCode(200);
        given().noFilters().get("/q/swagger-ui/").then().statusCode(200);
        given().noFilters().get("/wallboard/").then().statusCode(200);
    }

    @Test
    void aPersonGetsALoginAndIsFoundByIt() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        String login = "t" + Fixtures.uniq("u").substring(2).replace("-", "");
        String id = Fixtures.post("/api/v1/people", Map.of("name", "李四", "unitId", unit, "roles", List.of("HANDLER"),
                "login", login));
        given().get("/api/v1/people/" + id).then().statusCode(200).body("login", equalTo(login));
        given().contentType(ContentType.JSON).body(Map.of("name", "王五", "unitId", unit, "roles", List.of("HANDLER"),
                        "login", login))
                .post("/api/v1/people").then().statusCode(400).body("errors[0].field", equalTo("login"));
        // without a chosen login a person logs in with their id
        String other = Fixtures.person(unit, "HANDLER");
        given().get("/api/v1/people/" + other).then().body("login", equalTo(other));
        given().noFilters().header("Authorization", Tokens.bearerFor(login)).get("/api/v1/units")
                .then().statusCode(200).header("X-Total-Count", notNullValue());
        given().get("/api/v1/units").then().statusCode(200).body("size()", greaterThan(0));
    }

    private static String person() {
        String unit = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);
        return Fixtures.person(unit, "CONTROLLER");
    }
}
