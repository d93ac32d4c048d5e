package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.Phase;
import cn.onepoint.ticket.TicketHistory;
import cn.onepoint.ticket.TicketStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "TicketHistoryEntry")
public record HistoryView(long id, Instant at, String action, String actorId, String unitId, TicketStatus fromStatus,
                          TicketStatus toStatus, Phase phase, String detail,
                          @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
    public static HistoryView of(TicketHistory h) {
        return new HistoryView(h.id, h.at, h.action, h.actorId == null ? null : h.actorId.toString(),
                h.unitId == null ? null : h.unitId.toString(), h.fromStatus, h.toStatus, h.phase, h.detail, h.subject);
    }
}
