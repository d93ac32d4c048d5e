package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.ProgressReport;
import cn.onepoint.workorder.Segment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ProgressReport")
public record ProgressView(String id, String workOrderId, String unitId, String reporterId, Instant reportedAt,
                           String handlerName, String operation, Segment faultSegment, String cause,
                           boolean interim) {
    public static ProgressView of(ProgressReport p) {
        return new ProgressView(p.id.toString(), p.workOrderId.toString(), p.unitId.toString(),
                p.reporterId.toString(), p.reportedAt, p.handlerName, p.operation, p.faultSegment, p.cause, p.interim);
    }
}
