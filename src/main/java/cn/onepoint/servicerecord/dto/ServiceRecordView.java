package cn.onepoint.servicerecord.dto;

import cn.onepoint.servicerecord.ServiceRecordKind;
import cn.onepoint.servicerecord.ServiceRecordStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "ServiceRecord", description = "A3: an after-sales duty with a due date")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRecordView(
        String id, String href, @Schema(examples = "SR202611250001") String number,
        ServiceRecordKind kind, ServiceRecordStatus status,
        String customerId, String unitId, String assigneeId, String createdBy,
        String title, String description, Instant dueAt,
        @Schema(description = "Open after its due time") boolean overdue,
        Instant completedAt, String completedBy, String outcome,
        Instant cancelledAt, String cancelledBy, String cancelReason,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Actions allowed now") List<String> allowedActions) {
}
