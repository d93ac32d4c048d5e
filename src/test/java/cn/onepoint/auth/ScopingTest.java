package cn.onepoint.auth;

import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A LOCAL unit's people see the tickets that involve their unit, a PROVINCE unit's its province's, GROUP all; a
 * ticket out of scope is 404 (its existence does not leak).
 */
@QuarkusTest
class ScopingTest {

    private World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    private static void sees(String person, String ticket, String circuit) {
        given().header("Authorization", Tokens.bearerForPerson(person)).get("/api/v1/tickets/" + ticket)
                .then().statusCode(200).body("id", equalTo(ticket));
        given().header("Authorization", Tokens.bearerForPerson(person)).queryParam("circuitId", circuitId(circuit))
                .queryParam("limit", 200).get("/api/v1/tickets").then().statusCode(200).body("id", hasItem(ticket));
    }

    private static void doesNotSee(String person, String ticket, String circuit) {
        given().header("Authorization", Tokens.bearerForPerson(person)).get("/api/v1/tickets/" + ticket)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", Tokens.bearerForPerson(person)).get("/api/v1/tickets/" + ticket + "/history")
                .then().statusCode(404);
        given().header("Authorization", Tokens.bearerForPerson(person)).queryParam("circuitId", circuitId(circuit))
                .queryParam("limit", 200).get("/api/v1/tickets").then().statusCode(200)
                .body("id", not(hasItem(ticket)));
    }

    private static String circuitId(String code) {
        return given().queryParam("code", code).get("/api/v1/circuits").then().extract().path("[0].id");
    }

    @Test
    void localUnitsSeeWhatInvolvesThemProvincesTheirProvinceGroupEverything() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        // before dispatch only the desk that took it (and its province, and the group) see it
        sees(w.hubeiAcceptor, t, w.hubeiMstp);
        doesNotSee(w.wuhanHandler, t, w.hubeiMstp);
        World.dispatch(t, w.hubeiAcceptor);
        sees(w.wuhanHandler, t, w.hubeiMstp);
        sees(w.yichangHandler, t, w.hubeiMstp);
        doesNotSee(w.chengduHandler, t, w.hubeiMstp);
        sees(w.hubeiReviewer, t, w.hubeiMstp);
        doesNotSee(w.sichuanReviewer, t, w.hubeiMstp);
        sees(w.controller, t, w.hubeiMstp);
        for (String group : List.of(w.groupAcceptor, w.backboneHandler)) {
            sees(group, t, w.hubeiMstp);
        }
    }

    @Test
    void workOrdersAreSeenByTheirUnitAndTheDeskThatDispatchedThem() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wuhan = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        for (String person : List.of(w.wuhanHandler, w.hubeiAcceptor, w.hubeiReviewer, w.controller)) {
            given().header("Authorization", Tokens.bearerForPerson(person)).get("/api/v1/work-orders/" + wuhan)
                    .then().statusCode(200);
        }
        for (String person : List.of(w.yichangHandler, w.chengduHandler, w.sichuanReviewer)) {
            given().header("Authorization", Tokens.bearerForPerson(person)).get("/api/v1/work-orders/" + wuhan)
                    .then().statusCode(404);
        }
        given().header("Authorization", Tokens.bearerForPerson(w.yichangHandler)).queryParam("subjectId", t)
                .get("/api/v1/work-orders").then().statusCode(200).body("unitId", org.hamcrest.Matchers.everyItem(
                        equalTo(w.yichang))).body("size()", equalTo(1));
        given().header("Authorization", Tokens.bearerForPerson(w.hubeiAcceptor)).queryParam("subjectId", t)
                .get("/api/v1/work-orders").then().statusCode(200).body("size()", equalTo(2));
    }
}
