package cn.onepoint.presales;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.onepoint.presales.PresalesWorld.answer;
import static cn.onepoint.presales.PresalesWorld.get;
import static cn.onepoint.presales.PresalesWorld.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** S4: the pre-sales steps of a project, in order, and the rules that hold a step back. */
@QuarkusTest
class ProjectTest {

    @Inject
    Pool pool;

    PresalesWorld w;

    @BeforeEach
    void world() {
        w = PresalesWorld.get();
    }

    private static io.restassured.response.ValidatableResponse step(String project, String step, String person) {
        return post("projects/" + project + "/steps", Map.of("step", step, "personId", person));
    }

    private void confirmDocument(String project) {
        post("projects/" + project + "/requirement-document", Map.of("personId", w.customerEngineer,
                "reference", "需求书 V2", "summary", "组网：星型；工期：3 个月", "customerConfirmed", true,
                "customerContact", "王经理")).statusCode(200);
    }

    @Test
    void theStepsGoInTheManualsOrder() {
        String p = post("projects", Map.of("name", "全省视频专网", "customerId", w.customer, "personId", w.customerEngineer,
                "customerManagerId", w.customerManager, "description", "ICT 项目")).statusCode(201)
                .body("number", startsWith("PJ")).body("step", equalTo("intake"))
                .body("allowedActions", contains("requirementSurvey", "cancelled"))
                .extract().path("id");
        // Skipping ahead is a state conflict naming where the project is and what it may do.
        step(p, "technicalSolution", w.customerEngineer).statusCode(409).body("code", equalTo("STATE_CONFLICT"))
                .body("state", equalTo("intake")).body("allowedActions", contains("requirementSurvey", "cancelled"));
        post("projects/" + p + "/requirement-document", Map.of("personId", w.customerEngineer, "reference", "需求书",
                "customerConfirmed", false)).statusCode(409).body("state", equalTo("intake"));

        step(p, "requirementSurvey", w.customerEngineer).statusCode(200).body("step", equalTo("requirementSurvey"))
                .body("allowedActions", contains("requirement-document", "issueManagement", "cancelled"));
        // S4: the survey ends with the requirement document confirmed by the customer.
        step(p, "issueManagement", w.customerEngineer).statusCode(422).body("code", equalTo("S4"));
        post("projects/" + p + "/requirement-document", Map.of("personId", w.customerEngineer, "reference", "需求书 V1",
                "customerConfirmed", false)).statusCode(200)
                .body("requirementDocument.customerConfirmed", equalTo(false))
                .body("requirementDocument.confirmedAt", nullValue());
        step(p, "issueManagement", w.customerEngineer).statusCode(422).body("code", equalTo("S4"));
        post("projects/" + p + "/requirement-document", Map.of("personId", w.customerEngineer, "reference", "需求书 V2",
                "customerConfirmed", true)).statusCode(400).body("errors.field", contains("customerContact"));
        confirmDocument(p);
        get("projects/" + p).body("requirementDocument.customerConfirmed", equalTo(true))
                .body("requirementDocument.customerContact", equalTo("王经理"))
                .body("requirementDocument.confirmedAt", notNullValue());
        step(p, "issueManagement", w.customerEngineer).statusCode(200);
        step(p, "contractSupport", w.chiefCustomerEngineer).statusCode(200);
        step(p, "resourceCheck", w.customerEngineer).statusCode(200);

        // S4: no technical solution before the resource check has passed: no requirement order yet,
        step(p, "technicalSolution", w.customerEngineer).statusCode(422).body("code", equalTo("S4"))
                .body("detail", containsString("尚无业务需求单"));
        Map<String, Object> body = w.requirement("ORDER", "2027-06-30");
        body.put("projectId", p);
        String rq = post("requirements", body).statusCode(201).extract().path("id");
        String number = get("requirements/" + rq).extract().path("number");
        // one still being checked,
        given().header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("step", "technicalSolution", "personId", w.customerEngineer))
                .post("/api/v1/projects/" + p + "/steps").then().statusCode(422).body("code", equalTo("S4"))
                .body("detail", containsString(number + " checking"));
        // or one answered NOT_AVAILABLE after its second check.
        answer(rq, "A_ACCESS", 1, w.wuhanChecker, "AVAILABLE").statusCode(200);
        answer(rq, "BACKBONE", 1, w.backboneChecker, "AVAILABLE").statusCode(200);
        answer(rq, "Z_ACCESS", 1, w.yichangChecker, "NOT_AVAILABLE").statusCode(200);
        answer(rq, "Z_ACCESS", 2, w.customerEngineer, "NOT_AVAILABLE").statusCode(200).body("result",
                equalTo("NOT_AVAILABLE"));
        step(p, "technicalSolution", w.customerEngineer).statusCode(422).body("detail", containsString("NOT_AVAILABLE"));
        // Withdrawn, it no longer counts; a new one answered AVAILABLE passes.
        post("requirements/" + rq + "/cancel", Map.of("personId", w.customerManager)).statusCode(200);
        Map<String, Object> again = w.requirement("ORDER", "2027-06-30");
        again.put("projectId", p);
        w.answered(again);
        step(p, "technicalSolution", w.customerEngineer).statusCode(200).body("step", equalTo("technicalSolution"));
        step(p, "completed", w.chiefCustomerEngineer).statusCode(200).body("step", equalTo("completed"))
                .body("completedAt", notNullValue()).body("allowedActions", empty());
        post("projects/" + p + "/steps", Map.of("step", "cancelled", "personId", w.chiefCustomerEngineer, "note", "x"))
                .statusCode(409).body("state", equalTo("completed"))
                .body("allowedActions", empty());

