package cn.onepoint.sla;

import cn.onepoint.MutableClock;
import cn.onepoint.common.DomainException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.onepoint.sla.SlaTestSupport.await;
import static cn.onepoint.sla.SlaTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(ManualSweepProfile.class)
class TimerServiceTest {

    @Inject
    TimerService timers;
    @Inject
    TimerSweep sweep;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    SlaPolicy policy;

    private Timer timer(UUID id) {
        return await(() -> timers.timer(id));
    }

    private long events(UUID subject, String type) {
        return count(pool, "select count(*) from event_outbox where topic = 'timers' and subject_id = $1 and event_type = $2",
                subject, type);
    }

    @Test
    void warnsAtEightyPercentThenBreachesAtDueOnce() {
        UUID ticket = UUID.randomUUID();
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket)
                .withLimit(Duration.ofHours(4))));
        assertEquals("T5", t.rule);
        assertEquals(Duration.ofHours(4), Duration.between(t.startedAt, t.dueAt));
        assertEquals(Duration.ofMinutes(192), Duration.between(t.startedAt, t.warnAt)); // 80 % of 4 h

        clock.advance(Duration.ofMinutes(191));
        await(sweep::sweepOnce);
        assertNull(timer(t.id).warnedAt, "not yet at 80 %");

        clock.advance(Duration.ofMinutes(2));
        await(sweep::sweepOnce);
        Timer warned = timer(t.id);
        assertNotNull(warned.warnedAt);
        assertEquals(TimerState.running, warned.state);
        assertEquals(1, events(ticket, "TimerWarningEvent"));

        clock.advance(Duration.ofMinutes(48));
        await(sweep::sweepOnce);
        await(sweep::sweepOnce);
        Timer breached = timer(t.id);
        assertEquals(TimerState.breached, breached.state);
        assertNotNull(breached.breachedAt);
        assertTrue(!breached.breachedAt.isBefore(breached.dueAt));
        assertEquals(1, count(pool, "select count(*) from timer_breach where timer_id = $1", t.id));
        assertEquals(1, events(ticket, "TimerBreachEvent"));
        assertEquals(1, events(ticket, "TimerWarningEvent"), "warned once only");
    }

    @Test
    void stopBeforeDueIsMetAndNeverBreaches() {
        UUID workOrder = UUID.randomUUID();
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.ACCEPT, SubjectType.WORK_ORDER, workOrder)));
        clock.advance(Duration.ofSeconds(30));
        Timer stopped = await(() -> timers.stop(SubjectType.WORK_ORDER, workOrder, TimerKind.ACCEPT));
        assertEquals(TimerState.met, stopped.state);
        assertNotNull(stopped.stoppedAt);

        clock.advance(Duration.ofHours(1));
        await(sweep::sweepOnce);
        assertEquals(TimerState.met, timer(t.id).state);
        assertEquals(0, count(pool, "select count(*) from timer_breach where timer_id = $1", t.id));
        assertNull(await(() -> timers.stop(SubjectType.WORK_ORDER, workOrder, TimerKind.ACCEPT)), "nothing open");
    }

    @Test
    void stoppedAfterBreachStaysBreachedAndIsMarkedLate() {
        UUID ticket = UUID.randomUUID();
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.CUSTOMER_FIRST_UPDATE, SubjectType.TICKET, ticket)));
        clock.advance(Duration.ofMinutes(31));
        await(sweep::sweepOnce);
        Timer late = await(() -> timers.stop(SubjectType.TICKET, ticket, TimerKind.CUSTOMER_FIRST_UPDATE));
        assertEquals(t.id, late.id);
        assertEquals(TimerState.breached, late.state);
        assertNotNull(late.stoppedAt);
        assertNull(late.nextEscalationAt, "a stopped breach escalates no further");
    }

    @Test
    void pauseAndResumeMoveTheDeadlineByExactlyThePausedTime() {
        UUID ticket = UUID.randomUUID();
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket)
                .withLimit(Duration.ofHours(2))));
        clock.advance(Duration.ofMinutes(60));
        Timer paused = await(() -> timers.pause(SubjectType.TICKET, ticket, TimerKind.RESOLUTION));
        assertEquals(TimerState.paused, paused.state);
        long frozen = paused.remainingSeconds(clock.instant());

        // T8: suspended well past the original deadline: a paused timer is not swept
        clock.advance(Duration.ofMinutes(90));
        await(sweep::sweepOnce);
        assertEquals(TimerState.paused, timer(t.id).state);
        assertEquals(frozen, timer(t.id).remainingSeconds(clock.instant()), "remaining time is frozen");

        Timer resumed = await(() -> timers.resume(SubjectType.TICKET, ticket, TimerKind.RESOLUTION));
        assertEquals(TimerState.running, resumed.state);
        assertEquals(1, resumed.pausedIntervals.size());
        PausedInterval interval = resumed.pausedIntervals.get(0);
        Duration pausedFor = interval.length();
        assertTrue(pausedFor.compareTo(Duration.ofMinutes(90)) >= 0);
        assertEquals(pausedFor.toSeconds(), resumed.pausedSeconds);
        assertEquals(t.dueAt.plus(pausedFor), resumed.dueAt, "due moves by exactly the paused time");
        assertEquals(t.warnAt.plus(pausedFor), resumed.warnAt, "so does the warning");

        Timer reread = timer(t.id);
        assertEquals(resumed.dueAt, reread.dueAt);
        assertEquals(List.of(interval), reread.pausedIntervals);

        clock.advance(Duration.ofMinutes(61));
        await(sweep::sweepOnce);
        assertEquals(TimerState.breached, timer(t.id).state, "2 h of running time have passed");
    }

    @Test
    void secondStartOfTheSameKindIsAConflictAndRestartCycles() {
        UUID workOrder = UUID.randomUUID();
        Timer first = await(() -> timers.start(TimerSpec.of(TimerKind.HANDLER_PROGRESS, SubjectType.WORK_ORDER, workOrder)
                .withLimit(Duration.ofMinutes(30))));
        DomainException e = assertThrows(DomainException.class, () -> await(() -> timers.start(
                TimerSpec.of(TimerKind.HANDLER_PROGRESS, SubjectType.WORK_ORDER, workOrder).withLimit(Duration.ofMinutes(30)))));
        assertEquals(409, e.status());

        clock.advance(Duration.ofMinutes(20));
        Timer second = await(() -> timers.restart(TimerSpec.of(TimerKind.HANDLER_PROGRESS, SubjectType.WORK_ORDER, workOrder)
                .withLimit(Duration.ofMinutes(30))));
        List<Timer> all = await(() -> timers.forSubject(SubjectType.WORK_ORDER, workOrder));
        assertEquals(2, all.size());
        assertEquals(first.id, all.get(0).id);
        assertEquals(TimerState.met, all.get(0).state);
        assertEquals(second.id, all.get(1).id);
        assertEquals(TimerState.running, all.get(1).state);
        assertEquals(Duration.ofMinutes(30), Duration.between(second.startedAt, second.dueAt));
    }

    @Test
    void cancelAllEndsEveryOpenTimerOfTheSubject() {
        UUID ticket = UUID.randomUUID();
        await(() -> timers.start(TimerSpec.of(TimerKind.CUSTOMER_FIRST_UPDATE, SubjectType.TICKET, ticket)));
        await(() -> timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket).withLimit(Duration.ofHours(8))));
        await(() -> timers.pause(SubjectType.TICKET, ticket, TimerKind.RESOLUTION));
        assertEquals(2, await(() -> timers.cancelAll(SubjectType.TICKET, ticket)));
        List<Timer> all = await(() -> timers.forSubject(SubjectType.TICKET, ticket));
        assertTrue(all.stream().allMatch(t -> t.state == TimerState.cancelled && t.stoppedAt != null));
        clock.advance(Duration.ofHours(9));
        await(sweep::sweepOnce);
        assertEquals(0, count(pool, "select count(*) from timer_breach where subject_id = $1", ticket));
    }

    @Test
    void workingDayTimersTakeAnExplicitDueTime() {
        UUID order = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofDays(3));
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.SURVEY, SubjectType.ORDER, order).withDueAt(due)));
        assertEquals("P3", t.rule);
        assertEquals(TimerService.micros(due), t.dueAt);
        assertNotNull(t.warnAt);
    }

    @Test
    void configOverridesTheAcceptLimit() {
        // ManualSweepProfile sets onepoint.sla.accept=PT1M (env twin ONEPOINT_SLA_ACCEPT)
        assertEquals(Duration.ofMinutes(1), policy.accept());
        UUID workOrder = UUID.randomUUID();
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.ACCEPT, SubjectType.WORK_ORDER, workOrder)));
        assertEquals(Duration.ofMinutes(1), Duration.between(t.startedAt, t.dueAt));
        assertEquals(60L, t.limitSeconds);
    }

    @Test
    void stateChangesAreWrittenToTheOutbox() {
        UUID ticket = UUID.randomUUID();
        await(() -> timers.start(TimerSpec.of(TimerKind.CUSTOMER_UPDATE, SubjectType.TICKET, ticket)));
        await(() -> timers.pause(SubjectType.TICKET, ticket, TimerKind.CUSTOMER_UPDATE));
        await(() -> timers.resume(SubjectType.TICKET, ticket, TimerKind.CUSTOMER_UPDATE));
        await(() -> timers.stop(SubjectType.TICKET, ticket, TimerKind.CUSTOMER_UPDATE));
        assertEquals(4, events(ticket, "TimerStateChangeEvent"));
        assertEquals(1, count(pool, "select count(*) from event_outbox where subject_id = $1"
                + " and payload->>'state' = 'met' and payload->'subject'->>'type' = 'TICKET'", ticket));
    }
}
