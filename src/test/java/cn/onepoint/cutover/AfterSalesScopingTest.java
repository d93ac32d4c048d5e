package cn.onepoint.cutover;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Scoping of the after-sales records (docs/security.md, docs/aftersales.md): cutovers, their customers' notices and
 * service records are seen by the units they involve, by those units' province and by the group, and are 404 with
 * their sub-resources and timers (also through /timers) for everyone else; assurance periods are read by everyone.
 * The who-may refusals about the acting person are 403 naming the rule.
 */
@QuarkusTest
class AfterSalesScopingTest {

    private static final Duration LEAD = Duration.ofHours(72);

    @Inject
    MutableClock clock;

    CutoverWorld w;
    /** 襄阳: a LOCAL unit of 湖北 that nothing here involves; 荆州: a LOCAL customer support unit. */
    String xiangyangHandler, jingzhou, localCm, hubeiController, sichuanController;

    @BeforeEach
    void world() {
        w = CutoverWorld.get();
        xiangyangHandler = Fixtures.person(Fixtures.unit("LOCAL", "HANDLING", "湖北", "襄阳", w.hubei), "HANDLER");
        jingzhou = Fixtures.unit("LOCAL", "CUSTOMER_SUPPORT", "湖北", "荆州", w.hubei);
        localCm = Fixtures.person(jingzhou, "CUSTOMER_MANAGER");
        hubeiController = Fixtures.person(w.hubei, "CONTROLLER");
        sichuanController = Fixtures.person(Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", null, null), "CONTROLLER");
        // The clock is moved into the cutover's window below: from 30 days back, so that no event is left dated
        // after the time the other tests run at (the feed's retention tests cut the outbox by event time).
        clock.goBack(Duration.ofDays(30));
    }

    @AfterEach
    void comeBack() {
        clock.comeBack();
    }

    private static RequestSpecification as(String person) {
        return given().header("Authorization", Tokens.bearerForPerson(person));
    }

    // ---- cutovers ----------------------------------------------------------------------------------------

    private static void seesCutover(String person, String id, String circuit) {
        as(person).get("/api/v1/cutovers/" + id).then().statusCode(200).body("id", equalTo(id));
        for (String sub : List.of("history", "timers", "notifications")) {
            as(person).get("/api/v1/cutovers/" + id + "/" + sub).then().statusCode(200);
        }
        as(person).queryParam("circuitId", circuit).get("/api/v1/cutovers").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", hasItem(id));
    }

    private static void doesNotSeeCutover(String person, String id, String circuit) {
        as(person).get("/api/v1/cutovers/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        for (String sub : List.of("history", "timers", "notifications")) {
            as(person).get("/api/v1/cutovers/" + id + "/" + sub).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        as(person).queryParam("circuitId", circuit).get("/api/v1/cutovers").then().statusCode(200)
                .header("X-Total-Count", "0").body("id", not(hasItem(id)));
    }

    private static void seesTimer(String person, String timer, String subject) {
        as(person).get("/api/v1/timers/" + timer).then().statusCode(200).body("id", equalTo(timer));
        as(person).queryParam("subjectId", subject).get("/api/v1/timers").then().statusCode(200)
                .body("id", hasItem(timer));
    }

    private static void doesNotSeeTimer(String person, String timer, String subject) {
        as(person).get("/api/v1/timers/" + timer).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(person).queryParam("subjectId", subject).get("/api/v1/timers").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    /** A customer whose customer manager works in a LOCAL unit (荆州), with one circuit 武汉—宜昌. */
    private String circuitOfACustomerOf(String cm) {
        Map<String, Object> body = new HashMap<>(Map.of("code", Fixtures.uniq("C"), "name", "某客户",
                "level", "PROVINCIAL", "hqProvince", "湖北", "hqCity", "荆州", "cmId", cm));
        String customer = Fixtures.post("/api/v1/customers", body);
        return Fixtures.circuit(customer, "MSTP", Fixtures.end("武汉汉口局", "武汉", "湖北", true, w.wuhan),
                Fixtures.end("宜昌西陵局", "宜昌", "湖北", false, w.yichang), null);
    }

    private static Map<String, Object> timerOf(String cutover, String kind) {
        List<Map<String, Object>> all = given().get("/api/v1/cutovers/" + cutover + "/timers").then().statusCode(200)
                .extract().path("findAll { it.kind == '" + kind + "' }");
        if (all.size() != 1) {
            throw new AssertionError("expected one " + kind + " timer: " + all);
        }
        return all.get(0);
    }

    @Test
    void aCutoverIsSeenByItsExecutingUnitTheUnitsOfItsCircuitsThePersonToldAndTheirProvince() {
        String circuit = circuitOfACustomerOf(localCm);
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        String id = CutoverWorld.create(w.body(start, start.plus(Duration.ofHours(4)), List.of(circuit)))
                .statusCode(201).extract().path("id");
        // planned: the executing unit (武汉), the unit at the circuit's other end (宜昌), their province, the group
        for (String person : List.of(w.wuhanHandler, w.yichangHandler, hubeiController, w.cm)) {
            seesCutover(person, id, circuit);
        }
        // 荆州's customer manager has not been told yet; 襄阳 and 四川 are not involved
        for (String person : List.of(localCm, xiangyangHandler, sichuanController)) {
            doesNotSeeCutover(person, id, circuit);
        }

        CutoverWorld.post(id, "announce", Map.of("personId", w.wuhanSupervisor)).statusCode(200);
        // told for the customer: its customer manager's unit is involved now (they record the acknowledgement)
        seesCutover(localCm, id, circuit);
        // the acknowledgement timer's subject is the customer's notice, seen through its cutover: 宜昌 and 荆州 see
        // it although the timer's own unit is 武汉
        Map<String, Object> ack = timerOf(id, "CUTOVER_ACK");
        String ackTimer = (String) ack.get("id");
        String notice = given().get("/api/v1/timers/" + ackTimer).then().extract().path("subject.id");
        for (String person : List.of(w.wuhanHandler, w.yichangHandler, localCm, hubeiController)) {
            seesTimer(person, ackTimer, notice);
        }
        for (String person : List.of(xiangyangHandler, sichuanController)) {
            doesNotSeeTimer(person, ackTimer, notice);
            doesNotSeeCutover(person, id, circuit);
        }

        // in the window, started without the acknowledgement: the CUTOVER_WINDOW timer's subject is the cutover
        clock.advance(LEAD.plusSeconds(3660));
        CutoverWorld.post(id, "start", Map.of("personId", w.wuhanSupervisor, "proceedWithoutAcknowledgement", true,
                "note", "客户未回执，按计划施工")).statusCode(200);
        String window = (String) timerOf(id, "CUTOVER_WINDOW").get("id");
        for (String person : List.of(w.wuhanHandler, w.yichangHandler, localCm, hubeiController)) {
            seesTimer(person, window, id);
        }
        for (String person : List.of(xiangyangHandler, sichuanController)) {
            doesNotSeeTimer(person, window, id);
        }
    }

    @Test
    void cutoverRefusalsAboutTheActingPersonAre403NamingA1() {
        String circuit = circuitOfACustomerOf(localCm);
        Instant start = clock.instant().plus(LEAD).plusSeconds(3600);
        Map<String, Object> plan = w.body(start, start.plus(Duration.ofHours(4)), List.of(circuit));
        plan.remove("plannerId");
        // the planner is the caller: of 宜昌, not of the executing unit
        as(w.yichangHandler).contentType(ContentType.JSON).body(plan).post("/api/v1/cutovers").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("A1"))
                .body("type", containsString("forbidden"));
        String id = as(w.planner).contentType(ContentType.JSON).body(plan).post("/api/v1/cutovers").then()
                .statusCode(201).extract().path("id");
        as(w.yichangHandler).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/cutovers/" + id + "/announce")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("A1"));
        as(w.wuhanSupervisor).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/cutovers/" + id + "/announce")
                .then().statusCode(200);
        // a handler does not record a customer's acknowledgement (O2); a customer manager does
        String customer = given().get("/api/v1/cutovers/" + id).then().extract().path("customers[0].customerId");
        Map<String, Object> ack = Map.of("customerId", customer, "contactName", "王经理");
        as(w.wuhanHandler).contentType(ContentType.JSON).body(ack).post("/api/v1/cutovers/" + id + "/acknowledgements")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("A1"));
        as(xiangyangHandler).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/cutovers/" + id + "/cancel").then().statusCode(403).body("code", equalTo("A1"));
        as(localCm).contentType(ContentType.JSON).body(ack).post("/api/v1/cutovers/" + id + "/acknowledgements")
                .then().statusCode(200).body("acknowledgedCount", equalTo(1));
        clock.advance(LEAD.plusSeconds(3660));
        as(w.yichangHandler).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/cutovers/" + id + "/start")
                .then().statusCode(403).body("code", equalTo("A1"));
        as(w.wuhanHandler).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/cutovers/" + id + "/start")
                .then().statusCode(200);
        as(w.yichangHandler).contentType(ContentType.JSON).body(Map.of("outcome", "SUCCEEDED"))
                .post("/api/v1/cutovers/" + id + "/complete").then().statusCode(403).body("code", equalTo("A1"));
        given().get("/api/v1/cutovers/" + id).then().body("status", equalTo("inProgress"));
    }

    // ---- service records ---------------------------------------------------------------------------------

    private static void seesRecord(String person, String id, String customer) {
        as(person).get("/api/v1/service-records/" + id).then().statusCode(200).body("id", equalTo(id));
        as(person).get("/api/v1/service-records/" + id + "/history").then().statusCode(200);
        as(person).get("/api/v1/service-records/" + id + "/timers").then().statusCode(200);
        as(person).queryParam("customerId", customer).get("/api/v1/service-records").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", hasItem(id));
    }

    private static void doesNotSeeRecord(String person, String id, String customer) {
        as(person).get("/api/v1/service-records/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(person).get("/api/v1/service-records/" + id + "/history").then().statusCode(404);
        as(person).get("/api/v1/service-records/" + id + "/timers").then().statusCode(404);
        as(person).queryParam("customerId", customer).get("/api/v1/service-records").then().statusCode(200)
                .header("X-Total-Count", "0").body("id", not(hasItem(id)));
    }

    private String record(String creator, String assignee, String customer) {
        return as(creator).contentType(ContentType.JSON).body(Map.of("kind", "VISIT", "customerId", customer,
                        "assigneeId", assignee, "title", "年度走访",
                        "dueAt", clock.instant().plus(Duration.ofDays(3)).toString()))
                .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
    }

    @Test
    void aServiceRecordIsSeenByItsUnitItsCreatorsUnitAndTheirProvince() {
        String customer = Fixtures.customer("PROVINCIAL", "湖北", "荆州");
        // recorded by 武汉's supervisor for 荆州's customer manager: the record's unit is 荆州
        String id = record(w.wuhanSupervisor, localCm, customer);
        given().get("/api/v1/service-records/" + id).then().body("unitId", equalTo(jingzhou));
        for (String person : List.of(localCm, w.wuhanHandler, hubeiController, w.cm)) {
            seesRecord(person, id, customer);
        }
        for (String person : List.of(w.yichangHandler, xiangyangHandler, sichuanController)) {
            doesNotSeeRecord(person, id, customer);
        }
        // its timer: its own unit is 荆州, so 武汉 (the creator's unit) sees it through the record
        String timer = given().get("/api/v1/service-records/" + id + "/timers").then().extract().path("[0].id");
        for (String person : List.of(localCm, w.wuhanHandler, hubeiController)) {
            seesTimer(person, timer, id);
        }
        for (String person : List.of(w.yichangHandler, xiangyangHandler, sichuanController)) {
            doesNotSeeTimer(person, timer, id);
        }
    }

    @Test
    void serviceRecordRefusalsAboutTheActingPersonAre403AndAboutTheNamedAssignee422() {
        String customer = Fixtures.customer("PROVINCIAL", "湖北", "荆州");
        // the assignee is named in the body: a rule about them stays 422
        as(w.wuhanSupervisor).contentType(ContentType.JSON).body(Map.of("kind", "VISIT", "customerId", customer,
                        "assigneeId", xiangyangHandler, "title", "年度走访",
                        "dueAt", clock.instant().plus(Duration.ofDays(3)).toString()))
                .post("/api/v1/service-records").then().statusCode(422).body("code", equalTo("A3"));
        String id = record(w.wuhanSupervisor, localCm, customer);
        // another customer manager of the same unit is neither the assignee nor a supervisor: 403 A3
        String otherCm = Fixtures.person(jingzhou, "CUSTOMER_MANAGER");
        as(otherCm).contentType(ContentType.JSON).body(Map.of("outcome", "x"))
                .post("/api/v1/service-records/" + id + "/complete").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("A3"))
                .body("type", containsString("forbidden"));
        as(otherCm).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/service-records/" + id + "/cancel").then().statusCode(403).body("code", equalTo("A3"));
        as(localCm).contentType(ContentType.JSON).body(Map.of("outcome", "客户满意"))
                .post("/api/v1/service-records/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    // ---- assurance periods -------------------------------------------------------------------------------

    @Test
    void assurancePeriodsAreReadByEveryone() {
        String id = Fixtures.post("/api/v1/assurance-periods", Map.of("name", "2027 年春节保障",
                "startsAt", "2027-02-01T16:00:00Z", "endsAt", "2027-02-08T16:00:00Z", "reason", "春节"));
        for (String person : List.of(xiangyangHandler, localCm, sichuanController)) {
            as(person).get("/api/v1/assurance-periods/" + id).then().statusCode(200).body("id", equalTo(id));
            as(person).queryParam("at", "2027-02-03T00:00:00Z").queryParam("limit", 200)
                    .get("/api/v1/assurance-periods").then().statusCode(200).body("id", hasItem(id));
        }
    }
}
