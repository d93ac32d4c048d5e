package cn.onepoint.auth;

import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The token is the actor: bodies name nobody else, history records the authenticated subject. */
@QuarkusTest
class ActorTest {

    private World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    @Test
    void anOmittedActorIsTheCallerAndHistoryRecordsThem() {
        String id = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        given().header("Authorization", Tokens.bearerForPerson(w.hubeiAcceptor)).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(200).body("responsiblePersonId", equalTo(w.hubeiAcceptor));
        given().get("/api/v1/tickets/" + id + "/history").then().statusCode(200)
                .body("find { it.action == 'accept' }.actorId", equalTo(w.hubeiAcceptor))
                .body("find { it.action == 'accept' }.subject", equalTo(w.hubeiAcceptor))
                // the ticket was taken by the automation service account (the test default)
                .body("subject", hasItem("service:automation"));
    }

    @Test
    void aCommandThatNeedsOnlyTheActorNeedsNoBodyAtAll() {
        String id = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        // no body and no Content-Type, as `curl -X POST` sends it
        given().header("Authorization", Tokens.bearerForPerson(w.hubeiAcceptor)).post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(200).body("responsiblePersonId", equalTo(w.hubeiAcceptor));
        String wo = World.woOf(World.dispatch(id, w.hubeiAcceptor), w.wuhan);
        given().header("Authorization", Tokens.bearerForPerson(w.wuhanHandler)).contentType(ContentType.JSON)
                .post("/api/v1/work-orders/" + wo + "/accept")
                .then().statusCode(200).body("acceptedBy", equalTo(w.wuhanHandler));
        // a service account has no person to fill in: refused as when it names one
        String other = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        given().header("Authorization", Tokens.bearerService("automation")).post("/api/v1/tickets/" + other + "/accept")
                .then().statusCode(403).body("code", equalTo("AUTH-ACTOR"));
    }

    @Test
    void aBodyNamingSomeoneElseIs403AuthActor() {
        String id = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        given().header("Authorization", Tokens.bearerForPerson(w.wuhanHandler)).contentType(ContentType.JSON)
                .body(Map.of("personId", w.hubeiAcceptor)).post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("AUTH-ACTOR"));
        given().header("Authorization", Tokens.bearerForPerson(w.wuhanHandler)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(Map.of("personId", "not-an-id"))
                .post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403).body("code", equalTo("AUTH-ACTOR")).body("title", equalTo("Forbidden"));
        given().get("/api/v1/tickets/" + id).then().body("status", equalTo("acknowledged")).body("responsiblePersonId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aServiceAccountCannotActAsAPerson() {
        String id = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        given().header("Authorization", Tokens.bearerService("automation")).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403).body("code", equalTo("AUTH-ACTOR"));
        given().header("Authorization", Tokens.bearerService("automation")).contentType(ContentType.JSON)
                .body(Map.of("personId", w.hubeiAcceptor)).post("/api/v1/tickets/" + id + "/accept")
                .then().statusCode(403).body("code", equalTo("AUTH-ACTOR"));
    }
}
