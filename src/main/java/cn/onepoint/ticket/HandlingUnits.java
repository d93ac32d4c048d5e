package cn.onepoint.ticket;

import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderNotice;
import cn.onepoint.workorder.WorkOrderService;
import cn.onepoint.workorder.WorkOrderType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The handling units of a ticket (its open fault dispatches) and how they are told something: a notice on each
 * unit's work order (with its feed event), and, when it must reach people, a notification to everyone of the
 * unit. Runs in the caller's transaction.
 */
@ApplicationScoped
class HandlingUnits {

    private final WorkOrderService workOrders;
    private final Notifications notifications;

    HandlingUnits(WorkOrderService workOrders, Notifications notifications) {
        this.workOrders = workOrders;
        this.notifications = notifications;
    }

    /** The work orders of the units handling the ticket now. */
    Uni<List<WorkOrder>> of(Ticket t) {
        return workOrders.ofSubject(t.id).map(wos -> wos.stream()
                .filter(w -> w.type == WorkOrderType.FAULT_DISPATCH && w.status.open()).toList());
    }

    /** Which work orders received each record (information item, wording): record id → work-order ids. */
    Uni<Map<UUID, List<String>>> received(List<UUID> refIds) {
        return workOrders.noticesOf(refIds).map(notices -> notices.stream().collect(Collectors.groupingBy(
                n -> n.refId, Collectors.mapping(n -> n.workOrderId.toString(), Collectors.toList()))));
    }

    /** A notice on each work order; {@code notify}: also a notification to every person of each unit. */
    Uni<Void> tell(List<WorkOrder> to, WorkOrderNotice.Kind kind, UUID refId, String text, UUID personId,
                   UUID unitId, String notify) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WorkOrder w : to) {
            chain = chain.chain(() -> workOrders.notice(w, kind, refId, text, personId, unitId)).replaceWithVoid();
            if (notify != null) {
                chain = chain.chain(() -> Person.<Person>list("unitId = ?1 order by createdAt, id", w.unitId))
                        .chain(people -> notifications.record(SubjectType.WORK_ORDER, w.id, people.stream()
                                .map(p -> new Notifications.Recipient(p.id, Role.HANDLER)).toList(), notify))
                        .replaceWithVoid();
            }
        }
        return chain;
    }
}
