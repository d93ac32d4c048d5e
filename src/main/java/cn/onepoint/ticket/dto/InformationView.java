package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.InformationSource;
import cn.onepoint.ticket.TicketInformation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "TicketInformation", description = "New information at the control desk and whom it was passed on to (T11)")
public record InformationView(String id, String ticketId, InformationSource source, String sourceName, String message,
                              String personId, String unitId, Instant receivedAt, Instant relayedAt, String relayedBy,
                              String relayedByUnitId, String relayNote,
                              @Schema(description = "The handling units' work orders it was passed on to")
                              List<String> relayedTo) {

    public static InformationView of(TicketInformation i, List<String> relayedTo) {
        return new InformationView(i.id.toString(), i.ticketId.toString(), i.source, i.sourceName, i.message,
                i.personId.toString(), i.unitId.toString(), i.receivedAt, i.relayedAt,
                i.relayedBy == null ? null : i.relayedBy.toString(),
                i.relayedByUnitId == null ? null : i.relayedByUnitId.toString(), i.relayNote, relayedTo);
    }
}
