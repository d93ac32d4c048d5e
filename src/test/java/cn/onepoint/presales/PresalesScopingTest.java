package cn.onepoint.presales;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import cn.onepoint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.onepoint.presales.PresalesWorld.checkOf;
import static cn.onepoint.presales.PresalesWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Pre-sales records are seen by the units they involve, those units' provinces and the group (docs/security.md,
 * "Scoping"); to anyone else a record, its sub-resources and its timers are 404, and lists leave it out. Who may act
 * is the token's person: a refusal about them is 403 naming the rule, one about a person the body names stays 422.
 */
@QuarkusTest
class PresalesScopingTest {

    private static final String API = "/api/v1/";

    @Inject
    MutableClock clock;

    private PresalesWorld w;
    /** 襄阳, a local network of 湖北 that none of these records involves. */
    private static String xiangyangHandler;
    /** Of 湖北's provincial unit. */
    private static String hubeiHandler;
    /** Of 四川's provincial unit, and an engineer of 成都, a local network of 四川. */
    private static String sichuanHandler, chengduEngineer;
    /** Fresh per test: the customer manager and engineer whose records the lists are filtered by. */
    private String cm, ce;

    @BeforeEach
    void world() {
        w = PresalesWorld.get();
        if (xiangyangHandler == null) {
            xiangyangHandler = Fixtures.person(Fixtures.unit("LOCAL", "HANDLING", "湖北", "襄阳", w.hubei), "HANDLER");
            hubeiHandler = Fixtures.person(w.hubei, "HANDLER");
            String sichuan = Fixtures.unit("PROVINCE", "CONTROL_DESK", "四川", "成都", null);
            sichuanHandler = Fixtures.person(sichuan, "HANDLER");
            chengduEngineer = Fixtures.person(Fixtures.unit("LOCAL", "HANDLING", "四川", "成都", sichuan),
                    "CUSTOMER_ENGINEER");
        }
        cm = Fixtures.person(w.wuhan, "CUSTOMER_MANAGER");
        ce = Fixtures.person(w.wuhan, "CUSTOMER_ENGINEER");
    }

    private static RequestSpecification as(String person) {
        return given().header("Authorization", Tokens.bearerForPerson(person));
    }

    private static ValidatableResponse postAs(String person, String path, Object body) {
        return as(person).contentType(ContentType.JSON).body(body).post(API + path).then();
    }

    /** The record, each sub-resource, and the record in the list. */
    private static void sees(String person, String record, List<String> subs, String list, String id) {
        as(person).get(API + record).then().statusCode(200).body("id", equalTo(id));
        for (String sub : subs) {
            as(person).get(API + record + "/" + sub).then().statusCode(200);
        }
        as(person).get(API + list).then().statusCode(200).body("id", hasItem(id));
    }

    /** 404 for the record and each sub-resource, and the list without it. */
    private static void doesNotSee(String person, String record, List<String> subs, String list, String id) {
        as(person).get(API + record).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        for (String sub : subs) {
            as(person).get(API + record + "/" + sub).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        as(person).get(API + list).then().statusCode(200).body("id", not(hasItem(id)));
    }

    /** The subject's timers in /timers, listed by subject and one by one. */
    private static void seesTimers(String person, String subjectId, List<String> timers) {
        as(person).queryParam("subjectId", subjectId).get(API + "timers").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(timers.size())).body("id", equalTo(timers));
        for (String t : timers) {
            as(person).get(API + "timers/" + t).then().statusCode(200).body("id", equalTo(t));
        }
    }

    private static void doesNotSeeTimers(String person, String subjectId, List<String> timers) {
        as(person).queryParam("subjectId", subjectId).get(API + "timers").then().statusCode(200)
                .header("X-Total-Count", "0").body("$", empty());
        for (String t : timers) {
            as(person).get(API + "timers/" + t).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            as(person).get(API + "timers/" + t + "/escalations").then().statusCode(404);
        }
    }

    private String requiredDate() {
        return LocalDate.ofInstant(clock.instant(), PresalesWorld.SHANGHAI).plusMonths(6).toString();
    }

