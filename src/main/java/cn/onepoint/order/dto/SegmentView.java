package cn.onepoint.order.dto;

import cn.onepoint.order.OrderSegment;
import cn.onepoint.order.OrderTest;
import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "OrderSegment", description = "P4: a segment's task (an ORDER_TASK work order) with its due date; "
        + "P8: its completion with the test result")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentView(String id, Segment segment, String unitId, WorkOrderRef workOrder, LocalDate dueDate,
                          Instant dueAt, Instant completedAt, String completedBy, OrderTest.Result testResult,
                          ReportBody testReport) {

    @Schema(name = "OrderSegmentWorkOrder")
    public record WorkOrderRef(String id, String href, String number, WorkOrderStatus status) {
    }

    public static SegmentView of(OrderSegment s, WorkOrder w) {
        return new SegmentView(s.id.toString(), s.segment, s.unitId.toString(),
                w == null ? new WorkOrderRef(s.workOrderId.toString(), "/api/v1/work-orders/" + s.workOrderId, null, null)
                        : new WorkOrderRef(w.id.toString(), "/api/v1/work-orders/" + w.id, w.number, w.status),
                s.dueDate, s.dueAt, s.completedAt, OrderView.s(s.completedBy), s.testResult,
                s.testReportRef == null ? null : new ReportBody(s.testReportRef, s.testReportText));
    }
}
