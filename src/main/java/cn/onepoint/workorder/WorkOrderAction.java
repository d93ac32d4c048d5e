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

/** The work-order state machine as data: each action, the states it is allowed in, and where it leads. */
public enum WorkOrderAction {
    ACCEPT("accept", EnumSet.of(ACKNOWLEDGED), IN_PROGRESS),
    DECLINE("decline", EnumSet.of(ACKNOWLEDGED), REJECTED),
    PROGRESS("progress", EnumSet.of(IN_PROGRESS, HELD), null),
    FINDINGS("findings", EnumSet.of(IN_PROGRESS), null),
    COMPLETE("complete", EnumSet.of(IN_PROGRESS, HELD), COMPLETED),
    CANCEL("cancel", EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, HELD), CANCELLED);

    private final String wire;
    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;

    WorkOrderAction(String wire, Set<WorkOrderStatus> from, WorkOrderStatus to) {
        this.wire = wire;
        this.from = from;
        this.to = to;
    }

    public String wire() {
        return wire;
    }

    /** The state after this action from {@code current}, or a 409 naming the state and what is allowed. */
    public WorkOrderStatus apply(WorkOrderStatus current) {
        if (!from.contains(current)) {
            throw DomainException.stateConflict(current.wire(), allowedIn(current), wire);
        }
        return to == null ? current : to;
    }

    public static List<String> allowedIn(WorkOrderStatus s) {
        return Arrays.stream(values()).filter(a -> a.from.contains(s)).map(WorkOrderAction::wire).toList();
    }
}
