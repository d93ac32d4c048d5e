package cn.onepoint.presales.dto;

import cn.onepoint.presales.PresalesHistory;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PresalesHistoryEntry", description = "One change of a pre-sales record, with actor and time")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(long id, Instant at, String action, String actorId, String fromState, String toState,
                          String detail,
                          @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
    public static HistoryView of(PresalesHistory h) {
        return new HistoryView(h.id, h.at, h.action, Views.s(h.actorId), h.fromState, h.toState, h.detail, h.subject);
    }
}
