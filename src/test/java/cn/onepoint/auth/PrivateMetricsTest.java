package cn.onepoint.auth;

import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With {@code onepoint.auth.public-metrics=false} the metrics need a token too; health stays public. */
@QuarkusTest
@TestProfile(PrivateMetricsTest.PrivateMetrics.class)
class PrivateMetricsTest {

    public static class PrivateMetrics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onepoint.auth.public-metrics", "false");
        }
    }

    @Test
    void metricsAnswerOnlyWithAValidToken() {
        given().noFilters().get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().noFilters().header("Authorization", Tokens.bearer(Tokens.expired("lina"))).get("/q/metrics")
                .then().statusCode(401);
        given().noFilters().header("Authorization", Tokens.bearerService("automation")).get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().noFilters().get("/q/health/ready").then().statusCode(200);
    }
}
