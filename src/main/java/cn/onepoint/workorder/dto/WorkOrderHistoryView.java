package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.WorkOrderHistory;
import cn.onepoint.workorder.WorkOrderStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "WorkOrderHistoryEntry")
public record WorkOrderHistoryView(long id, @Schema(description = "The work order changed (a cross-domain request's history "
        + "includes its tasks)") String workOrderId, Instant at, String action, String actorId, String unitId,
                                   WorkOrderStatus fromStatus, WorkOrderStatus toStatus, String detail,
                                   @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
    public static WorkOrderHistoryView of(WorkOrderHistory h) {
        return new WorkOrderHistoryView(h.id, h.workOrderId.toString(), h.at, h.action,
                h.actorId == null ? null : h.actorId.toString(), h.unitId == null ? null : h.unitId.toString(),
                h.fromStatus, h.toStatus, h.detail, h.subject);
    }
}
