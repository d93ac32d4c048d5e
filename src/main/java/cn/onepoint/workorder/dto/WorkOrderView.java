package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderStatus;
import cn.onepoint.workorder.WorkOrderType;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "WorkOrder")
public record WorkOrderView(String id, String href, String number, WorkOrderType type, WorkOrderStatus status,
                            @Schema(description = "What it was dispatched for: a ticket, an order, or (a cross-domain "
                                    + "task) its request; absent on a cross-domain request") Subject subject,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(description = "Cross-domain task: the request it was dispatched for") String parentId,
                            String unitId, String customerId, Segment segment, int stage, String instructions,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Request request,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(description = "Cross-domain: the required time of a request or a task") Instant dueAt,
                            Instant dispatchedAt, Instant acceptedAt, String acceptedBy, Findings findings,
                            Instant completedAt, String result,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Reply reply, long version,
                            @Schema(description = "Actions allowed in the current status") List<String> allowedActions) {

    public record Subject(String type, String id, String href) {
    }

    public record Findings(Boolean alarm, Boolean configChange, String note, Instant at) {
    }

    /** The customer manager's request as the customer engineer took it. */
    @Schema(name = "CrossDomainRequest")
    public record Request(String title, String description,
                          @Schema(description = "The customer manager who asked (person id)") String customerManagerId,
                          @Schema(description = "The customer engineer who took it (person id)") String customerEngineerId) {
    }

    /** The one reply to the customer manager. */
    @Schema(name = "CrossDomainReply")
    public record Reply(String personId, Instant at, String message) {
    }

    public static WorkOrderView of(WorkOrder w) {
        Subject subject = w.subjectId == null ? null : new Subject(w.subjectType, w.subjectId.toString(),
                switch (w.subjectType) {
                    case "TICKET" -> "/api/v1/tickets/" + w.subjectId;
                    case "ORDER" -> "/api/v1/orders/" + w.subjectId;
                    case WorkOrder.SUBJECT -> "/api/v1/work-orders/" + w.subjectId;
                    default -> null;
                });
        return new WorkOrderView(w.id.toString(), "/api/v1/work-orders/" + w.id, w.number, w.type, w.status,
                subject, str(w.parentId()), w.unitId.toString(), str(w.customerId), w.segment, w.stage,
                w.instructions,
                w.request() ? new Request(w.title, w.description, str(w.requestedBy), str(w.engineerId)) : null,
                w.dueAt, w.dispatchedAt, w.acceptedAt, str(w.acceptedBy),
                w.findingsAt == null ? null : new Findings(w.alarmFound, w.configChangeFound, w.findingsNote, w.findingsAt),
                w.completedAt, w.result,
                w.repliedBy == null ? null : new Reply(w.repliedBy.toString(), w.completedAt, w.result),
                w.version, WorkOrderAction.allowedFor(w));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
