package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderStatus;
import cn.onepoint.workorder.WorkOrderType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "WorkOrder")
public record WorkOrderView(String id, String href, String number, WorkOrderType type, WorkOrderStatus status,
                            Subject subject, String unitId, Segment segment, int stage, String instructions,
                            Instant dispatchedAt, Instant acceptedAt, String acceptedBy, Findings findings,
                            Instant completedAt, String result, long version,
                            @Schema(description = "Actions allowed in the current status") List<String> allowedActions) {

    public record Subject(String type, String id, String href) {
    }

    public record Findings(Boolean alarm, Boolean configChange, String note, Instant at) {
    }

    public static WorkOrderView of(WorkOrder w) {
        String subjectHref = switch (w.subjectType) {
            case "TICKET" -> "/api/v1/tickets/" + w.subjectId;
            case "ORDER" -> "/api/v1/orders/" + w.subjectId;
            default -> null;
        };
        return new WorkOrderView(w.id.toString(), "/api/v1/work-orders/" + w.id, w.number, w.type, w.status,
                new Subject(w.subjectType, w.subjectId.toString(), subjectHref), w.unitId.toString(), w.segment,
                w.stage, w.instructions, w.dispatchedAt, w.acceptedAt,
                w.acceptedBy == null ? null : w.acceptedBy.toString(),
                w.findingsAt == null ? null : new Findings(w.alarmFound, w.configChangeFound, w.findingsNote, w.findingsAt),
                w.completedAt, w.result, w.version, WorkOrderAction.allowedIn(w.status));
    }
}
