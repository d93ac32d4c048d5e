package cn.onepoint.ticket;

import cn.onepoint.assurance.AssuranceService;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Unit;
import cn.onepoint.sla.Escalation;
import cn.onepoint.sla.EscalationReason;
import cn.onepoint.sla.SlaPolicy;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import cn.onepoint.workorder.WorkOrder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fault flow's half of the timer table (docs/rules.md "Timers the engine must run"): which event of a ticket or
 * of its work orders starts, stops, pauses or resumes which timer. Everything runs in the caller's transaction.
 */
@ApplicationScoped
public class TicketTimers {

    private final TimerService timers;
    private final SlaPolicy policy;
    private final AssuranceService assurance;

    public TicketTimers(TimerService timers, SlaPolicy policy, AssuranceService assurance) {
        this.timers = timers;
        this.policy = policy;
        this.assurance = assurance;
    }

    /**
     * T13: a total outage, a major network / inter-network / disaster fault, an outage at a large customer's
     * headquarters, or any fault during an assurance period (A2) escalates at intake.
     */
    Uni<List<EscalationReason>> intake(Ticket t) {
        List<EscalationReason> reasons = new java.util.ArrayList<>();
        return assurance.covering(t.customerId, t.createdAt).chain(period -> {
            if (t.totalOutage) {
                reasons.add(EscalationReason.TOTAL_OUTAGE);
            }
            if (t.majorFault != null) {
                reasons.add(EscalationReason.MAJOR_FAULT);
            }
            if (t.headquartersOutage != null) {
                reasons.add(EscalationReason.CUSTOMER_HQ_OUTAGE);
            }
            period.ifPresent(p -> reasons.add(EscalationReason.ASSURANCE_PERIOD));
            return escalate(t, reasons).replaceWith(reasons);
        });
    }

