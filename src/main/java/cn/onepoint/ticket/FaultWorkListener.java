package cn.onepoint.ticket;

import cn.onepoint.feed.Outbox;
import cn.onepoint.workorder.ProgressReport;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderListener;
import cn.onepoint.workorder.WorkOrderType;
import cn.onepoint.workorder.dto.ProgressView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What a fault dispatch's work order does to its ticket: history, T16 ownership, T9 progress on the feed. */
@ApplicationScoped
public class FaultWorkListener implements WorkOrderListener {

    private final TicketService tickets;
    private final TicketTimers timers;
    private final Outbox outbox;

    public FaultWorkListener(TicketService tickets, TicketTimers timers, Outbox outbox) {
        this.tickets = tickets;
        this.timers = timers;
        this.outbox = outbox;
    }

    @Override
    public boolean handles(WorkOrderType type) {
        return type == WorkOrderType.FAULT_DISPATCH;
    }

    @Override
    public Uni<Void> changed(WorkOrder w, WorkOrderAction action, ProgressReport progress, UUID actorId) {
        boolean isProgress = action == WorkOrderAction.PROGRESS;
        TicketAction ticketAction = isProgress ? TicketAction.HANDLER_PROGRESS : TicketAction.WORK_ORDER_UPDATE;
        return tickets.act(w.subjectId, null, ticketAction, actorId, w.unitId, t -> {
            if (action == WorkOrderAction.FINDINGS && Boolean.TRUE.equals(w.alarmFound)) {
                // T16: an alarm on a segment makes that segment's unit the owner.
                t.ownerUnitId = w.unitId;
            }
            String detail = "workOrder=" + w.number + " " + action.wire()
                    + (isProgress ? (progress.interim ? " (interim)" : "") + ": " + progress.operation : "")
                    + (action == WorkOrderAction.FINDINGS
                    ? " alarm=" + w.alarmFound + " configChange=" + w.configChangeFound : "");
            Uni<Void> clocks = switch (action) {
                case ACCEPT -> timers.workOrderAccepted(t, w);
                case PROGRESS -> timers.progressReported(t, w);
                case COMPLETE, DECLINE, CANCEL -> timers.workOrderEnded(w);
                case FINDINGS, DISPATCH, REPLY -> Uni.createFrom().voidItem();
            };
            return clocks.replaceWith(detail);
        }, isProgress ? "TicketProgressEvent" : null).chain(t -> isProgress
                ? outbox.append(Outbox.Topic.tickets, "TicketProgressEvent", TicketService.SUBJECT, t.id,
                TicketService.scope(t), ProgressView.of(progress))
                : Uni.createFrom().voidItem());
    }
}
