package cn.onepoint.workorder;

import io.smallrye.mutiny.Uni;

/**
 * What a subject (a ticket, an order) does when one of its work orders moves. Called inside the work-order
 * transaction, so the subject's reaction commits or rolls back with it. Keeps workorder free of features.
 */
public interface WorkOrderListener {

    boolean handles(WorkOrderType type);

    /** Called after the work order changed; {@code progress} is set for PROGRESS only. */
    Uni<Void> changed(WorkOrder workOrder, WorkOrderAction action, ProgressReport progress, java.util.UUID actorId);
}
