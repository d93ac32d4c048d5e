package cn.onepoint.common;

import cn.onepoint.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The endpoints Kubernetes and Prometheus use (k8s/deployment.yaml). */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void readinessIsUpWithDatabaseAndMigrations() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "migrations"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.data.pending", equalTo(0))
                .body("checks.find { it.name == 'migrations' }.data.version", matchesPattern("\\d+(\\.\\d+)*"));
        // answered from memory the second time, still the same
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void livenessIsUpAndDoesNotDependOnTheDatabase() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItems("database")));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "migrations"));
    }

    @Test
    void metricsArePrometheusText() {
        String unit = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);
        given().get("/api/v1/units/" + unit).then().statusCode(200);
        given().get("/api/v1/units?limit=1").then().statusCode(200);
        // the Prometheus text format when asked for text/plain, OpenMetrics for */*
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds_count{"))
                // uri is the route template below the REST root (/api/v1), so ids never explode the labels
                .body(containsString("uri=\"/units\""))
                .body(containsString("uri=\"/units/{id}\""))
                .body(not(containsString(unit)));
        given().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text"))
                .body(containsString("# EOF"));
    }
}
