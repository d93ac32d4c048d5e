package cn.onepoint.sla;

import cn.onepoint.MutableClock;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import cn.onepoint.notify.DeliveryJob;
import cn.onepoint.notify.Notification;
import cn.onepoint.sla.dto.EscalationView;
import cn.onepoint.sla.dto.NotificationView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.onepoint.sla.SlaTestSupport.await;
import static cn.onepoint.sla.SlaTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** T13: breach → supervisor + CCE (CM notified) → tier by tier up to GROUP, each exactly once. */
@QuarkusTest
@TestProfile(ManualSweepProfile.class)
class EscalationTest {

    @Inject
    TimerService timers;
    @Inject
    TimerSweep sweep;
    @Inject
    DeliveryJob delivery;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    private Timer breachedResolutionTimer(SlaTestSupport.Chain c, UUID ticket) {
        Timer t = await(() -> timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket)
                .withLimit(Duration.ofHours(2)).withScope(c.local(), c.customer(), "湖北")));
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        await(sweep::sweepOnce);
        return t;
    }

    private List<EscalationView> escalations(UUID timerId) {
        return await(() -> timers.escalations(timerId));
    }

    private static Map<UUID, Role> recipients(EscalationView e) {
        return e.notifications().stream()
                .collect(Collectors.toMap(n -> UUID.fromString(n.recipientId()), NotificationView::role));
    }

    @Test
    void breachEscalatesToTheSupervisorAndCceThenTierByTierUpToGroup() {
        SlaTestSupport.Chain c = SlaTestSupport.chain();
        UUID ticket = UUID.randomUUID();
        Timer t = breachedResolutionTimer(c, ticket);

        List<EscalationView> first = escalations(t.id);
        assertEquals(1, first.size());
        EscalationView e1 = first.get(0);
        assertEquals(1, e1.level());
        assertEquals(Tier.LOCAL, e1.tier());
        assertEquals(c.local().toString(), e1.unitId());
        assertEquals(EscalationReason.BREACH, e1.reason());
        assertEquals(Map.of(c.localSupervisor(), Role.SUPERVISOR, c.cce(), Role.CHIEF_CUSTOMER_ENGINEER,
                c.cm(), Role.CUSTOMER_MANAGER), recipients(e1));
        for (NotificationView n : e1.notifications()) {
            assertEquals("LOG", n.channel());
            assertTrue(n.text().contains(n.role() == Role.CUSTOMER_MANAGER ? "知会" : "请督办"), n.text());
            assertTrue(n.text().contains("故障修复") && n.text().contains("T5"), n.text());
        }
        Timer afterFirst = await(() -> timers.timer(t.id));
        assertEquals(1, afterFirst.escalationLevel);
        assertEquals("LOCAL", afterFirst.escalationTier);
        assertEquals(afterFirst.breachedAt.plus(Duration.ofMinutes(30)), afterFirst.nextEscalationAt);

        clock.advance(Duration.ofMinutes(29));
        await(sweep::sweepOnce);
        assertEquals(1, escalations(t.id).size(), "not before the escalation step");

        clock.advance(Duration.ofMinutes(2));
        await(sweep::sweepOnce);
        await(sweep::sweepOnce);
        List<EscalationView> second = escalations(t.id);
        assertEquals(2, second.size(), "one escalation per tier");
        EscalationView e2 = second.get(1);
        assertEquals(Tier.PROVINCE, e2.tier());
        assertEquals(c.province().toString(), e2.unitId());
        assertEquals(Role.SUPERVISOR, recipients(e2).get(c.provinceSupervisor()));
        assertEquals(Role.CUSTOMER_MANAGER, recipients(e2).get(c.cm()));

        clock.advance(Duration.ofMinutes(31));
        await(sweep::sweepOnce);
        List<EscalationView> third = escalations(t.id);
        assertEquals(3, third.size());
        assertEquals(Tier.GROUP, third.get(2).tier());
        assertEquals(c.group().toString(), third.get(2).unitId());
        assertEquals(Role.SUPERVISOR, recipients(third.get(2)).get(c.groupSupervisor()));
        assertNull(await(() -> timers.timer(t.id)).nextEscalationAt, "nothing above GROUP");

        clock.advance(Duration.ofHours(3));
        await(sweep::sweepOnce);
        assertEquals(3, escalations(t.id).size());
        assertEquals(3, count(pool, "select count(*) from event_outbox where subject_id = $1"
                + " and event_type = 'EscalationEvent'", ticket));
    }

    @Test
    void aBreachStoppedLateEscalatesNoFurther() {
        SlaTestSupport.Chain c = SlaTestSupport.chain();
        UUID ticket = UUID.randomUUID();
        Timer t = breachedResolutionTimer(c, ticket);
        await(() -> timers.stop(SubjectType.TICKET, ticket, TimerKind.RESOLUTION));
        clock.advance(Duration.ofHours(2));
        await(sweep::sweepOnce);
        assertEquals(1, escalations(t.id).size());
    }

    @Test
    void notificationsAreDeliveredOnce() {
        SlaTestSupport.Chain c = SlaTestSupport.chain();
        Timer t = breachedResolutionTimer(c, UUID.randomUUID());
        assertTrue(escalations(t.id).get(0).notifications().stream().allMatch(n -> n.deliveredAt() == null));
        // the sweep's own work: nobody's request caused them
        assertTrue(escalations(t.id).get(0).notifications().stream().allMatch(n -> n.actor() == null));

        assertTrue(await(delivery::deliverOnce) >= 3);
        assertTrue(escalations(t.id).get(0).notifications().stream().allMatch(n -> n.deliveredAt() != null));
        assertEquals(0, await(delivery::deliverOnce), "delivered ones are not sent again");
    }

    @Test
    void escalateNowGoesStraightToTheUnitSupervisorAndCce() {
        SlaTestSupport.Chain c = SlaTestSupport.chain();
        UUID ticket = UUID.randomUUID();
        Escalation e = await(() -> timers.escalateNow(SubjectType.TICKET, ticket, EscalationReason.TOTAL_OUTAGE,
                c.local(), c.customer()));
        assertNull(e.timerId);
        assertEquals(Tier.LOCAL, e.tier);
        assertEquals(1, e.level);
        List<Notification> told = await(() -> Panache.withSession(
                () -> Notification.<Notification>list("escalationId = ?1", e.id)));
        assertEquals(Map.of(c.localSupervisor(), Role.SUPERVISOR, c.cce(), Role.CHIEF_CUSTOMER_ENGINEER,
                        c.cm(), Role.CUSTOMER_MANAGER),
                told.stream().collect(Collectors.toMap(n -> n.recipientId, n -> n.role)));
        assertTrue(told.stream().allMatch(n -> n.text.contains("全阻")));
        assertEquals(1, count(pool, "select count(*) from event_outbox where subject_id = $1"
                + " and event_type = 'EscalationEvent' and payload->>'reason' = 'TOTAL_OUTAGE'", ticket));
        assertNotNull(e.escalatedAt);
    }
}