    /** T13: a flag set after intake escalates as it would have at intake, to the first tier. */
    Uni<Void> escalate(Ticket t, List<EscalationReason> reasons) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EscalationReason r : reasons) {
            chain = chain.chain(() -> timers.escalateNow(SubjectType.TICKET, t.id, r, t.acceptanceUnitId,
                    t.customerId)).invoke(e -> raise(t, e)).replaceWithVoid();
        }
        return chain;
    }

    /**
     * T14: the customer escalated directly or through the CM: one level above the ticket's current one, one tier
     * above its last escalation's unit (the acceptance unit for the first), as a breach climbs (T13).
     */
    Uni<Void> external(Ticket t) {
        Uni<UUID> unit = t.escalationLevel == 0 || t.escalationUnitId == null
                ? Uni.createFrom().item(t.acceptanceUnitId) : timers.unitAbove(t.escalationUnitId);
        return unit.chain(u -> timers.escalateNow(SubjectType.TICKET, t.id, EscalationReason.EXTERNAL, u,
                t.customerId, t.escalationLevel + 1)).invoke(e -> raise(t, e)).replaceWithVoid();
    }

    /** The ticket's level is its highest escalation's. */
    private static void raise(Ticket t, Escalation e) {
        if (e.level > t.escalationLevel) {
            t.escalationLevel = e.level;
            t.escalationTier = e.tier;
            t.escalationUnitId = e.unitId;
        }
    }

    /** T10 first update within 30 min, T5 resolution by product and customer level: both from acceptance. */
    Uni<Void> accepted(Ticket t, Customer customer, Unit acceptanceUnit) {
        return timers.start(spec(TimerKind.CUSTOMER_FIRST_UPDATE, t, acceptanceUnit))
                .chain(() -> timers.start(spec(TimerKind.RESOLUTION, t, acceptanceUnit)
                        .withLimit(policy.resolutionLimit(t.businessType, customer.level))))
                .replaceWithVoid();
    }

    /** T4: the province dispatches within 5 minutes of confirming its review. */
    Uni<Void> provinceReviewed(Ticket t, Unit province) {
        return timers.start(spec(TimerKind.PROVINCE_DISPATCH, t, province)).replaceWithVoid();
    }

    /** T4: dispatch stops the province's clock; each dispatched unit must accept within 5 minutes. */
    Uni<Void> dispatched(Ticket t, List<WorkOrder> created) {
        Uni<Void> chain = timers.stop(SubjectType.TICKET, t.id, TimerKind.PROVINCE_DISPATCH).replaceWithVoid();
        for (WorkOrder w : created) {
            chain = chain.chain(() -> timers.start(TimerSpec.of(TimerKind.ACCEPT, SubjectType.WORK_ORDER, w.id)
                    .withScope(w.unitId, t.customerId, null))).replaceWithVoid();
        }
        return chain;
    }

    /** T4 met; T9 the unit now reports every 30 or 60 minutes. */
    Uni<Void> workOrderAccepted(Ticket t, WorkOrder w) {
        return timers.stop(SubjectType.WORK_ORDER, w.id, TimerKind.ACCEPT)
                .chain(() -> timers.start(handlerProgress(t, w))).replaceWithVoid();
    }

    /** T9: each report restarts the unit's progress clock. */
    Uni<Void> progressReported(Ticket t, WorkOrder w) {
        return timers.restart(handlerProgress(t, w)).replaceWithVoid();
    }

    /** The unit's part is over (completed, declined or cancelled): its clocks stop. */
    Uni<Void> workOrderEnded(WorkOrder w) {
        return timers.stop(SubjectType.WORK_ORDER, w.id, TimerKind.ACCEPT)
                .chain(() -> timers.stop(SubjectType.WORK_ORDER, w.id, TimerKind.HANDLER_PROGRESS))
                .replaceWithVoid();
    }

    /** T10: the first update stops the 30-minute clock; every update restarts the 2-hour one. */
    Uni<Void> customerUpdated(Ticket t) {
        return timers.stop(SubjectType.TICKET, t.id, TimerKind.CUSTOMER_FIRST_UPDATE)
                .chain(() -> timers.restart(TimerSpec.of(TimerKind.CUSTOMER_UPDATE, SubjectType.TICKET, t.id)
                        .withScope(t.acceptanceUnitId, t.customerId, null)))
                .replaceWithVoid();
    }

    /** T11: the control desk answers within 5 minutes of the oldest unanswered feedback. */
    Uni<Void> feedbackOpen(Ticket t, Instant oldestUnanswered, UUID controlUnitId) {
        return timers.stop(SubjectType.TICKET, t.id, TimerKind.CONTROL_RESPONSE).chain(() -> oldestUnanswered == null
                ? Uni.createFrom().voidItem()
                : timers.start(TimerSpec.of(TimerKind.CONTROL_RESPONSE, SubjectType.TICKET, t.id)
                        .withDueAt(oldestUnanswered.plus(policy.controlResponse()))
                        .withScope(controlUnitId, t.customerId, null)).replaceWithVoid());
    }

    /**
     * T11: the control desk passes new information on to every handling unit within 5 minutes; the clock runs from
     * the oldest item still waiting. {@code passedOn}: an item was just passed on, so the running clock stops first.
     */
    Uni<Void> informationWaiting(Ticket t, Instant oldestWaiting, boolean passedOn) {
        Uni<Void> stop = passedOn
                ? timers.stop(SubjectType.TICKET, t.id, TimerKind.CONTROL_RELAY).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return stop.chain(() -> oldestWaiting == null ? Uni.createFrom().voidItem()
                : timers.start(TimerSpec.of(TimerKind.CONTROL_RELAY, SubjectType.TICKET, t.id)
                        .withDueAt(oldestWaiting.plus(policy.controlRelay()))
                        .withScope(t.dispatcherUnitId, t.customerId, null)).replaceWithVoid());
    }

    /** T15: the final report falls due at close, owed by the customer engineer's unit; answers the due time. */
    Uni<Instant> faultReportDue(Ticket t, UUID unitId) {
        return timers.start(TimerSpec.of(TimerKind.FAULT_REPORT, SubjectType.TICKET, t.id)
                .withScope(unitId, t.customerId, null)).map(timer -> timer.dueAt);
    }

    /** T15: submitted. */
    Uni<Void> faultReportSubmitted(Ticket t) {
        return timers.stop(SubjectType.TICKET, t.id, TimerKind.FAULT_REPORT).replaceWithVoid();
    }

    /** T8: while suspended the resolution clock stops. */
    Uni<Void> suspended(Ticket t) {
        return timers.pause(SubjectType.TICKET, t.id, TimerKind.RESOLUTION).replaceWithVoid();
    }

    Uni<Void> resumed(Ticket t) {
        return timers.resume(SubjectType.TICKET, t.id, TimerKind.RESOLUTION).replaceWithVoid();
    }

    /** T5: restoration stops the resolution clock; T9: and the units' progress clocks. */
    Uni<Void> restored(Ticket t, List<WorkOrder> workOrders) {
        Uni<Void> chain = timers.stop(SubjectType.TICKET, t.id, TimerKind.RESOLUTION).replaceWithVoid();
        for (WorkOrder w : workOrders) {
            chain = chain.chain(() -> timers.stop(SubjectType.WORK_ORDER, w.id, TimerKind.HANDLER_PROGRESS))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** Closing (or cancelling, rejecting) cancels whatever is left. */
    Uni<Void> ended(Ticket t, List<WorkOrder> workOrders) {
        Uni<Void> chain = timers.cancelAll(SubjectType.TICKET, t.id).replaceWithVoid();
        for (WorkOrder w : workOrders) {
            chain = chain.chain(() -> timers.cancelAll(SubjectType.WORK_ORDER, w.id)).replaceWithVoid();
        }
        return chain;
    }

    private TimerSpec handlerProgress(Ticket t, WorkOrder w) {
        return TimerSpec.of(TimerKind.HANDLER_PROGRESS, SubjectType.WORK_ORDER, w.id)
                .withLimit(policy.handlerProgressLimit(t.businessType))
                .withScope(w.unitId, t.customerId, null);
    }

    private static TimerSpec spec(TimerKind kind, Ticket t, Unit unit) {
        return TimerSpec.of(kind, SubjectType.TICKET, t.id).withScope(unit.id, t.customerId, unit.province);
    }
}