        get("projects/" + p + "/history").statusCode(200)
                .body("action", contains("create", "requirementSurvey", "requirement-document", "requirement-document",
                        "issueManagement", "contractSupport", "resourceCheck", "technicalSolution", "completed"))
                .body("[4].fromState", equalTo("requirementSurvey")).body("[4].toState", equalTo("issueManagement"));
        List<String> events = PresalesWorld.events(pool, "presales", p);
        assertEquals("ProjectCreateEvent", events.get(0));
        assertEquals(6, events.stream().filter("ProjectStateChangeEvent"::equals).count(), events::toString);
        assertEquals(2, events.stream().filter("ProjectAttributeValueChangeEvent"::equals).count(), events::toString);
    }

    @Test
    void theCustomerEngineerTeamCarriesTheSteps() {
        // S4: intake by a (chief) customer engineer for a (chief) customer manager.
        // The caller not an engineer: 403 (who may); the customer manager the body names not one: 422.
        post("projects", Map.of("name", "x", "customerId", w.customer, "personId", w.handler,
                "customerManagerId", w.customerManager)).statusCode(403).body("code", equalTo("S4"))
                .body("detail", containsString("CUSTOMER_ENGINEER"));
        post("projects", Map.of("name", "x", "customerId", w.customer, "personId", w.customerEngineer,
                "customerManagerId", w.projectManager)).statusCode(422).body("code", equalTo("S4"));
        String p = w.project();
        step(p, "requirementSurvey", w.customerManager).statusCode(403).body("code", equalTo("S4"));
        get("projects/" + p).body("step", equalTo("intake"));
        // A cancellation needs its reason.
        step(p, "cancelled", w.customerEngineer).statusCode(400).body("errors.field", contains("note"));
        post("projects/" + p + "/steps", Map.of("step", "cancelled", "personId", w.customerEngineer, "note", "客户放弃"))
                .statusCode(200).body("step", equalTo("cancelled")).body("cancelledAt", notNullValue());
    }

    @Test
    void badInputIsNamedAtOnceAndListsFilter() {
        post("projects", Map.of("personId", w.customerEngineer)).statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "customerId", "customerManagerId"));
        String nobody = "00000000-0000-0000-0000-000000000000";
        post("projects", Map.of("name", "x", "customerId", nobody, "personId", w.customerEngineer,
                "customerManagerId", "bad"))
                .statusCode(400).body("errors.field", containsInAnyOrder("customerId", "customerManagerId"));
        // an actor the directory does not know has no token that works
        post("projects", Map.of("name", "x", "customerId", w.customer, "personId", nobody,
                "customerManagerId", w.customerEngineer)).statusCode(403).body("code", equalTo("AUTH-PERSON"));
        String p = w.project();
        post("projects/" + p + "/steps", Map.of("step", "launch", "personId", w.customerEngineer)).statusCode(400)
                .body("errors.field", contains("step"));
        given().queryParam("customerId", w.customer).queryParam("step", "intake").queryParam("limit", 500)
                .get("/api/v1/projects").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(p))
                .header("X-Total-Count", notNullValue());
        given().queryParam("step", "flying").queryParam("customerId", "x").get("/api/v1/projects").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("step", "customerId"));
        given().header("If-Match", "\"99\"").contentType("application/json")
                .body(Map.of("step", "requirementSurvey", "personId", w.customerEngineer))
                .post("/api/v1/projects/" + p + "/steps").then().statusCode(412);
        get("projects/" + p).header("ETag", equalTo("\"0\""));
        get("projects/00000000-0000-0000-0000-000000000000").statusCode(404);
    }
}
