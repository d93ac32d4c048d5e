package cn.onepoint.sla;

import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Timers follow their subject's scope (docs/security.md, "Scoping"): whoever may see a ticket or work order sees its
 * timers, in the list, one by one and with their escalations; anyone else gets 404 and an empty list.
 */
@QuarkusTest
class TimerScopingTest {

    private World w;

    @BeforeEach
    void world() {
        w = World.get();
    }

    private static RequestSpecification as(String person) {
        return given().header("Authorization", Tokens.bearerForPerson(person));
    }

    private static List<String> timerIds(String subjectPath) {
        return given().get("/api/v1/" + subjectPath + "/timers").then().statusCode(200).extract().path("id");
    }

    private static void sees(String person, String subjectPath, String subjectId, List<String> timers) {
        as(person).get("/api/v1/" + subjectPath + "/timers").then().statusCode(200).body("id", equalTo(timers));
        as(person).queryParam("subjectId", subjectId).queryParam("limit", 200).get("/api/v1/timers")
                .then().statusCode(200).body("id", hasItem(timers.get(0)));
        as(person).get("/api/v1/timers/" + timers.get(0)).then().statusCode(200).body("id", equalTo(timers.get(0)));
        as(person).get("/api/v1/timers/" + timers.get(0) + "/escalations").then().statusCode(200);
    }

    private static void doesNotSee(String person, String subjectPath, String subjectId, List<String> timers) {
        as(person).get("/api/v1/" + subjectPath + "/timers").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(person).queryParam("subjectId", subjectId).get("/api/v1/timers").then().statusCode(200)
                .body("$", empty()).header("X-Total-Count", "0");
        for (String timer : timers) {
            as(person).get("/api/v1/timers/" + timer).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            as(person).get("/api/v1/timers/" + timer + "/escalations").then().statusCode(404);
        }
    }

    @Test
    void aTicketsTimersAreSeenByWhoeverSeesTheTicket() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        // before dispatch: the desk that took it and its province
        followsScope("tickets/" + t, t, List.of(w.hubeiAcceptor, w.hubeiReviewer),
                List.of(w.wuhanHandler, w.chengduHandler));
        World.dispatch(t, w.hubeiAcceptor);
        followsScope("tickets/" + t, t, List.of(w.wuhanHandler, w.yichangHandler, w.controller),
                List.of(w.chengduHandler, w.sichuanReviewer));
    }

    @Test
    void aWorkOrdersTimersAreSeenByItsUnitAndTheDeskNotByTheOtherEnd() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wuhan = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        // 宜昌 works the other end of the same ticket: it sees the ticket, not 武汉's work order
        followsScope("work-orders/" + wuhan, wuhan, List.of(w.wuhanHandler, w.hubeiAcceptor, w.hubeiReviewer),
                List.of(w.yichangHandler, w.chengduHandler, w.sichuanReviewer));
    }

    /** The subject's timers (it has some) are seen by each of {@code seeing} and by none of {@code notSeeing}. */
    private static void followsScope(String subjectPath, String subjectId, List<String> seeing, List<String> notSeeing) {
        List<String> timers = timerIds(subjectPath);
        org.junit.jupiter.api.Assertions.assertFalse(timers.isEmpty(), subjectPath + " runs timers");
        seeing.forEach(person -> sees(person, subjectPath, subjectId, timers));
        notSeeing.forEach(person -> doesNotSee(person, subjectPath, subjectId, timers));
    }

    @Test
    void theTimerListAndItsCountHoldOnlyWhatTheCallerMaySee() {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        World.dispatch(t, w.hubeiAcceptor);
        // the count a client pages by is the scoped one, not the table's
        long all = count(given().queryParam("subjectType", "TICKET"));
        long chengdu = count(as(w.chengduHandler).queryParam("subjectType", "TICKET"));
        long hubei = count(as(w.hubeiReviewer).queryParam("subjectType", "TICKET"));
        org.junit.jupiter.api.Assertions.assertTrue(chengdu < hubei && hubei <= all,
                "成都 counts " + chengdu + ", 湖北 " + hubei + " of " + all + " ticket timers");
        as(w.chengduHandler).queryParam("subjectType", "TICKET").queryParam("subjectId", t).get("/api/v1/timers")
                .then().statusCode(200).header("X-Total-Count", "0");
        as(w.hubeiReviewer).queryParam("subjectType", "TICKET").queryParam("subjectId", t).get("/api/v1/timers")
                .then().statusCode(200).body("subject.id", everyItem(equalTo(t))).body("$", not(empty()));
    }

    private static long count(RequestSpecification request) {
        return Long.parseLong(request.queryParam("limit", 1).get("/api/v1/timers").then().statusCode(200)
                .header("X-Total-Count", notNullValue()).extract().header("X-Total-Count"));
    }
}
