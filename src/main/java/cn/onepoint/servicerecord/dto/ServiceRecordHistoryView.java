package cn.onepoint.servicerecord.dto;

import cn.onepoint.servicerecord.ServiceRecordStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ServiceRecordHistoryEntry")
public record ServiceRecordHistoryView(long id, Instant at, String action, String actorId,
                                       ServiceRecordStatus fromStatus, ServiceRecordStatus toStatus, String detail,
                                       @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
}
