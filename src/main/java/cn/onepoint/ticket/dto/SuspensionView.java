package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.Suspension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Suspension")
public record SuspensionView(String id, Suspension.Status status, String requestedByUnitId, String requestedBy,
                             Instant requestedAt, String reason, String decidedByUnitId, String decidedBy,
                             Instant decidedAt, String decisionNote, Instant startedAt, Instant endedAt) {
    public static SuspensionView of(Suspension s) {
        return new SuspensionView(s.id.toString(), s.status, str(s.requestedByUnitId), str(s.requestedBy),
                s.requestedAt, s.reason, str(s.decidedByUnitId), str(s.decidedBy), s.decidedAt, s.decisionNote,
                s.startedAt, s.endedAt);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
