package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.DifficultFault;
import cn.onepoint.ticket.JointParticipant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "DifficultFault", description = "A difficult fault 疑难故障 (T17) and its joint handling: who joined, when")
public record DifficultFaultView(String ticketId, String loopTestId, Instant startedAt, List<Participant> participants) {

    @Schema(name = "JointHandlingParticipant")
    public record Participant(String unitId,
                              @Schema(description = "Absent when the unit joined as a whole (the handling units at the start)")
                              String personId, Instant joinedAt, String note) {
    }

    public static DifficultFaultView of(DifficultFault d, List<JointParticipant> participants) {
        return new DifficultFaultView(d.ticketId.toString(), d.loopTestId.toString(), d.startedAt,
                participants.stream().map(p -> new Participant(p.unitId.toString(),
                        p.personId == null ? null : p.personId.toString(), p.joinedAt, p.note)).toList());
    }
}
