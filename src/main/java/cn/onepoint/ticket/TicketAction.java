package cn.onepoint.ticket;

import cn.onepoint.common.DomainException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static cn.onepoint.ticket.Phase.DIFFICULT_FAULT;
import static cn.onepoint.ticket.Phase.DISPATCH;
import static cn.onepoint.ticket.Phase.DISPATCHED;
import static cn.onepoint.ticket.Phase.LOOP_TEST;
import static cn.onepoint.ticket.Phase.LOCAL_PRE_CHECK;
import static cn.onepoint.ticket.Phase.PROVINCE_REVIEW;
import static cn.onepoint.ticket.TicketStatus.ACKNOWLEDGED;
import static cn.onepoint.ticket.TicketStatus.CANCELLED;
import static cn.onepoint.ticket.TicketStatus.CLOSED;
import static cn.onepoint.ticket.TicketStatus.HELD;
import static cn.onepoint.ticket.TicketStatus.IN_PROGRESS;
import static cn.onepoint.ticket.TicketStatus.PENDING;
import static cn.onepoint.ticket.TicketStatus.REJECTED;
import static cn.onepoint.ticket.TicketStatus.RESOLVED;

/**
 * The fault-ticket state machine as data: every action, the statuses (and, inside inProgress, the phases) it
 * is allowed in, the status it leads to (null: unchanged), and for an action done once, when it is done.
 * {@link #check} is the one place that decides.
 */
public enum TicketAction {
    ACCEPT("accept", EnumSet.of(ACKNOWLEDGED), null, IN_PROGRESS),
    REJECT("reject", EnumSet.of(ACKNOWLEDGED), null, REJECTED),
    CANCEL("cancel", EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, PENDING), null, CANCELLED),
    CHANGE_RESPONSIBLE("responsible-person", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    LOCAL_PRE_CHECK_RESULT("local-pre-check", EnumSet.of(IN_PROGRESS), EnumSet.of(LOCAL_PRE_CHECK), null),
    PROVINCE_REVIEW_RESULT("province-review", EnumSet.of(IN_PROGRESS), EnumSet.of(PROVINCE_REVIEW), null),
    DISPATCH_UNITS("dispatches", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCH, DISPATCHED), null),
    SEGMENT_TEST("segment-tests", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCHED, LOOP_TEST, DIFFICULT_FAULT), null),
    HANDLER_PROGRESS("progress", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    WORK_ORDER_UPDATE("work-order", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    CUSTOMER_UPDATE("customer-updates", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    FEEDBACK("feedback", EnumSet.of(IN_PROGRESS, HELD, PENDING), null, null),
    ANSWER_FEEDBACK("feedback-answer", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    REQUEST_SUSPENSION("suspensions", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCHED, DIFFICULT_FAULT), null),
    APPROVE_SUSPENSION("suspension-approve", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCHED, DIFFICULT_FAULT), HELD),
    REFUSE_SUSPENSION("suspension-refuse", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCHED, DIFFICULT_FAULT), null),
    RESUME("suspension-resume", EnumSet.of(HELD), null, IN_PROGRESS),
    AWAIT_CUSTOMER("await-customer", EnumSet.of(IN_PROGRESS), null, PENDING),
    CUSTOMER_RESPONDED("customer-responded", EnumSet.of(PENDING), null, IN_PROGRESS),
    RESTORE("restore", EnumSet.of(IN_PROGRESS, HELD, PENDING), null, RESOLVED),
    // T5: repair is recorded once, after restoration, even after closing.
    REPAIR("repair", EnumSet.of(RESOLVED, CLOSED), null, null, t -> t.faultRepairedAt != null),
    ESCALATE("escalations", EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    /** Major fault, headquarters outage, total outage set after intake. */
    FLAGS("flags", EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    /** New information reaches the control desk, which passes it on to every handling unit. */
    INFORMATION("information", EnumSet.of(IN_PROGRESS, HELD, PENDING), null, null),
    RELAY_INFORMATION("information-relay", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    /** The customer-facing wording 口径. */
    WORDING("wording", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, null),
    /** Loop-back tests: consent and plan, then one loop at a time; a difficult fault is handled jointly. */
    LOOP_TESTS("loop-tests", EnumSet.of(IN_PROGRESS), EnumSet.of(DISPATCHED), null),
    LOOP("loop", EnumSet.of(IN_PROGRESS), EnumSet.of(LOOP_TEST), null),
    JOIN_DIFFICULT_FAULT("difficult-fault", EnumSet.of(IN_PROGRESS), EnumSet.of(DIFFICULT_FAULT), null),
    CLOSE("close", EnumSet.of(IN_PROGRESS, HELD, PENDING, RESOLVED), null, CLOSED);

    private final String wire;
    private final Set<TicketStatus> statuses;
    private final Set<Phase> phases;
    private final TicketStatus target;
    /** True once this action has been done and cannot be done again; never for repeatable actions. */
    private final Predicate<Ticket> done;

    TicketAction(String wire, Set<TicketStatus> statuses, Set<Phase> phases, TicketStatus target) {
        this(wire, statuses, phases, target, t -> false);
    }

    TicketAction(String wire, Set<TicketStatus> statuses, Set<Phase> phases, TicketStatus target,
                 Predicate<Ticket> done) {
        this.wire = wire;
        this.statuses = statuses;
        this.phases = phases;
        this.target = target;
        this.done = done;
    }

    public String wire() {
        return wire;
    }

    public boolean allowedIn(TicketStatus status, Phase phase) {
        return statuses.contains(status) && (phases == null || phases.contains(phase));
    }

    /** Whether this once-only action has already been done on {@code t}. */
    public boolean done(Ticket t) {
        return done.test(t);
    }

    /** The status after this action, or a 409 naming the state and the actions allowed in it. */
    public TicketStatus check(Ticket t) {
        if (!allowedIn(t.status, t.phase)) {
            throw DomainException.stateConflict(t.status.wire() + "/" + t.phase.wire(), allowed(t), wire);
        }
        return target == null ? t.status : target;
    }

    /** Actions a client may take now (internal ones, driven by work orders, and those already done are left out). */
    public static List<String> allowed(Ticket t) {
        return Arrays.stream(values())
                .filter(a -> a != WORK_ORDER_UPDATE && a != HANDLER_PROGRESS && a.allowedIn(t.status, t.phase)
                        && !a.done(t))
                .map(TicketAction::wire).toList();
    }
}
