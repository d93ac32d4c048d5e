package cn.onepoint.workorder;

import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onepoint.workorder.CrossDomainWorld.idOf;
import static cn.onepoint.workorder.CrossDomainWorld.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identical cross-domain work-order actions sent at once: one is applied, the others are told the new state. */
@QuarkusTest
class CrossDomainRacesTest {

    private static final int N = 8;

    @Inject
    Pool pool;

    /** Due dates from the service's clock: earlier tests may have moved it past real time. */
    @Inject
    java.time.Clock clock;

    CrossDomainWorld w;

    @BeforeEach
    void world() {
        w = CrossDomainWorld.get();
    }

    @Test
    void ofEightCancelsOfOneRequestAtOnceOneWithdrawsIt() throws Exception {
        String request = w.request(clock.instant().plus(Duration.ofDays(3)));
        w.dispatch(request, List.of(task(w.chengdu, null)));
        var answers = Races.post(N, "/api/v1/work-orders/" + request + "/cancel",
                Map.of("personId", w.engineer, "note", "客户取消需求"));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        UUID id = UUID.fromString(request);
        assertEquals(1, Races.applied(pool, "work_order_history", "work_order_id", id, "cancel"));
        assertEquals(0, Races.count(pool, "select count(*) from timer where subject_id = $1 "
                + "and state in ('running', 'paused')", id));
    }

    @Test
    void ofEightAcceptsOfOneTaskAtOnceOneWins() throws Exception {
        String request = w.request(clock.instant().plus(Duration.ofDays(3)));
        String task = idOf(w.dispatch(request, List.of(task(w.chengdu, null))), w.chengdu);
        var answers = Races.post(N, "/api/v1/work-orders/" + task + "/accept", Map.of("personId", w.chengduHandler));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        assertEquals(1, Races.applied(pool, "work_order_history", "work_order_id", task, "accept"));
    }
}
