package cn.onepoint.workorder;

import cn.onepoint.common.DomainException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.onepoint.workorder.WorkOrderStatus.ACKNOWLEDGED;
import static cn.onepoint.workorder.WorkOrderStatus.CANCELLED;
import static cn.onepoint.workorder.WorkOrderStatus.COMPLETED;
import static cn.onepoint.workorder.WorkOrderStatus.HELD;
import static cn.onepoint.workorder.WorkOrderStatus.IN_PROGRESS;
import static cn.onepoint.workorder.WorkOrderStatus.REJECTED;

/**
 * The work-order state machine as data: each action, what it acts on, the states it is allowed in, and where it
 * leads. A dispatch to a unit (a fault dispatch, an order task, a cross-domain task) is accepted, reported and completed by
 * that unit; a cross-domain request is dispatched and replied to by its customer engineer.
 */
public enum WorkOrderAction {
    ACCEPT("accept", On.DISPATCH, EnumSet.of(ACKNOWLEDGED), IN_PROGRESS),
    DECLINE("decline", On.DISPATCH, EnumSet.of(ACKNOWLEDGED), REJECTED),
    PROGRESS("progress", On.DISPATCH, EnumSet.of(IN_PROGRESS, HELD), null),
    FINDINGS("findings", On.DISPATCH, EnumSet.of(IN_PROGRESS), null),
    COMPLETE("complete", On.DISPATCH, EnumSet.of(IN_PROGRESS, HELD), COMPLETED),
    /** Tasks to teams of other domains; the first one puts the request in progress. */
    DISPATCH("dispatch", On.REQUEST, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS), IN_PROGRESS),
    /** W1: the one reply to the customer manager closes the request; there is no second one. */
    REPLY("reply", On.REQUEST, EnumSet.of(IN_PROGRESS), COMPLETED),
    CANCEL("cancel", On.BOTH, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, HELD), CANCELLED);

    /** What an action acts on. */
    enum On {
        DISPATCH, REQUEST, BOTH;

        boolean fits(WorkOrder w) {
            return this == BOTH || (this == REQUEST) == w.request();
        }
    }

    private final String wire;
    private final On on;
    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;

    WorkOrderAction(String wire, On on, Set<WorkOrderStatus> from, WorkOrderStatus to) {
        this.wire = wire;
        this.on = on;
        this.from = from;
        this.to = to;
    }

    public String wire() {
        return wire;
    }

    /** The state after this action on {@code w}, or a 409 naming its state and what is allowed there. */
    public WorkOrderStatus apply(WorkOrder w) {
        if (!allows(w)) {
            throw DomainException.stateConflict(w.status.wire(), allowedFor(w), wire);
        }
        return to == null ? w.status : to;
    }

    private boolean allows(WorkOrder w) {
        return on.fits(w) && from.contains(w.status);
    }

    public static List<String> allowedFor(WorkOrder w) {
        return Arrays.stream(values()).filter(a -> a.allows(w)).map(WorkOrderAction::wire).toList();
    }
}
