package cn.onepoint.order;

import cn.onepoint.common.DomainException;
import cn.onepoint.workorder.ProgressReport;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderListener;
import cn.onepoint.workorder.WorkOrderType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * What a segment task's work order does to its order: every move is recorded in the order's history. A task is
 * completed on the order (POST /orders/{id}/segment-completions, with its test result, P8), not on the work order.
 */
@ApplicationScoped
public class OrderTaskListener implements WorkOrderListener {

    private final OrderService orders;

    public OrderTaskListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public boolean handles(WorkOrderType type) {
        return type == WorkOrderType.ORDER_TASK;
    }

    @Override
    public Uni<Void> changed(WorkOrder w, WorkOrderAction action, ProgressReport progress, UUID actorId) {
        if (action == WorkOrderAction.COMPLETE) {
            // P8: a segment completes with its test result on the order; the work order follows.
            throw DomainException.rule("P8", "p8.completeOnOrder", w.subjectId);
        }
        return orders.act(w.subjectId, null, OrderAction.TASK_UPDATE, actorId, w.unitId,
                o -> Uni.createFrom().item("workOrder=" + w.number + " " + w.segment + " " + action.wire()
                        + (progress != null ? ": " + progress.operation : ""))).replaceWithVoid();
    }
}
