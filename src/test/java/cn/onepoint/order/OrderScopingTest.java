package cn.onepoint.order;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An order is seen by the units it involves (lead bureau, either end, backbone, a segment's unit), their provinces
 * and the group; to anyone else it, its sub-resources and its timers are 404, and lists leave it out
 * (docs/security.md, "Scoping").
 */
@QuarkusTest
class OrderScopingTest {

    @Inject
    MutableClock clock;

    private OrderWorld o;
    private String sichuanController;
    private String jiangsuController;

    @BeforeEach
    void world() {
        clock.setTo(OrderWorld.local("2026-11-02T09:00"));
        o = OrderWorld.get();
        sichuanController = Fixtures.person(o.sichuan, "CONTROLLER");
        jiangsuController = Fixtures.person(o.jiangsu, "CONTROLLER");
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    private static RequestSpecification as(String person) {
        return given().header("Authorization", Tokens.bearerForPerson(person));
    }

    private void sees(String person, String order) {
        as(person).get("/api/v1/orders/" + order).then().statusCode(200).body("id", equalTo(order));
        as(person).get("/api/v1/orders/" + order + "/timers").then().statusCode(200);
        assertTrue(listed(person, order).contains(order), "the list of " + person + " lacks " + order);
    }

    private void doesNotSee(String person, String order) {
        as(person).get("/api/v1/orders/" + order).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(person).get("/api/v1/orders/" + order + "/timers").then().statusCode(404);
        assertFalse(listed(person, order).contains(order), "the list of " + person + " holds " + order);
        as(person).queryParam("subjectId", order).get("/api/v1/timers").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    /** Every order of the person's list on the order's circuit, page by page (other tests add orders there). */
    private static List<String> listed(String person, String order) {
        String circuit = given().get("/api/v1/orders/" + order).then().extract().path("circuitId");
        List<String> all = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            List<String> page = as(person).queryParam("circuitId", circuit).queryParam("limit", 100)
                    .queryParam("offset", offset).get("/api/v1/orders").then().statusCode(200).extract().path("id");
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
        }
    }

    @Test
    void anOrderInsideAProvinceIsSeenByItsEndsAndItsProvinceOnly() {
        String order = o.approved(o.body(o.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18"));
        List<String> timers = given().get("/api/v1/orders/" + order + "/timers").then().extract().path("id");
        assertFalse(timers.isEmpty(), "an approved order runs its deadlines");
        sees(o.wuhanHandler, order);
        sees(o.yichangHandler, order);
        sees(o.businessManager, order);
        doesNotSee(o.xiangyangHandler, order);
        doesNotSee(o.chengduHandler, order);
        doesNotSee(sichuanController, order);
        for (String timer : timers) {
            as(o.chengduHandler).get("/api/v1/timers/" + timer).then().statusCode(404);
            as(o.wuhanHandler).get("/api/v1/timers/" + timer).then().statusCode(200);
        }
    }

    @Test
    void aCrossProvinceOrderIsSeenByBothProvincesAndTheBackbone() {
        String order = o.order(o.mstpWuhanChengdu, "MSTP", "2026-12-18");
        sees(o.wuhanHandler, order);
        sees(o.chengduHandler, order);
        sees(sichuanController, order);
        sees(o.backboneHandler, order);
        doesNotSee(o.yichangHandler, order);
        doesNotSee(jiangsuController, order);
    }
}
