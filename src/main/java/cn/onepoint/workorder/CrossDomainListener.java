package cn.onepoint.workorder;

import cn.onepoint.feed.Outbox;
import cn.onepoint.workorder.dto.ProgressView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * What a cross-domain task's moves do (tracking and control 跟踪、管控): its clocks stop, its progress goes on the feed under
 * its request. The request's own actions are {@link CrossDomainService}'s.
 */
@ApplicationScoped
public class CrossDomainListener implements WorkOrderListener {

    static final String PROGRESS_EVENT = "WorkOrderProgressEvent";

    private final CrossDomainTimers timers;
    private final Outbox outbox;

    public CrossDomainListener(CrossDomainTimers timers, Outbox outbox) {
        this.timers = timers;
        this.outbox = outbox;
    }

    @Override
    public boolean handles(WorkOrderType type) {
        return type.crossDomain();
    }

    @Override
    public Uni<Void> changed(WorkOrder w, WorkOrderAction action, ProgressReport progress, UUID actorId) {
        if (w.request()) {
            return Uni.createFrom().voidItem();
        }
        return switch (action) {
            case ACCEPT -> timers.taskAccepted(w);
            case COMPLETE, DECLINE -> timers.taskEnded(w);
            case CANCEL -> timers.cancelled(List.of(w));
            case PROGRESS -> outbox.append(Outbox.Topic.workorders, PROGRESS_EVENT, WorkOrder.SUBJECT, w.id,
                    w.subjectId, new Outbox.Scope(w.customerId, w.unitId, null), ProgressView.of(progress));
            case FINDINGS, DISPATCH, REPLY -> Uni.createFrom().voidItem();
        };
    }
}
