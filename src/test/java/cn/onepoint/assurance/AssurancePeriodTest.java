package cn.onepoint.assurance;

import cn.onepoint.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AssurancePeriodTest {

    @Test
    void periodsAreDeclaredListedByInstantAndCancelled() {
        String customer = Fixtures.customer("GROUP", "湖北", "武汉");
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "2027 年春节保障",
                        "startsAt", "2027-02-01T16:00:00Z", "endsAt", "2027-02-08T16:00:00Z",
                        "customerIds", List.of(customer), "reason", "春节"))
                .when().post("/api/v1/assurance-periods")
                .then().statusCode(201).body("customerIds", equalTo(List.of(customer)))
                .extract().path("id");
        given().queryParam("at", "2027-02-03T00:00:00Z").get("/api/v1/assurance-periods")
                .then().statusCode(200).body("id", hasItem(id));
        given().queryParam("at", "2027-03-03T00:00:00Z").get("/api/v1/assurance-periods")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().post("/api/v1/assurance-periods/" + id + "/cancel").then().statusCode(200)
                .body("cancelledAt", notNullValue());
        given().post("/api/v1/assurance-periods/" + id + "/cancel").then().statusCode(409);
        given().get("/api/v1/assurance-periods").then().body("id", not(hasItem(id)));
    }

    @Test
    void badPeriodsNameEveryBadField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "startsAt", "2027-02-08T16:00:00Z",
                        "endsAt", "2027-02-01T16:00:00Z", "customerIds", List.of("nope")))
                .when().post("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("endsAt", "customerIds[0]"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("name", "startsAt", "endsAt"));
    }
}
