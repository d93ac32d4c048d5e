package cn.onepoint.common.input;

import cn.onepoint.Fixtures;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** What every operation does with bad input it used to store, crash on or ignore (docs/errors.md). */
@QuarkusTest
class InputChecksTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void controlCharactersInAnyTextAreRefusedWithEveryFieldNamed() {
        World w = World.get();
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("symptom", "电路\u0000中断");
        body.put("direction", "武汉\u0007宜昌");
        body.put("reporter", Map.of("name", "王\u0000经理", "contact", "13800000000"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("symptom", "direction", "reporter.name"))
                .body("errors[0].message", containsString("控制字符"));
    }

    @Test
    void tabsLineFeedsAndCarriageReturnsStayAllowed() {
        World w = World.get();
        Map<String, Object> body = w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk);
        body.put("symptom", "电路中断\n\t光功率低\r\n");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(201).body("symptom", equalTo("电路中断\n\t光功率低\r\n"));
    }

    @Test
    void aControlCharacterInsideAListOfRecordsIsNamedByItsPath() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("name", "张\u001b三", "unitId", unit, "roles", List.of("HANDLER"), "phone", "1\u0000"))
                .when().post("/api/v1/people")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("name", "phone"))
                .body("errors.message", hasItem(containsString("U+001B")));
    }

    @Test
    void nullsInsideArraysAreRefusedNamingTheElement() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        List<Object> roles = new ArrayList<>();
        roles.add("HANDLER");
        roles.add(null);
        given().contentType(ContentType.JSON).body(Map.of("name", "张三", "unitId", unit, "roles", roles))
                .when().post("/api/v1/people")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", equalTo(List.of("roles[1]")));

        World ww = World.get();
        String ticket = ww.accepted(ww.hubeiMstp, "MSTP", ww.hubeiDesk, ww.hubeiAcceptor);
        given().contentType(ContentType.JSON).body("{\"personId\":\"" + ww.hubeiAcceptor + "\",\"targets\":[null]}")
                .when().post("/api/v1/tickets/" + ticket + "/dispatches")
                .then().statusCode(400).body("errors.field", equalTo(List.of("targets[0]")));
    }

    @Test
    void anAssurancePeriodForANullCustomerIsRefusedNotMadeForEveryCustomer() {
        given().contentType(ContentType.JSON).body("{\"name\":\"保障\",\"startsAt\":\"2027-02-01T16:00:00Z\","
                        + "\"endsAt\":\"2027-02-08T16:00:00Z\",\"customerIds\":[null]}")
                .when().post("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", equalTo(List.of("customerIds[0]")));
    }

    @Test
    void malformedQueryParametersAreA400NamingEachOne() {
        given().queryParam("limit", "abc").queryParam("offset", "-x").get("/api/v1/tickets")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("limit", "offset"));
        given().queryParam("tier", "PLANET").get("/api/v1/units")
                .then().statusCode(400).body("errors.field", equalTo(List.of("tier")))
                .body("errors[0].message", containsString("GROUP, PROVINCE, LOCAL"));
        given().queryParam("aGateway", "maybe").queryParam("a", "x").queryParam("z", "y")
                .get("/api/v1/lead-bureau").then().statusCode(400).body("errors.field", hasItem("aGateway"));
        given().queryParam("at", "yesterday").get("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", equalTo(List.of("at")));
    }

    @Test
    void unknownQueryParametersAreRefusedInsteadOfIgnored() {
        given().queryParam("ticketId", "x").get("/api/v1/work-orders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", equalTo(List.of("ticketId")))
                .body("errors[0].message", containsString("subjectId"));
        given().queryParam("q", "a\u0000b").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("q")));
        // paging is only where a list declares it
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        given().queryParam("limit", "5").get("/api/v1/units/" + unit)
                .then().statusCode(400).body("errors.field", equalTo(List.of("limit")));
        given().queryParam("limit", "5").queryParam("sort", "-createdAt").get("/api/v1/tickets")
                .then().statusCode(200);
    }

    @Test
    void aControlCharacterInAQueryValueIsNamed() {
        given().queryParam("customerId", "\u0000").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("customerId")));
    }

    @Test
    void fieldsSelectsTopLevelAttributesOfOneResourceAndOfEveryListElement() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        Map<String, Object> one = given().queryParam("fields", "code,name").get("/api/v1/units/" + unit)
                .then().statusCode(200).extract().path("$");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("id", "code", "name"), one.keySet());

        given().queryParam("fields", "code").queryParam("tier", "GROUP").get("/api/v1/units")
                .then().statusCode(200).body("every { it.keySet() == ['id', 'code'] as Set }", equalTo(true))
                .header("X-Total-Count", not(equalTo(null)));
        given().queryParam("fields", "").get("/api/v1/units/" + unit)
                .then().statusCode(200).body("$", hasKey("tier"));
    }

    @Test
    void anUnknownAttributeInFieldsIsA400NamingFields() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        given().queryParam("fields", "code,colour").get("/api/v1/units/" + unit)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", equalTo(List.of("fields"))).body("errors[0].message", containsString("colour"));
        given().queryParam("fields", "colour").get("/api/v1/units")
                .then().statusCode(400).body("errors.field", equalTo(List.of("fields")));
    }

    @Test
    void instantsOutsideTheAcceptedWindowAreRefusedInBodiesAndFilters() {
        World w = World.get();
        Map<String, Object> body = new HashMap<>(w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk));
        body.put("occurredAt", "-99999-01-01T00:00:00Z");
        body.put("answeredAt", "+10000-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", containsInAnyOrder("occurredAt", "answeredAt"));
        body.put("occurredAt", "1999-12-31T23:59:59Z");
        body.remove("answeredAt");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("occurredAt")));

        given().contentType(ContentType.JSON).body(Map.of("name", "保障",
                        "startsAt", Instant.now().plus(10, ChronoUnit.DAYS).toString(),
                        "endsAt", Instant.now().plus(4000, ChronoUnit.DAYS).toString()))
                .when().post("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", equalTo(List.of("endsAt")));

        given().queryParam("createdFrom", "1970-01-01T00:00:00Z").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("createdFrom")));
        given().queryParam("at", "+99999-01-01T00:00:00Z").get("/api/v1/assurance-periods")
                .then().statusCode(400).body("errors.field", equalTo(List.of("at")));
        given().queryParam("dueBefore", "0001-01-01T00:00:00Z").get("/api/v1/timers")
                .then().statusCode(400).body("errors.field", equalTo(List.of("dueBefore")));
    }

    @Test
    void everyBadFieldOfABodyIsNamedAtOnceAcrossKinds() {
        String unit = Fixtures.unit("GROUP", "HANDLING", null, null, null);
        List<Object> roles = new ArrayList<>();
        roles.add(null);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "\u0000");
        body.put("phone", "1".repeat(41));
        body.put("unitId", unit);
        body.put("roles", roles);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/people")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("name", "roles[0]", "phone"))
                .body("errors.message", everyItem(not(equalTo(null))));
    }

    @Test
    void theEdgesOfBodiesAndParametersAreRefusedAsDocumented() {
        given().contentType(ContentType.JSON).when().post("/api/v1/units")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", equalTo(List.of("body")));
        given().contentType(ContentType.JSON).body("[".repeat(1200) + "]".repeat(1200)).when().post("/api/v1/units")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        given().queryParam("limit", "").get("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("limit")));
        World w = World.get();
        Map<String, Object> body = new HashMap<>(w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk));
        body.put("occurredAt", -99_999_999_999L);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/tickets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("occurredAt")));
        given().queryParam("fields", "id").contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/units")
                .then().statusCode(400).body("errors.field", hasItem("fields"));
    }
}