    /** A requirement of 武汉 alone (one A-end check), issued by this test's customer manager. */
    private Map<String, Object> wuhanOnly() {
        Map<String, Object> b = w.requirement("QUERY", requiredDate());
        b.put("requestedBy", cm);
        b.remove("zEnd");
        b.remove("backboneUnitId");
        return b;
    }

    private static List<String> timersOf(String record) {
        List<String> ids = given().get(API + record + "/timers").then().statusCode(200).extract().path("id");
        assertFalse(ids.isEmpty(), record + " runs a timer");
        return ids;
    }

    @Test
    void aRequirementAndItsValidityTimerAreSeenByTheUnitsItInvolvesAndTheirProvince() {
        String rq = post("requirements", wuhanOnly()).statusCode(201).extract().path("id");
        PresalesWorld.answer(rq, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(200)
                .body("status", equalTo("answered"));
        String record = "requirements/" + rq;
        List<String> subs = List.of("resource-checks", "history", "timers");
        String list = "requirements?requestedBy=" + cm;
        List<String> timers = timersOf(record);

        for (String person : List.of(w.wuhanChecker, cm, hubeiHandler)) {
            sees(person, record, subs, list, rq);
            seesTimers(person, rq, timers);
        }
        for (String person : List.of(w.yichangChecker, xiangyangHandler, sichuanHandler, chengduEngineer)) {
            doesNotSee(person, record, subs, list, rq);
            doesNotSeeTimers(person, rq, timers);
        }
        // The list's count is the scoped one.
        as(w.yichangChecker).get(API + list).then().header("X-Total-Count", "0");
        as(w.wuhanChecker).get(API + list).then().header("X-Total-Count", "1");

        // The other end's unit sees a requirement 武汉–宜昌; 襄阳 still does not.
        Map<String, Object> both = w.requirement("QUERY", requiredDate());
        both.put("requestedBy", cm);
        both.remove("backboneUnitId");
        String rq2 = post("requirements", both).statusCode(201).extract().path("id");
        sees(w.yichangChecker, "requirements/" + rq2, subs, list, rq2);
        doesNotSee(xiangyangHandler, "requirements/" + rq2, subs, list, rq2);
    }

    @Test
    void aProjectsRequirementIsSeenByTheProjectsEngineer() {
        // 成都's engineer carries a project for 武汉's customer manager: the project's requirement orders are theirs too.
        String p = post("projects", Map.of("name", "跨省专线", "customerId", w.customer, "personId", chengduEngineer,
                "customerManagerId", cm)).statusCode(201).extract().path("id");
        Map<String, Object> b = wuhanOnly();
        b.put("projectId", p);
        String rq = post("requirements", b).statusCode(201).extract().path("id");
        String list = "requirements?projectId=" + p;
        sees(chengduEngineer, "requirements/" + rq, List.of("resource-checks"), list, rq);
        sees(sichuanHandler, "requirements/" + rq, List.of("resource-checks"), list, rq);
        doesNotSee(xiangyangHandler, "requirements/" + rq, List.of("resource-checks"), list, rq);
        sees(chengduEngineer, "projects/" + p, List.of("history"), "projects?customerEngineerId=" + chengduEngineer, p);
    }

    @Test
    void aProjectAndItsIssueItemsAreSeenByItsPeopleItsRequirementsUnitsAndItsOwners() {
        String p = post("projects", Map.of("name", "全市视频专网", "customerId", w.customer, "personId", ce,
                "customerManagerId", cm)).statusCode(201).extract().path("id");
        String project = "projects/" + p;
        String projects = "projects?customerEngineerId=" + ce;
        String issues = project + "/issues";
        String item = post(issues, issue(ce)).statusCode(201).extract().path("id");
        String record = issues + "/" + item;
        List<String> subs = List.of("history", "timers");
        List<String> timers = timersOf(record);

        // Its engineer and customer manager are of 武汉.
        for (String person : List.of(w.wuhanChecker, ce, hubeiHandler)) {
            sees(person, project, List.of("history"), projects, p);
            sees(person, record, subs, issues, item);
            seesTimers(person, item, timers);
        }
        for (String person : List.of(w.yichangChecker, xiangyangHandler, sichuanHandler)) {
            doesNotSee(person, project, List.of("history"), projects, p);
            doesNotSee(person, record, subs, projects, item);
            as(person).get(API + issues).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            doesNotSeeTimers(person, item, timers);
        }

        // A requirement order of the project reaching 宜昌 brings 宜昌 into it.
        Map<String, Object> rq = w.requirement("QUERY", requiredDate());
        rq.put("requestedBy", cm);
        rq.put("projectId", p);
        rq.remove("backboneUnitId");
        post("requirements", rq).statusCode(201);
        sees(w.yichangChecker, project, List.of("history"), projects, p);
        sees(w.yichangChecker, record, subs, issues, item);
        seesTimers(w.yichangChecker, item, timers);

        // S3: an item's owner works the table with the project group, from wherever they are.
        String owned = post(issues, issue(xiangyangHandler)).statusCode(201).extract().path("id");
        sees(xiangyangHandler, project, List.of("history"), projects, p);
        sees(xiangyangHandler, issues + "/" + owned, subs, issues, owned);
        sees(xiangyangHandler, record, subs, issues, item);
        doesNotSee(sichuanHandler, issues + "/" + owned, subs, projects, owned);
    }

    private Map<String, Object> issue(String owner) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", ce);
        b.put("description", "汇聚机房空间不足");
        b.put("target", "协调机房扩容");
        b.put("dueAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3)).toString());
        b.put("ownerId", owner);
        return b;
    }

    private Map<String, Object> node(String unit, String cce) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", cce);
        b.put("code", Fixtures.uniq("SC-NODE"));
        b.put("name", "汇聚局 GE 端口");
        b.put("unitId", unit);
        b.put("station", "汇聚局");
        b.put("resourceType", "GE_PORT");
        b.put("threshold", 10);
        b.put("free", 4);
        b.put("cceId", cce);
        b.put("chiefCmId", w.chiefCustomerManager);
        return b;
    }

