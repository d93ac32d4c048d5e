package cn.onepoint.ticket;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** T16 both branches, and the T4 cross-province flow. */
@QuarkusTest
class DispatchTest {

    World w;

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeEach
    void world() {
        w = World.get();
    }

    @Test
    void wholeCircuitInJurisdictionDispatchesBothEndsAtOnce() {
        // 湖北 province desk covers 武汉 and 宜昌: both access ends at once (T16).
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        given().get("/api/v1/tickets/" + t).then().body("phase", equalTo("dispatch"));
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        assertEquals(2, wos.size());
        given().get("/api/v1/tickets/" + t + "/dispatches").then().statusCode(200)
                .body("unitId", containsInAnyOrder(w.wuhan, w.yichang))
                .body("segment", containsInAnyOrder("A_ACCESS", "Z_ACCESS"))
                .body("type", hasItem("FAULT_DISPATCH"))
                .body("status", hasItem("acknowledged"));
        given().get("/api/v1/tickets/" + t).then().body("phase", equalTo("dispatched")).body("dispatchStage", equalTo(2));
    }

    @Test
    void ticketsAndWorkOrdersAreFoundByTheNumberPeopleQuote() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        var byId = given().get("/api/v1/tickets/" + t).then().extract();
        String number = byId.path("number");
        given().get("/api/v1/tickets/" + number).then().statusCode(200)
                .body("id", equalTo(t)).body("number", equalTo(number)).header("ETag", equalTo(byId.header("ETag")));
        // as typed on a phone: lower case, with spaces around
        given().get("/api/v1/tickets/ " + number.toLowerCase() + " ").then().statusCode(200).body("id", equalTo(t));
        Map<String, Object> wo = World.dispatch(t, w.hubeiAcceptor).get(0);
        given().get("/api/v1/work-orders/" + wo.get("number")).then().statusCode(200)
                .body("id", equalTo(wo.get("id"))).body("subject.id", equalTo(t));
        // a number nobody has is not found, named in Chinese
        given().get("/api/v1/tickets/FT199901010001").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("detail", equalTo("故障单不存在：FT199901010001"));
        given().header("Accept-Language", "en").get("/api/v1/work-orders/WO199901010001").then().statusCode(404)
                .body("detail", equalTo("work order not found: WO199901010001"));
        given().get("/api/v1/tickets/not-a-number").then().statusCode(404);
    }

    @Test
    void bothAccessEndsAreMandatory() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.post(t, "dispatches", Map.of("personId", w.hubeiAcceptor,
                        "targets", List.of(Map.of("unitId", w.wuhan, "segment", "A_ACCESS"))))
                .statusCode(422).body("code", equalTo("T16"));
        given().get("/api/v1/tickets/" + t + "/dispatches").then().body("$", hasSize(0));
    }

    @Test
    void partialJurisdictionDispatchesTheLocalEndFirst() {
        // 武汉 local unit covers only its own end of 武汉–宜昌: local end first, far end after a clean report.
        String t = w.accepted(w.hubeiMstp, "MSTP", w.wuhan, w.wuhanAcceptor);
        List<Map<String, Object>> first = World.dispatch(t, w.wuhanAcceptor);
        assertEquals(1, first.size());
        assertEquals(w.wuhan, first.get(0).get("unitId"));
        assertEquals("A_ACCESS", first.get(0).get("segment"));
        World.post(t, "dispatches", Map.of("personId", w.wuhanAcceptor)).statusCode(422).body("code", equalTo("T16"));

        String local = (String) first.get(0).get("id");
        World.wo(local, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200).body("status", equalTo("inProgress"));
        // An alarm on the local segment: it stays with the local unit (the owner), no far-end dispatch.
        World.wo(local, "findings", Map.of("personId", w.wuhanHandler, "alarm", true, "configChange", false))
                .statusCode(200);
        given().get("/api/v1/tickets/" + t).then().body("ownerUnitId", equalTo(w.wuhan));
        World.post(t, "dispatches", Map.of("personId", w.wuhanAcceptor)).statusCode(422).body("code", equalTo("T16"));
    }

    @Test
    void farEndFollowsACleanLocalReport() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.wuhan, w.wuhanAcceptor);
        String local = World.woOf(World.dispatch(t, w.wuhanAcceptor), w.wuhan);
        World.wo(local, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        World.wo(local, "findings", Map.of("personId", w.wuhanHandler, "alarm", false, "configChange", false,
                "note", "本端无告警、无配置变更")).statusCode(200).body("findings.alarm", equalTo(false));
        List<Map<String, Object>> second = World.dispatch(t, w.wuhanAcceptor);
        assertEquals(1, second.size());
        assertEquals(w.yichang, second.get(0).get("unitId"));
        assertEquals("Z_ACCESS", second.get(0).get("segment"));
        given().get("/api/v1/tickets/" + t).then().body("dispatchStage", equalTo(2));
    }

    @Test
    void nonBandwidthCircuitsGoToBothEnds() {
        String t = w.accepted(w.hubeiSwitching, "SWITCHING", w.wuhan, w.wuhanAcceptor);
        assertEquals(2, World.dispatch(t, w.wuhanAcceptor).size());
    }

    @Test
    void crossProvinceFaultGoesThroughLocalPreCheckAndProvinceReview() {
        // T4: the local unit that took the call checks its own segment, the province reviews, then dispatches in parallel.
        String t = w.accepted(w.crossMstp, "MSTP", w.wuhan, w.wuhanAcceptor);
        given().get("/api/v1/tickets/" + t).then().body("phase", equalTo("localPreCheck"))
                .body("allowedActions", hasItem("local-pre-check"));
        World.post(t, "dispatches", Map.of("personId", w.wuhanAcceptor)).statusCode(409)
                .body("state", equalTo("inProgress/localPreCheck"));
        World.post(t, "local-pre-check", Map.of("unitId", w.yichang, "personId", w.yichangHandler,
                "localSegmentClean", true)).statusCode(422).body("code", equalTo("T4"));
        World.post(t, "local-pre-check", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                        "localSegmentClean", true, "note", "本地段无告警"))
                .statusCode(200).body("phase", equalTo("provinceReview"))
                .body("localPreCheck.result", equalTo("CLEAN"));
        World.post(t, "province-review", Map.of("unitId", w.sichuan, "personId", w.sichuanReviewer,
                "faultInsideProvince", false)).statusCode(422).body("code", equalTo("T4"));
        World.post(t, "province-review", Map.of("unitId", w.hubei, "personId", w.hubeiReviewer,
                        "faultInsideProvince", false))
                .statusCode(200).body("phase", equalTo("dispatch")).body("dispatcherUnitId", equalTo(w.hubei));
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiReviewer);
        given().get("/api/v1/tickets/" + t + "/dispatches").then()
                .body("unitId", containsInAnyOrder(w.chengdu, w.backbone, w.sichuan))
                .body("segment", containsInAnyOrder("Z_ACCESS", "BACKBONE", "OTHER"));
        assertEquals(3, wos.size());
    }

    @Test
    void everyWorkOrderEventCarriesTheTicketsCustomer() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        World.wo(wo, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        String customerId = given().get("/api/v1/tickets/" + t).then().extract().path("customerId");
        // Creation and acceptance: both events keep the customer, so a feed filtered by customer sees them.
        var customers = pool.preparedQuery("select customer_id from event_outbox where subject_id = $1"
                        + " and event_type = 'WorkOrderStateChangeEvent' order by id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(wo))).await().indefinitely();
        assertEquals(2, customers.size());
        customers.forEach(r -> assertEquals(customerId, String.valueOf(r.getUUID("customer_id"))));
    }

    @Test
    void workOrdersAreAcceptedAndReportedByTheirUnitOnly() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.yichang);
        // T4: each handling position accepts its own dispatch.
        World.wo(wo, "accept", Map.of("personId", w.wuhanHandler)).statusCode(422).body("code", equalTo("T4"));
        World.wo(wo, "progress", Map.of("reporterId", w.yichangHandler, "handlerName", "李工", "operation", "查告警",
                "interim", true)).statusCode(409).body("state", equalTo("acknowledged"));
        World.wo(wo, "accept", Map.of("personId", w.yichangHandler)).statusCode(200)
                .body("acceptedBy", equalTo(w.yichangHandler));
        World.wo(wo, "accept", Map.of("personId", w.yichangHandler)).statusCode(409)
                .body("allowedActions", hasItem("progress"));
        // T9: progress with source unit, reporter, person and operation, segment, cause; interim flagged.
        World.wo(wo, "progress", Map.of("reporterId", w.yichangHandler, "handlerName", "李工",
                        "operation", "更换光模块", "faultSegment", "Z_ACCESS", "cause", "光模块老化", "interim", true))
                .statusCode(201).body("interim", equalTo(true)).body("unitId", equalTo(w.yichang));
        World.wo(wo, "progress", Map.of("reporterId", w.yichangHandler)).statusCode(400)
                .body("errors.field", containsInAnyOrder("handlerName", "operation", "interim"));
        given().get("/api/v1/tickets/" + t + "/progress").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].cause", equalTo("光模块老化")).body("[0].faultSegment", equalTo("Z_ACCESS"));
        given().get("/api/v1/tickets/" + t + "/history").then()
                .body("action", hasItem("progress"));
    }
}
