package cn.onepoint.order.dto;

import cn.onepoint.order.OrderProgress;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "OrderProgressReport", description = "P5: 进度报告")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressReportView(String id, String unitId, String personId, Instant reportedAt, String thisWeek,
                                 String nextWeek, String warningItems) {
    public static ProgressReportView of(OrderProgress p) {
        return new ProgressReportView(p.id.toString(), p.unitId.toString(), p.personId.toString(), p.reportedAt,
                p.thisWeek, p.nextWeek, p.warningItems);
    }
}
