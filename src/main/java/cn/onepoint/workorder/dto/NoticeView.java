package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.WorkOrderNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "WorkOrderNotice", description = "What the work order's unit was told: new information, the customer-facing wording")
public record NoticeView(String id, String workOrderId, WorkOrderNotice.Kind kind,
                         @Schema(description = "The record it passes on (the ticket's information item or wording)") String refId,
                         String text, String personId, String unitId, Instant at) {

    public static NoticeView of(WorkOrderNotice n) {
        return new NoticeView(n.id.toString(), n.workOrderId.toString(), n.kind, n.refId.toString(), n.text,
                n.personId == null ? null : n.personId.toString(), n.unitId == null ? null : n.unitId.toString(), n.at);
    }
}
