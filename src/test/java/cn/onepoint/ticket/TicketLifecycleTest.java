package cn.onepoint.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Handling to close: T6, T7, T8, T10, T11, T5, T12, history. */
@QuarkusTest
class TicketLifecycleTest {

    World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    /** An accepted 武汉–宜昌 ticket dispatched to both ends, both work orders accepted. */
    private String dispatchedTicket() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
        World.wo(World.woOf(wos, w.wuhan), "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
        World.wo(World.woOf(wos, w.yichang), "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
        return t;
    }

    private void telecomSideClean(String t) {
        World.post(t, "segment-tests", World.cleanTest(w.wuhan, w.wuhanHandler, "A_ACCESS")).statusCode(201);
        World.post(t, "segment-tests", World.cleanTest(w.yichang, w.yichangHandler, "Z_ACCESS")).statusCode(201);
    }

    @Test
    void acceptanceNamesTheFirstResponsiblePersonAndChangesAreRecorded() {
        String t = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        // T6: the acceptor belongs to the acceptance desk that registered the fault.
        World.post(t, "accept", Map.of("personId", w.wuhanHandler)).statusCode(403).body("code", equalTo("T6"));
        World.post(t, "accept", Map.of("personId", w.hubeiAcceptor)).statusCode(200)
                .body("status", equalTo("inProgress")).body("responsiblePersonId", equalTo(w.hubeiAcceptor))
                .body("acceptedAt", notNullValue());
        World.post(t, "responsible-person", Map.of("personId", w.groupAcceptor, "byPersonId", w.hubeiAcceptor,
                "reason", "交接班")).statusCode(200).body("responsiblePersonId", equalTo(w.groupAcceptor));
        given().get("/api/v1/tickets/" + t + "/history").then().statusCode(200)
                .body("action", contains("create", "accept", "responsible-person"))
                .body("[1].actorId", equalTo(w.hubeiAcceptor))
                .body("[1].fromStatus", equalTo("acknowledged")).body("[1].toStatus", equalTo("inProgress"))
                .body("[2].detail", containsString("交接班"))
                .body("at", everyItem(notNullValue()));
    }

    @Test
    void faultFreeNeedsATestReportAndTheTelecomSideComesFirst() {
        String t = dispatchedTicket();
        // T7: fault-free without its report is refused.
        World.post(t, "segment-tests", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "segment", "A_ACCESS", "result", "FAULT_FREE")).statusCode(422).body("code", equalTo("T7"))
                .contentType("application/problem+json");
        // T7: the customer side only after the telecom side.
        World.post(t, "segment-tests", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "segment", "CUSTOMER_PREMISES", "result", "FAULT_FOUND")).statusCode(422).body("code", equalTo("T7"));
        telecomSideClean(t);
        World.post(t, "segment-tests", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "segment", "CUSTOMER_PREMISES", "result", "FAULT_FOUND")).statusCode(201);
        given().get("/api/v1/tickets/" + t + "/segment-tests").then().body("$", hasSize(3))
                .body("[0].report.reference", equalTo("TR-A_ACCESS"));
    }

    @Test
    void onlyTheAcceptorUpdatesTheCustomer() {
        String t = dispatchedTicket();
        // T10: unified reply.
        World.post(t, "customer-updates", Map.of("personId", w.wuhanHandler, "channel", "PHONE",
                "message", "正在处理")).statusCode(403).body("code", equalTo("T10"));
        World.post(t, "customer-updates", Map.of("personId", w.hubeiAcceptor, "channel", "PHONE",
                "message", "故障已定位，预计 30 分钟内恢复")).statusCode(201).body("channel", equalTo("PHONE"));
        given().get("/api/v1/tickets/" + t + "/customer-updates").then().body("$", hasSize(1));
    }

    @Test
    void theControlDeskAnswersHandlerFeedback() {
        String t = dispatchedTicket();
        // T11
        World.post(t, "feedback", Map.of("unitId", w.chengdu, "personId", w.chengduHandler, "message", "?"))
                .statusCode(403).body("code", equalTo("T11"));
        String fb = World.post(t, "feedback", Map.of("unitId", w.yichang, "personId", w.yichangHandler,
                "message", "需要对端配合环回")).statusCode(201).extract().path("id");
        World.post(t, "feedback/" + fb + "/answer", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "message", "x")).statusCode(403).body("code", equalTo("T11"));
        World.post(t, "feedback/" + fb + "/answer", Map.of("unitId", w.groupControl, "personId", w.controller,
                "message", "已通知武汉配合环回")).statusCode(200).body("answeredAt", notNullValue());
        World.post(t, "feedback/" + fb + "/answer", Map.of("unitId", w.groupControl, "personId", w.controller,
                "message", "again")).statusCode(409);
    }

    @Test
    void suspensionIsRequestedByTheHandlingUnitApprovedByTheDispatcherAndResumed() {
        String t = dispatchedTicket();
        Map<String, Object> request = Map.of("unitId", w.yichang, "personId", w.yichangHandler,
                "reason", "客户机房无人，无法配合测试");
        // T8: only after the telecom side is proven clean ...
        World.post(t, "suspensions", request).statusCode(422).body("code", equalTo("T8"));
        telecomSideClean(t);
        // ... and only by a unit that was dispatched.
        World.post(t, "suspensions", Map.of("unitId", w.chengdu, "personId", w.chengduHandler, "reason", "x"))
                .statusCode(403).body("code", equalTo("T8"));
        String s = World.post(t, "suspensions", request).statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().path("id");
        World.post(t, "suspensions", request).statusCode(409);
        // T8: the dispatcher approves, after confirming with the customer.
        World.post(t, "suspensions/" + s + "/approve", Map.of("unitId", w.yichang, "personId", w.yichangHandler,
                "customerConfirmed", true)).statusCode(403).body("code", equalTo("T8"));
        World.post(t, "suspensions/" + s + "/approve", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor))
                .statusCode(422).body("code", equalTo("T8"));
        World.post(t, "suspensions/" + s + "/approve", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor,
                "customerConfirmed", true)).statusCode(200).body("status", equalTo("ACTIVE"))
                .body("startedAt", notNullValue());
        given().get("/api/v1/tickets/" + t).then().body("status", equalTo("held")).body("phase", equalTo("suspended"));
        World.post(t, "suspensions/" + s + "/resume", Map.of("personId", w.hubeiAcceptor)).statusCode(200)
                .body("status", equalTo("ENDED")).body("endedAt", notNullValue());
        given().get("/api/v1/tickets/" + t).then().body("status", equalTo("inProgress"));
        given().get("/api/v1/tickets/" + t + "/suspensions").then().body("$", hasSize(1))
                .body("[0].startedAt", notNullValue()).body("[0].endedAt", notNullValue());
    }

    @Test
    void refusedSuspensionLeavesTheTicketInProgress() {
        String t = dispatchedTicket();
        telecomSideClean(t);
        String s = World.post(t, "suspensions", Map.of("unitId", w.wuhan, "personId", w.wuhanHandler,
                "reason", "客户无法配合")).statusCode(201).extract().path("id");
        World.post(t, "suspensions/" + s + "/refuse", Map.of("unitId", w.hubeiDesk, "personId", w.hubeiAcceptor,
                "note", "客户表示可以配合")).statusCode(200).body("status", equalTo("REFUSED"));
        given().get("/api/v1/tickets/" + t).then().body("status", equalTo("inProgress"));
        World.post(t, "suspensions/" + s + "/resume", Map.of("personId", w.hubeiAcceptor)).statusCode(409);
    }

    @Test
    void restoreRepairAndCloseWithTheTrueCause() {
        String t = dispatchedTicket();
        // T5: restore first ...
        World.post(t, "restore", Map.of("personId", w.hubeiAcceptor, "note", "倒换至备用路由")).statusCode(200)
                .body("status", equalTo("resolved")).body("serviceRestoredAt", notNullValue())
                .body("faultRepairedAt", nullValue());
        // ... repair later, separately.
        World.post(t, "repair", Map.of("personId", w.yichangHandler, "at", "2000-01-01T00:00:00Z"))
                .statusCode(400).body("errors[0].field", equalTo("at"));
        World.post(t, "repair", Map.of("personId", w.yichangHandler)).statusCode(200)
                .body("faultRepairedAt", notNullValue()).body("status", equalTo("resolved"));
        Map<String, Object> cause = Map.of("category", "TELECOM", "text", "宜昌局光模块老化");
        // T12: the acceptor closes, after the customer confirms.
        World.post(t, "close", Map.of("personId", w.wuhanHandler, "customerConfirmed", true, "cause", cause))
                .statusCode(403).body("code", equalTo("T12"));
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "cause", cause))
                .statusCode(422).body("code", equalTo("T12"));
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerConfirmed", true, "cause", cause,
                        "toldCause", Map.of("category", "THIRD_PARTY", "text", "市政施工影响")))
                .statusCode(200).body("status", equalTo("closed"))
                .body("cause.category", equalTo("TELECOM")).body("toldCause.category", equalTo("THIRD_PARTY"))
                .body("causeDiffers", equalTo(true))
                // repaired before closing: nothing is left to do
                .body("allowedActions", empty());
        World.post(t, "repair", Map.of("personId", w.yichangHandler)).statusCode(409)
                .body("code", equalTo("ALREADY_REPAIRED"));
        given().get("/api/v1/tickets/" + t).then().body("allowedActions", empty());
        given().get("/api/v1/tickets/" + t + "/dispatches").then().body("status", everyItem(equalTo("cancelled")));
        given().get("/api/v1/tickets/" + t + "/history").then()
                .body("action", hasItem("close")).body("action", hasItem("restore")).body("action", hasItem("repair"));
    }

    @Test
    void aCustomerCausedFaultMayCloseUnrestoredOnceTheCustomerIsTold() {
        String t = dispatchedTicket();
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerInformed", true,
                "cause", Map.of("category", "TELECOM", "text", "x"))).statusCode(422).body("code", equalTo("T12"));
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor,
                "cause", Map.of("category", "CUSTOMER", "text", "客户设备断电"))).statusCode(422);
        World.post(t, "close", Map.of("personId", w.hubeiAcceptor, "customerInformed", true,
                        "cause", Map.of("category", "CUSTOMER", "text", "客户设备断电，需客户自行更换电源")))
                .statusCode(200).body("status", equalTo("closed")).body("causeDiffers", equalTo(false));
    }

    @Test
    void closeNamesEveryBadFieldOfTheCause() {
        String t = dispatchedTicket();
        given().contentType(ContentType.JSON).body(Map.of("personId", w.hubeiAcceptor, "cause", Map.of("text", " ")))
                .when().post("/api/v1/tickets/" + t + "/close")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "cause.category", "cause.text"));
    }
}
