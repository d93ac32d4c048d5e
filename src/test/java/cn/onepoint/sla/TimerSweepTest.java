package cn.onepoint.sla;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static cn.onepoint.sla.SlaTestSupport.await;
import static cn.onepoint.sla.SlaTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep's exactly-once promise: racing sweepers, a sweeper dying before commit, downtime. */
@QuarkusTest
@TestProfile(ManualSweepProfile.class)
class TimerSweepTest {

    @Inject
    TimerService timers;
    @Inject
    TimerSweep sweep;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    /** Starts {@code n} timers due at {@code due}, tagged by a unique province so the test can count its own. */
    private String startMany(int n, Instant due) {
        String tag = Fixtures.uniq("P");
        await(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < n; i++) {
                chain = chain.chain(() -> timers.start(TimerSpec.of(TimerKind.ACCEPT, SubjectType.WORK_ORDER,
                        UUID.randomUUID()).withDueAt(due).withScope(null, null, tag)).replaceWithVoid());
            }
            return chain;
        });
        return tag;
    }

    private long breachRows(String tag) {
        return count(pool, "select count(*) from timer_breach where province = $1", tag);
    }

    private long breachEvents(String tag) {
        return count(pool, "select count(*) from event_outbox where province = $1 and event_type = 'TimerBreachEvent'", tag);
    }

    private long inState(String tag, String state) {
        return count(pool, "select count(*) from timer where province = $1 and state = $2", tag, state);
    }

    @Test
    void twoSweepersRacingOnTheSameDueTimersBreachEachExactlyOnce() {
        String tag = startMany(200, clock.instant().plusSeconds(5));
        clock.advance(Duration.ofMinutes(1));

        var results = Uni.combine().all().unis(sweep.sweepOnce(), sweep.sweepOnce()).asTuple()
                .await().atMost(Duration.ofSeconds(60));

        assertTrue(results.getItem1().breached() + results.getItem2().breached() >= 200);
        assertEquals(200, inState(tag, "breached"));
        assertEquals(200, breachRows(tag), "one breach row per timer");
        assertEquals(0, count(pool, "select count(*) from (select timer_id from timer_breach where province = $1"
                + " group by timer_id having count(*) > 1) d", tag));
        assertEquals(200, breachEvents(tag), "one outbox event per timer");
        assertEquals(200, count(pool, "select count(*) from escalation e join timer t on t.id = e.timer_id"
                + " where t.province = $1 and e.level = 1", tag), "one first escalation per timer");

        await(sweep::sweepOnce);
        assertEquals(200, breachRows(tag));
        assertEquals(200, breachEvents(tag));
    }

    @Test
    void rowsHeldByAnotherSweeperAreSkippedAndACrashBeforeCommitLeavesThemDue() {
        String tag = startMany(3, clock.instant().minusSeconds(1));
        var now = TimerService.micros(clock.instant()).atOffset(ZoneOffset.UTC);

        // A first sweeper claims the rows, then dies before committing: its transaction rolls back.
        RuntimeException crash = new IllegalStateException("sweeper killed before commit");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> pool.withTransaction(conn ->
                conn.preparedQuery(TimerSweep.CLAIM_BREACHES).execute(Tuple.of(now, 10_000))
                        // while it holds the row locks, a second sweeper runs and must skip them
                        .chain(claimed -> sweep.sweepOnce())
                        .chain(() -> pool.preparedQuery("select count(*) filter (where state = 'running'),"
                                        + " (select count(*) from timer_breach where province = $1) from timer where province = $1")
                                .execute(Tuple.of(tag)))
                        .invoke(rows -> {
                            var row = rows.iterator().next();
                            assertEquals(3, row.getLong(0), "a second sweeper skips locked rows");
                            assertEquals(0, row.getLong(1));
                        })
                        .chain(() -> Uni.createFrom().failure(crash))).await().indefinitely());
        assertEquals(crash, thrown);
        assertEquals(3, inState(tag, "running"), "nothing of the dead sweeper's work remains");
        assertEquals(0, breachEvents(tag));

        await(sweep::sweepOnce);
        assertEquals(3, inState(tag, "breached"));
        assertEquals(3, breachRows(tag));
        assertEquals(3, breachEvents(tag));
    }

    @Test
    void timerThatFellDueWhileTheServiceWasDownBreachesOnceOnTheNextSweep() {
        // created with a deadline already passed, before any sweep ran: as after a restart
        String tag = startMany(1, clock.instant().minus(Duration.ofHours(2)));
        assertEquals(1, inState(tag, "running"));

        SweepResult first = await(sweep::sweepOnce);
        assertTrue(first.breached() >= 1);
        await(sweep::sweepOnce);
        await(sweep::sweepOnce);

        assertEquals(1, inState(tag, "breached"));
        assertEquals(1, breachRows(tag));
        assertEquals(1, breachEvents(tag));
        assertEquals(0, count(pool, "select count(*) from event_outbox where province = $1"
                + " and event_type = 'TimerWarningEvent'", tag), "no warning after the deadline");
    }

    @Test
    void findingWhatIsDueUsesThePartialIndex() {
        // With few rows (and whatever other tests left in the shared database) the planner may prefer a scan, a
        // bitmap or another index plus a sort; forbid those to show that the partial index serves the sweep's query
        // in due order by itself. The benchmark (docs/performance.md) shows it at scale: 3 index pages per sweep.
        var plan = pool.withTransaction(conn -> conn.query("set local enable_seqscan = off").execute()
                        .chain(() -> conn.query("set local enable_bitmapscan = off").execute())
                        .chain(() -> conn.query("set local enable_sort = off").execute())
                        .chain(() -> conn.preparedQuery("explain select id from timer where state = 'running'"
                                        + " and due_at <= $1 order by due_at limit 500 for update skip locked")
                                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))))
                .await().indefinitely();
        StringBuilder text = new StringBuilder();
        plan.forEach(r -> text.append(r.getString(0)).append('\n'));
        assertTrue(text.toString().contains("timer_due_idx"), text.toString());
    }
}
