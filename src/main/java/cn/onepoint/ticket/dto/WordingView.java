package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.Wording;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "TicketWording", description = "A customer-facing wording 口径 (T13); the current one has no supersededAt")
public record WordingView(String id, String ticketId, String text, String personId, Instant setAt, boolean current,
                          Instant supersededAt, String supersededBy,
                          @Schema(description = "The handling units' work orders that received it") List<String> sentTo) {

    public static WordingView of(Wording w, List<String> sentTo) {
        return new WordingView(w.id.toString(), w.ticketId.toString(), w.text, w.personId.toString(), w.setAt,
                w.supersededAt == null, w.supersededAt, w.supersededBy == null ? null : w.supersededBy.toString(),
                sentTo);
    }
}
