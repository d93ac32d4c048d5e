package cn.onepoint.workorder;

import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * W1's half of the timer table: which move of a cross-domain request or task starts or stops which timer.
 * Everything runs in the caller's transaction; breaches warn and escalate as every other timer does.
 */
@ApplicationScoped
public class CrossDomainTimers {

    private final TimerService timers;

    public CrossDomainTimers(TimerService timers) {
        this.timers = timers;
    }

    /** The reply to the customer manager is due at the request's due time. */
    Uni<Void> requested(WorkOrder request, String province) {
        return timers.start(TimerSpec.of(TimerKind.CROSS_DOMAIN_REPLY, SubjectType.WORK_ORDER, request.id)
                .withDueAt(request.dueAt).withScope(request.unitId, request.customerId, province)).replaceWithVoid();
    }

    /** A team accepts its task within onepoint.sla.cross-domain.accept and finishes it by the task's due time. */
    Uni<Void> dispatched(WorkOrder task, String province) {
        return timers.start(TimerSpec.of(TimerKind.CROSS_DOMAIN_ACCEPT, SubjectType.WORK_ORDER, task.id)
                        .withScope(task.unitId, task.customerId, province))
                .chain(() -> timers.start(TimerSpec.of(TimerKind.CROSS_DOMAIN_TASK, SubjectType.WORK_ORDER, task.id)
                        .withDueAt(task.dueAt).withScope(task.unitId, task.customerId, province)))
                .replaceWithVoid();
    }

    Uni<Void> taskAccepted(WorkOrder task) {
        return timers.stop(SubjectType.WORK_ORDER, task.id, TimerKind.CROSS_DOMAIN_ACCEPT).replaceWithVoid();
    }

    /** Completed or rejected: the team's part is over. */
    Uni<Void> taskEnded(WorkOrder task) {
        return timers.stop(SubjectType.WORK_ORDER, task.id, TimerKind.CROSS_DOMAIN_ACCEPT)
                .chain(() -> timers.stop(SubjectType.WORK_ORDER, task.id, TimerKind.CROSS_DOMAIN_TASK))
                .replaceWithVoid();
    }

    Uni<Void> replied(WorkOrder request) {
        return timers.stop(SubjectType.WORK_ORDER, request.id, TimerKind.CROSS_DOMAIN_REPLY).replaceWithVoid();
    }

    /** A withdrawn task, or a withdrawn request with all its tasks: nothing is due any more. */
    Uni<Void> cancelled(List<WorkOrder> workOrders) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WorkOrder w : workOrders) {
            chain = chain.chain(() -> timers.cancelAll(SubjectType.WORK_ORDER, w.id)).replaceWithVoid();
        }
        return chain;
    }
}
