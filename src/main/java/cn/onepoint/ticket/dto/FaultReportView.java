package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.FaultReport;
import cn.onepoint.ticket.FaultReportAction;
import cn.onepoint.ticket.FaultReportStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Schema(name = "FaultReport", description = "The final fault report 故障处理报告 (T15)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultReportView(String id, String href, String ticketId, FaultReportStatus status,
                              @Schema(description = "The customer engineer's unit that reviews and submits it") String unitId,
                              @Schema(description = "Why one is due: GROUP_LEVEL, CROSS_PROVINCE, TOTAL_OUTAGE, MAJOR_FAULT, "
                                      + "HEADQUARTERS_OUTAGE, ASSURANCE_PERIOD, TELECOM_TIMEOUT") List<String> reasons,
                              Instant dueAt, Instant occurredAt, String cause, String handlingProcess,
                              String draftedBy, Instant draftedAt, String reviewedBy, Instant reviewedAt,
                              String reviewNote, String submittedBy, Instant submittedAt, long version,
                              @Schema(description = "Actions allowed in the current status") List<String> allowedActions) {

    public static FaultReportView of(FaultReport r) {
        return new FaultReportView(r.id.toString(), "/api/v1/tickets/" + r.ticketId + "/fault-report",
                r.ticketId.toString(), r.status, s(r.unitId), Arrays.asList(r.reasons.split(",")), r.dueAt,
                r.occurredAt, r.cause, r.handlingProcess, s(r.draftedBy), r.draftedAt, s(r.reviewedBy), r.reviewedAt,
                r.reviewNote, s(r.submittedBy), r.submittedAt, r.version, FaultReportAction.allowed(r.status));
    }

    private static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
