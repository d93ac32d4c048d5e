package cn.onepoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A POST that creates answers 201 with a Location, and the served OpenAPI document says so. */
@QuarkusTest
class CreatedResponsesTest {

    /** Every POST answering 201 + Location (the resources build it with Response.created). */
    private static final List<String> CREATING = List.of(
            "/api/v1/assurance-periods", "/api/v1/circuits", "/api/v1/customers", "/api/v1/cutovers",
            "/api/v1/orders", "/api/v1/orders/{id}/progress-reports", "/api/v1/orders/{id}/segment-completions",
            "/api/v1/orders/{id}/tests", "/api/v1/orders/{id}/warnings", "/api/v1/people", "/api/v1/projects",
            "/api/v1/projects/{projectId}/issues", "/api/v1/requirements", "/api/v1/resource-nodes",
            "/api/v1/service-records", "/api/v1/tickets", "/api/v1/tickets/{id}/customer-updates",
            "/api/v1/tickets/{id}/difficult-fault/participants", "/api/v1/tickets/{id}/dispatches",
            "/api/v1/tickets/{id}/feedback", "/api/v1/tickets/{id}/information", "/api/v1/tickets/{id}/loop-tests",
            "/api/v1/tickets/{id}/segment-tests", "/api/v1/tickets/{id}/suspensions", "/api/v1/tickets/{id}/wording",
            "/api/v1/units", "/api/v1/work-orders", "/api/v1/work-orders/{id}/dispatches",
            "/api/v1/work-orders/{id}/progress");

    @Test
    void everyCreatingPostIsDocumentedAs201AndNot200() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        for (String path : CREATING) {
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'.post.responses");
            assertEquals(true, responses != null && responses.containsKey("201") && !responses.containsKey("200"),
                    path + " documents " + (responses == null ? null : responses.keySet()));
        }
    }
}