    private static String buildRequestOf(String node) {
        List<String> ids = given().queryParam("nodeId", node).get(API + "build-requests").then().statusCode(200)
                .extract().path("id");
        assertEquals(1, ids.size(), "below its threshold the node raised a build request");
        return ids.get(0);
    }

    @Test
    void aResourceNodeAndItsBuildRequestAreSeenByTheNodesUnitAndItsProvince() {
        String n = post("resource-nodes", node(w.wuhan, w.chiefCustomerEngineer)).statusCode(201).extract().path("id");
        String br = buildRequestOf(n);
        String record = "resource-nodes/" + n;
        List<String> subs = List.of("history", "notifications");
        String nodes = "resource-nodes?unitId=" + w.wuhan + "&sort=-createdAt&limit=200";
        String requests = "build-requests?nodeId=" + n;

        for (String person : List.of(w.wuhanChecker, hubeiHandler, w.chiefCustomerManager)) {
            sees(person, record, subs, nodes, n);
            sees(person, "build-requests/" + br, List.of(), requests, br);
        }
        for (String person : List.of(w.yichangChecker, xiangyangHandler, sichuanHandler, chengduEngineer)) {
            doesNotSee(person, record, subs, nodes, n);
            doesNotSee(person, "build-requests/" + br, List.of(), requests, br);
            as(person).get(API + "build-requests?limit=200").then().statusCode(200).body("id", not(hasItem(br)));
        }
    }

    @Test
    void aNodesEngineerSeesItFromTheirOwnUnit() {
        // 宜昌's node, watched by 成都's engineer (S2: the engineer who warns).
        String n = post("resource-nodes", node(w.yichang, chengduEngineer)).statusCode(201).extract().path("id");
        String br = buildRequestOf(n);
        String nodes = "resource-nodes?unitId=" + w.yichang + "&sort=-createdAt&limit=200";
        for (String person : List.of(w.yichangChecker, chengduEngineer, sichuanHandler)) {
            sees(person, "resource-nodes/" + n, List.of("history"), nodes, n);
            sees(person, "build-requests/" + br, List.of(), "build-requests?nodeId=" + n, br);
        }
        doesNotSee(w.wuhanChecker, "resource-nodes/" + n, List.of("history"), nodes, n);
        doesNotSee(xiangyangHandler, "build-requests/" + br, List.of(), "build-requests?nodeId=" + n, br);
    }

