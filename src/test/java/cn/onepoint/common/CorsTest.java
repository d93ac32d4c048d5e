package cn.onepoint.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

/**
 * A browser front end on another origin may call the API when its origin is listed in
 * {@code quarkus.http.cors.origins} (the test profile lists https://noc.example.cn and any local port, as dev mode
 * does); any other origin is refused.
 */
@QuarkusTest
class CorsTest {

    private static final String LISTED = "https://noc.example.cn";
    private static final String LOCAL_DEV = "http://localhost:5173";
    private static final String OTHER = "https://elsewhere.example.com";

    @Test
    void preflightFromAListedOriginAllowsTheMethodAndHeaders() {
        for (String origin : new String[] {LISTED, LOCAL_DEV}) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,idempotency-key,if-match")
                    .when().options("/api/v1/units")
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Allow-Methods", containsString("POST"))
                    .header("Access-Control-Allow-Headers", containsString("idempotency-key"))
                    .header("Access-Control-Max-Age", equalTo("3600"));
        }
    }

    @Test
    void actualRequestsFromAListedOriginCarryTheCorsHeaders() {
        given().header("Origin", LISTED).when().get("/api/v1/units?limit=1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(LISTED))
                // a front end reads the paging counts and the version of what it edits
                .header("Access-Control-Expose-Headers", containsString("X-Total-Count"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        // a refusal still reaches the page as problem+json it can read
        given().header("Origin", LISTED).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/units")
                .then().statusCode(400)
                .header("Access-Control-Allow-Origin", equalTo(LISTED))
                .contentType(equalToIgnoringCase(Problem.MEDIA_TYPE));
    }

    @Test
    void anOriginNotListedIsRefused() {
        given().header("Origin", OTHER)
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/units")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER).when().get("/api/v1/units?limit=1")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void requestsWithoutOriginAreUntouched() {
        // curl, services, the same-origin wallboard's GETs
        given().when().get("/api/v1/units?limit=1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
