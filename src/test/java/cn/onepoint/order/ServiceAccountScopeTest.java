package cn.onepoint.order;

import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A service account scoped to a unit sees what that unit's scope covers (here a province: 四川), and one whose scope
 * names no unit is refused rather than given everything (application.properties, %test accounts).
 */
@QuarkusTest
class ServiceAccountScopeTest {

    @Inject
    MutableClock clock;

    private World w;

    @BeforeEach
    void world() {
        w = World.get();
        // The account's unit has a fixed code (configuration names it): created once per database.
        given().contentType(ContentType.JSON).body(Map.of("code", "TEST-SC-SCRIPT", "name", "四川脚本账号单位",
                        "tier", "PROVINCE", "kind", "CONTROL_DESK", "province", "四川", "city", "成都",
                        "backbone", false))
                .post("/api/v1/units").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(400)));
    }

    @Test
    void aProvinceScopedAccountSeesTheOrdersOfItsProvinceOnly() {
        clock.setTo(OrderWorld.local("2026-11-02T09:00"));
        try {
            OrderWorld o = OrderWorld.get();
            String crossProvince = OrderWorld.create(o.body(o.mstpWuhanChengdu, "MSTP", "2026-12-18"))
                    .statusCode(201).extract().path("id");
            String insideHubei = OrderWorld.create(o.body(o.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18"))
                    .statusCode(201).extract().path("id");
            String script = Tokens.bearerService("sichuan-script");
            given().header("Authorization", script).get("/api/v1/orders/" + crossProvince)
                    .then().statusCode(200).body("id", equalTo(crossProvince));
            given().header("Authorization", script).get("/api/v1/orders/" + insideHubei)
                    .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        } finally {
            clock.setTo(Instant.now());
        }
    }

    @Test
    void aProvinceScopedAccountDoesNotSeeAnotherProvincesTicket() {
        String hubeiTicket = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String script = Tokens.bearerService("sichuan-script");
        given().header("Authorization", script).get("/api/v1/tickets/" + hubeiTicket)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", script).queryParam("limit", 200).get("/api/v1/tickets")
                .then().statusCode(200).body("id", not(hasItem(hubeiTicket)));
        // the group-wide account sees the same ticket
        given().header("Authorization", Tokens.bearerService("automation")).get("/api/v1/tickets/" + hubeiTicket)
                .then().statusCode(200).body("id", equalTo(hubeiTicket));
    }

    @Test
    void anAccountWhoseScopeNamesNoUnitIsRefused() {
        given().header("Authorization", Tokens.bearerService("nowhere-script")).get("/api/v1/tickets")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("AUTH-PERSON"));
    }
}