    // ---- who may: the token's person ------------------------------------------------------------------

    private static void forbidden(ValidatableResponse r, String rule) {
        r.statusCode(403).contentType("application/problem+json").body("code", equalTo(rule));
    }

    @Test
    void whoMayRefusalsAboutTheCallerAre403NamingTheRule() {
        // S1: only a (chief) customer manager issues; the body names nobody, the token is the actor.
        Map<String, Object> noActor = wuhanOnly();
        noActor.remove("requestedBy");
        forbidden(postAs(w.handler, "requirements", noActor), "S1");
        String rq = postAs(cm, "requirements", noActor).statusCode(201).body("requestedBy", equalTo(cm))
                .extract().path("id");
        String check = "requirements/" + rq + "/resource-checks/" + checkOf(rq, "A_ACCESS", 1) + "/answer";
        // S1: round 1 is answered by the segment's unit.
        forbidden(postAs(w.yichangChecker, check, Map.of("answer", "NOT_AVAILABLE")), "S1");
        postAs(w.wuhanChecker, check, Map.of("answer", "NOT_AVAILABLE")).statusCode(200)
                .body("status", equalTo("secondCheck"));
        // S1: round 2 by a (chief) customer engineer or project manager.
        String second = "requirements/" + rq + "/resource-checks/" + checkOf(rq, "A_ACCESS", 2) + "/answer";
        forbidden(postAs(w.wuhanChecker, second, Map.of("answer", "AVAILABLE")), "S1");
        // S1: only the customer manager who issued it withdraws it.
        forbidden(postAs(w.customerManager, "requirements/" + rq + "/cancel", Map.of()), "S1");
        postAs(cm, "requirements/" + rq + "/cancel", Map.of()).statusCode(200).body("status", equalTo("cancelled"));

        // S4: a (chief) customer engineer takes the project on and carries its steps; the customer manager the body
        // names is not the caller, and not being one stays 422.
        Map<String, Object> project = Map.of("name", "x", "customerId", w.customer, "customerManagerId", cm);
        forbidden(postAs(w.handler, "projects", project), "S4");
        postAs(ce, "projects", Map.of("name", "x", "customerId", w.customer, "customerManagerId", w.handler))
                .statusCode(422).body("code", equalTo("S4"));
        String p = postAs(ce, "projects", project).statusCode(201).extract().path("id");
        forbidden(postAs(cm, "projects/" + p + "/steps", Map.of("step", "requirementSurvey")), "S4");

        // S3: a (chief) customer engineer keeps the table, an owner reports on their own item.
        Map<String, Object> item = issue(ce);
        item.remove("personId");
        forbidden(postAs(w.handler, "projects/" + p + "/issues", item), "S3");
        String i = postAs(ce, "projects/" + p + "/issues", item).statusCode(201).extract().path("id");
        forbidden(as(w.handler).contentType(ContentType.JSON).body(Map.of("status", "inProgress"))
                .patch(API + "projects/" + p + "/issues/" + i).then(), "S3");

        // S2: the build request's own unit closes it; a node's engineer the body names not being one stays 422.
        Map<String, Object> notEngineer = node(w.wuhan, w.chiefCustomerEngineer);
        notEngineer.put("cceId", w.handler);
        post("resource-nodes", notEngineer).statusCode(422).body("code", equalTo("S2"));
        String n = post("resource-nodes", node(w.wuhan, w.chiefCustomerEngineer)).statusCode(201).extract().path("id");
        String br = buildRequestOf(n);
        forbidden(postAs(w.yichangChecker, "build-requests/" + br + "/close", Map.of("outcome", "x")), "S2");
        postAs(w.wuhanNetworkDevelopment, "build-requests/" + br + "/close", Map.of("outcome", "已扩容"))
                .statusCode(200).body("status", equalTo("CLOSED"));
    }
}
