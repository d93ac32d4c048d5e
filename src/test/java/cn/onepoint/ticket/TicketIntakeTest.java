package cn.onepoint.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TicketIntakeTest {

    World w;
    @Inject
    Pool pool;

    @BeforeEach
    void world() {
        w = World.get();
    }

    @Test
    void intakeNamesEveryMissingMandatoryField() {
        // T1: every missing field named in one problem, not only the first.
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("customerCode", "businessType", "circuitCode",
                        "customerName", "direction", "occurredAt", "symptom", "reporter", "channel",
                        "acceptanceUnitId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("reporter", Map.of("name", " "), "customerCode", "x"))
                .when().post("/api/v1/tickets")
                .then().statusCode(400)
                .body("errors.field", hasItems("reporter.name", "reporter.contact"))
                .body("errors.field", not(hasItem("customerCode")));
    }

    @Test
    void validationMessagesAreChineseUnlessEnglishIsAsked() {
        given().contentType(ContentType.JSON).body(Map.of("customerCode", " "))
                .when().post("/api/v1/tickets")
                .then().statusCode(400)
                .body("title", equalTo("请求有误"))
                .body("errors.find { it.field == 'customerCode' }.message", equalTo("不能为空"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9").body(Map.of("customerCode", " "))
                .when().post("/api/v1/tickets")
                .then().statusCode(400)
                .body("title", equalTo("Bad request"))
                .body("errors.find { it.field == 'customerCode' }.message", equalTo("must not be blank"));
    }

    @Test
    void intakeTakesAFaultWithAHumanNumber() {
        given().contentType(ContentType.JSON).body(w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk))
                .when().post("/api/v1/tickets")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tickets/"))
                .header("ETag", equalTo("\"0\""))
                .body("number", matchesPattern("FT\\d{12}"))
                .body("status", equalTo("acknowledged"))
                .body("phase", equalTo("intake"))
                .body("scope", equalTo("PROVINCE"))
                .body("allowedActions", containsInAnyOrder("accept", "reject", "cancel", "escalations", "flags"));
    }

    @Test
    void scopeIsGroupForGroupCustomersAndCrossProvinceCircuits() {
        // T3
        String groupCustomer = w.ticket(w.crossMstp, "MSTP", w.groupDesk);
        given().get("/api/v1/tickets/" + groupCustomer).then().body("scope", equalTo("GROUP"));
        String crossProvince = w.ticket(w.crossMstpProvincial, "MSTP", w.groupDesk);
        given().get("/api/v1/tickets/" + crossProvince).then().body("scope", equalTo("GROUP"));
        String inProvince = w.ticket(w.hubeiSwitching, "SWITCHING", w.hubeiDesk);
        given().get("/api/v1/tickets/" + inProvince).then().body("scope", equalTo("PROVINCE"));
    }

    @Test
    void aMobileFaultAlsoRaisesANetworkAssuranceTicket() {
        // T3: in the intake's transaction, as an event on the feed for the network side's connector.
        String mobile = w.ticket(w.hubeiMobile, "MOBILE", w.hubeiDesk);
        given().get("/api/v1/tickets/" + mobile).then().body("networkAssurance", equalTo(true));
        String mstp = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        given().get("/api/v1/tickets/" + mstp).then().body("networkAssurance", equalTo(false));
        assertEquals(List.of("TroubleTicketCreateEvent", "NetworkAssuranceTicketRequestEvent"), eventTypes(mobile));
        assertEquals(List.of("TroubleTicketCreateEvent"), eventTypes(mstp));
    }

    private List<String> eventTypes(String ticketId) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("select event_type from event_outbox where subject_id = $1 order by id")
                .execute(Tuple.of(UUID.fromString(ticketId))).await().atMost(Duration.ofSeconds(10))
                .forEach(r -> types.add(r.getString(0)));
        return types;
    }

    @Test
    void machineRoomIntakeRecordsTheFirstAskUnit() {
        // T2: 首问负责制
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("channel", "MACHINE_ROOM");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("firstAskUnitId"));
        body.put("firstAskUnitId", w.yichang);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(201).body("firstAskUnitId", equalTo(w.yichang)).body("channel", equalTo("MACHINE_ROOM"));
    }

    @Test
    void unknownAndMismatchedReferencesAreNamed() {
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", "00000000-0000-0000-0000-000000000009");
        body.put("customerCode", "NO-SUCH-CUSTOMER");
        body.put("businessType", "IP_VPN");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("customerCode", "businessType", "acceptanceUnitId"));
    }

    @Test
    void wrongTypesAndUnknownEnumsAreProblems() {
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("channel", "PIGEON");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", containsString("HOTLINE"));
        body.put("channel", "HOTLINE");
        body.put("occurredAt", "yesterday");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void listsFilterAndPage() {
        String a = w.ticket(w.hubeiSwitching, "SWITCHING", w.hubeiDesk);
        String b = w.ticket(w.hubeiSwitching, "SWITCHING", w.hubeiDesk);
        String circuitId = given().queryParam("code", w.hubeiSwitching).get("/api/v1/circuits")
                .then().extract().path("[0].id");
        given().queryParam("circuitId", circuitId).queryParam("status", "acknowledged").queryParam("limit", 1)
                .queryParam("sort", "-createdAt")
                .get("/api/v1/tickets").then().statusCode(200)
                .header("X-Result-Count", "1")
                .header("X-Total-Count", matchesPattern("[2-9]|\\d\\d+"))
                .body("[0].circuitCode", equalTo(w.hubeiSwitching));
        given().queryParam("status", "inProgress,closed").queryParam("circuitId", circuitId)
                .get("/api/v1/tickets").then().statusCode(200).body("id", everyItem(not(oneOf(a, b))));
        given().queryParam("status", "open").queryParam("createdFrom", "nope").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("status", "createdFrom"));
        given().queryParam("unitId", w.hubeiDesk).queryParam("limit", 500).get("/api/v1/tickets")
                .then().statusCode(200).body("id", hasItems(a, b));
    }

    @Test
    void listsFilterByScopeAndCustomer() {
        String group = w.ticket(w.crossMstp, "MSTP", w.groupDesk);                      // GROUP, group customer
        String crossProvince = w.ticket(w.crossMstpProvincial, "MSTP", w.groupDesk);  // GROUP, provincial customer
        String province = w.ticket(w.hubeiSwitching, "SWITCHING", w.hubeiDesk);       // PROVINCE, provincial
        String groupCustomerId = given().get("/api/v1/tickets/" + group).then().extract().path("customerId");
        String provincialCustomerId = given().get("/api/v1/tickets/" + province).then().extract().path("customerId");

        given().queryParam("scope", "GROUP").queryParam("limit", 500).get("/api/v1/tickets").then().statusCode(200)
                .body("id", hasItems(group, crossProvince)).body("id", everyItem(not(oneOf(province))))
                .body("scope", everyItem(equalTo("GROUP")));
        given().queryParam("scope", "PROVINCE").queryParam("limit", 500).get("/api/v1/tickets").then()
                .body("id", hasItems(province)).body("id", everyItem(not(oneOf(group, crossProvince))));
        given().queryParam("scope", "GROUP,PROVINCE").queryParam("limit", 500).get("/api/v1/tickets").then()
                .body("id", hasItems(group, crossProvince, province));
        given().queryParam("customerId", groupCustomerId).queryParam("limit", 500).get("/api/v1/tickets").then()
                .body("id", hasItems(group)).body("id", everyItem(not(oneOf(crossProvince, province))))
                .body("customerId", everyItem(equalTo(groupCustomerId)));
        given().queryParam("customerId", provincialCustomerId).queryParam("scope", "GROUP").queryParam("limit", 500)
                .get("/api/v1/tickets").then()
                .body("id", hasItems(crossProvince)).body("id", everyItem(not(oneOf(group, province))));
        given().queryParam("scope", "GALAXY").queryParam("customerId", "nope").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("scope", "customerId"));
    }

    @Test
    void unknownTicketIs404() {
        given().get("/api/v1/tickets/7a8d2f9e-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("detail", endsWith("7a8d2f9e-0000-0000-0000-000000000000"));
        given().header("Accept-Language", "en").get("/api/v1/tickets/nope").then().statusCode(404)
                .body("detail", containsString("not found"));
    }
}
