package cn.onepoint.cutover.dto;

import cn.onepoint.cutover.CutoverStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "CutoverHistoryEntry")
public record CutoverHistoryView(long id, Instant at, String action, String actorId, CutoverStatus fromStatus,
                                 CutoverStatus toStatus, String detail,
                                 @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
}
