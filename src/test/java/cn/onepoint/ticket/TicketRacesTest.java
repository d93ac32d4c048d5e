package cn.onepoint.ticket;

import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identical ticket and work-order commands sent at once: one is applied, the others are told the new state. */
@QuarkusTest
class TicketRacesTest {

    private static final int N = 8;

    World w;

    @Inject
    Pool pool;

    @BeforeEach
    void world() {
        w = World.get();
    }

    @Test
    void ofEightAcceptsAtOnceOneWinsAndTheOthersGetTheStateConflict() throws Exception {
        String t = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
        var answers = Races.post(N, "/api/v1/tickets/" + t + "/accept", Map.of("personId", w.hubeiAcceptor));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        given().get("/api/v1/tickets/" + t).then().body("responsiblePersonId", equalTo(w.hubeiAcceptor));
        UUID id = UUID.fromString(t);
        assertEquals(1, Races.applied(pool, "ticket_history", "ticket_id", id, "accept"));
        // One open timer of each kind: no second T6/T7 clock was started by a loser.
        assertEquals(0, Races.secondOpenTimers(pool, id));
        assertEquals(1, Races.count(pool, "select count(*) from timer where subject_id = $1 and kind = 'RESOLUTION' "
                + "and state in ('running', 'paused')", id));
    }

    @Test
    void ofEightDispatchesAtOnceOneCreatesTheWorkOrders() throws Exception {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        var answers = Races.post(N, "/api/v1/tickets/" + t + "/dispatches", Map.of("personId", w.hubeiAcceptor));
        // What a second dispatch gets when it comes after the first: both ends are dispatched already (T16).
        Races.oneWins(answers, 422, "T16");
        assertEquals(2, Races.count(pool, "select count(*) from work_order where subject_id = $1", UUID.fromString(t)));
    }

    @Test
    void ofEightAcceptsOfOneWorkOrderAtOnceOneWins() throws Exception {
        String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String wo = World.woOf(World.dispatch(t, w.hubeiAcceptor), w.wuhan);
        var answers = Races.post(N, "/api/v1/work-orders/" + wo + "/accept", Map.of("personId", w.wuhanHandler));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        UUID id = UUID.fromString(wo);
        assertEquals(1, Races.applied(pool, "work_order_history", "work_order_id", id, "accept"));
        assertEquals(0, Races.secondOpenTimers(pool, id));
    }
}
