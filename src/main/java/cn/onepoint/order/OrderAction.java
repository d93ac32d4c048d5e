package cn.onepoint.order;

import cn.onepoint.common.DomainException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.onepoint.order.OrderStatus.ACKNOWLEDGED;
import static cn.onepoint.order.OrderStatus.CANCELLED;
import static cn.onepoint.order.OrderStatus.COMPLETED;
import static cn.onepoint.order.OrderStatus.IN_PROGRESS;
import static cn.onepoint.order.OrderStatus.PENDING;
import static cn.onepoint.order.OrderStep.COMPLETION;
import static cn.onepoint.order.OrderStep.CONSTRUCTION;
import static cn.onepoint.order.OrderStep.PLAN;
import static cn.onepoint.order.OrderStep.REVIEW;
import static cn.onepoint.order.OrderStep.SURVEY;
import static cn.onepoint.order.OrderStep.TESTING;

/**
 * The provisioning-order state machine as data (P1–P8): every action, the statuses (and, inside them, the
 * steps) it is allowed in, and the status it leads to (null: unchanged). {@link #check} is the one place that
 * decides. The two outcomes of a review share the wire name {@code review}.
 */
public enum OrderAction {
    APPROVE("review", EnumSet.of(ACKNOWLEDGED), EnumSet.of(REVIEW), IN_PROGRESS),
    RETURN("review", EnumSet.of(ACKNOWLEDGED), EnumSet.of(REVIEW), PENDING),
    RESUBMIT("resubmit", EnumSet.of(PENDING), EnumSet.of(REVIEW), ACKNOWLEDGED),
    NAME_PROJECT_MANAGER("project-manager", EnumSet.of(IN_PROGRESS), EnumSet.of(SURVEY, PLAN, CONSTRUCTION, TESTING),
            null),
    SURVEY_DONE("survey", EnumSet.of(IN_PROGRESS), EnumSet.of(SURVEY), null),
    PLAN_DONE("plan", EnumSet.of(IN_PROGRESS), EnumSet.of(PLAN), null),
    PROGRESS_REPORT("progress-reports", EnumSet.of(IN_PROGRESS), EnumSet.of(CONSTRUCTION, TESTING), null),
    WARN("warnings", EnumSet.of(IN_PROGRESS), null, null),
    GRANT_EXTENSION("grant-extension", EnumSet.of(IN_PROGRESS), null, null),
    SEGMENT_COMPLETION("segment-completions", EnumSet.of(IN_PROGRESS), EnumSet.of(CONSTRUCTION, TESTING), null),
    TEST("tests", EnumSet.of(IN_PROGRESS), EnumSet.of(TESTING), null),
    COMPLETE("completion", EnumSet.of(IN_PROGRESS), EnumSet.of(CONSTRUCTION, TESTING), COMPLETED),
    REGISTER_RESOURCES("resource-registration", EnumSet.of(IN_PROGRESS, COMPLETED), EnumSet.of(TESTING, COMPLETION),
            null),
    DELIVERY_NOTE("delivery-note", EnumSet.of(COMPLETED), null, null),
    CANCEL("cancel", EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, PENDING), null, CANCELLED),
    /** Internal: a segment task's work order moved (history only). */
    TASK_UPDATE("work-order", EnumSet.allOf(OrderStatus.class), null, null);

    private final String wire;
    private final Set<OrderStatus> statuses;
    private final Set<OrderStep> steps;
    private final OrderStatus target;

    OrderAction(String wire, Set<OrderStatus> statuses, Set<OrderStep> steps, OrderStatus target) {
        this.wire = wire;
        this.statuses = statuses;
        this.steps = steps;
        this.target = target;
    }

    public String wire() {
        return wire;
    }

    public boolean allowedIn(OrderStatus status, OrderStep step) {
        return statuses.contains(status) && (steps == null || steps.contains(step));
    }

    /** The status after this action, or a 409 naming the state and the actions allowed in it. */
    public OrderStatus check(OrderStatus status, OrderStep step) {
        if (!allowedIn(status, step)) {
            throw DomainException.stateConflict(status.wire() + "/" + step.wire(), allowed(status, step), wire);
        }
        return target == null ? status : target;
    }

    /** Actions a client may take now (the internal one is left out). */
    public static List<String> allowed(OrderStatus status, OrderStep step) {
        return Arrays.stream(values()).filter(a -> a != TASK_UPDATE && a.allowedIn(status, step))
                .map(OrderAction::wire).distinct().toList();
    }
}
