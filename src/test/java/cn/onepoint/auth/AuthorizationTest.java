package cn.onepoint.auth;

import cn.onepoint.Fixtures;
import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who may: 403 problem+json naming the rule, decided by the token's person, not by what the body claims. */
@QuarkusTest
class AuthorizationTest {

    private World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    private static ValidatableResponse as(String bearer, String path, Object body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .post("/api/v1" + path).then();
    }

    @Test
    void onlyTheAcceptorUpdatesTheCustomerWhateverTheBodySays() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        // T10: a handler's token may not update the customer, with or without naming the acceptor
        as(Tokens.bearerForPerson(w.wuhanHandler), "/tickets/" + t + "/customer-updates",
                Map.of("channel", "PHONE", "message", "正在处理"))
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("T10"));
        as(Tokens.bearerForPerson(w.wuhanHandler), "/tickets/" + t + "/customer-updates",
                Map.of("personId", w.hubeiAcceptor, "channel", "PHONE", "message", "正在处理"))
                .statusCode(403).body("code", equalTo("AUTH-ACTOR"));
        as(Tokens.bearerForPerson(w.hubeiAcceptor), "/tickets/" + t + "/customer-updates",
                Map.of("channel", "PHONE", "message", "正在处理")).statusCode(201);
    }

    @Test
    void onlyTheDispatchedHandlingUnitRequestsSuspensionAndOnlyTheDispatcherApproves() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.dispatch(t, w.hubeiAcceptor);
        // T8: chengdu was not dispatched
        as(Tokens.bearerForPerson(w.chengduHandler), "/tickets/" + t + "/suspensions",
                Map.of("unitId", w.chengdu, "reason", "客户机房无人"))
                .statusCode(403).body("code", equalTo("T8"));
    }

    @Test
    void directoryWritesAreTheDirectoryAdministrationAccounts() {
        Map<String, Object> unit = new HashMap<>(Map.of("code", Fixtures.uniq("GRP"), "name", "集团某工位",
                "tier", "GROUP", "kind", "CONTROL_DESK", "backbone", false));
        as(Tokens.bearerForPerson(w.controller), "/units", unit)
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("AUTH-DIRECTORY"));
        as(Tokens.bearerService("alarm-gateway"), "/units", unit).statusCode(403).body("code", equalTo("AUTH-DIRECTORY"));
        as(Tokens.bearerService("directory-admin"), "/units", unit).statusCode(201);
        as(Tokens.bearerForPerson(w.controller), "/people",
                Map.of("name", "某人", "unitId", w.wuhan, "roles", List.of("HANDLER")))
                .statusCode(403).body("code", equalTo("AUTH-DIRECTORY"));
        given().header("Authorization", Tokens.bearerForPerson(w.controller)).contentType(ContentType.JSON)
                .body(Map.of("days", List.of())).put("/api/v1/calendar/years/2031")
                .then().statusCode(403).body("code", equalTo("AUTH-DIRECTORY"));
    }

    @Test
    void theAlarmGatewayTakesAlarmFaultsOnlyAndHistoryNamesIt() {
        Map<String, Object> alarm = new HashMap<>(w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk));
        alarm.put("channel", "ALARM");
        String id = as(Tokens.bearerService("alarm-gateway"), "/tickets", alarm).statusCode(201)
                .extract().path("id");
        given().get("/api/v1/tickets/" + id + "/history").then().statusCode(200)
                .body("subject", hasItem("service:alarm-gateway"));
        Map<String, Object> hotline = new HashMap<>(w.intake(w.hubeiMstp, "MSTP", w.hubeiDesk));
        as(Tokens.bearerService("alarm-gateway"), "/tickets", hotline).statusCode(403).body("code", equalTo("T2"));
        as(Tokens.bearerService("directory-admin"), "/tickets", hotline).statusCode(403).body("code", equalTo("T2"));
    }
}
