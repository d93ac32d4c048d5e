package cn.onepoint.order;

import cn.onepoint.MutableClock;
import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identical order commands sent at once: one is applied, the others are told the new state. */
@QuarkusTest
class OrderRacesTest {

    private static final int N = 8;

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    OrderWorld w;

    @BeforeEach
    void world() {
        w = OrderWorld.get();
        clock.setTo(OrderWorld.local("2026-11-02T09:00"));
    }

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    @Test
    void ofEightApprovalsAtOnceOneWinsAndOneSurveyTimerRuns() throws Exception {
        String id = OrderWorld.create(w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18")).statusCode(201)
                .extract().path("id");
        var answers = Races.post(N, "/api/v1/orders/" + id + "/review", w.approve());
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        UUID order = UUID.fromString(id);
        assertEquals(1, Races.applied(pool, "service_order_history", "order_id", order, "review"));
        assertEquals(0, Races.secondOpenTimers(pool, order));
    }

    @Test
    void ofEightSurveysAtOnceOneMovesTheOrderToPlanning() throws Exception {
        String id = w.approved(w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18"));
        OrderWorld.post(id, "project-manager", Map.of("personId", w.reviewer, "projectManagerId", w.projectManager))
                .statusCode(200);
        var answers = Races.post(N, "/api/v1/orders/" + id + "/survey",
                Map.of("personId", w.projectManager, "summary", "资源具备"));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        UUID order = UUID.fromString(id);
        assertEquals(1, Races.applied(pool, "service_order_history", "order_id", order, "survey"));
        assertEquals(1, Races.count(pool, "select count(*) from timer where subject_id = $1 and kind = 'PLAN' "
                + "and state in ('running', 'paused')", order));
    }

    @Test
    void sixteenOrdersTakenAtOnceGetSixteenNumbers() throws Exception {
        var answers = Races.post(16, "/api/v1/orders", w.body(w.dataWuhanYichang, "DATA_CIRCUIT", "2026-12-18"));
        List<String> numbers = answers.stream().map(a -> {
            assertEquals(201, a.statusCode(), a.asString());
            return a.<String>path("number");
        }).toList();
        assertEquals(16, new HashSet<>(numbers).size(), "distinct numbers: " + numbers);
    }
}
