package cn.onepoint.cutover;

import cn.onepoint.MutableClock;
import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Eight announcements of one cutover at once: the customers are told once. */
@QuarkusTest
class CutoverRacesTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    @Test
    void ofEightAnnouncementsAtOnceOneTellsTheCustomers() throws Exception {
        CutoverWorld w = CutoverWorld.get();
        CutoverWorld.Scene s = w.scene();
        Instant start = clock.instant().plus(Duration.ofHours(73));
        String id = CutoverWorld.create(w.body(start, start.plus(Duration.ofHours(4)), List.of(s.a1(), s.b1())))
                .statusCode(201).extract().path("id");
        var answers = Races.post(8, "/api/v1/cutovers/" + id + "/announce", Map.of("personId", w.wuhanSupervisor));
        Races.oneWins(answers, 409, "STATE_CONFLICT");
        assertEquals(1, Races.applied(pool, "cutover_history", "cutover_id", id, "announce"));
        assertEquals(0, Races.secondOpenTimers(pool, id));
    }
}
