package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.Loop;
import cn.onepoint.ticket.LoopDirection;
import cn.onepoint.ticket.LoopEnd;
import cn.onepoint.ticket.LoopPlan;
import cn.onepoint.ticket.LoopPoint;
import cn.onepoint.ticket.LoopProcedure;
import cn.onepoint.ticket.LoopTest;
import cn.onepoint.ticket.LoopTestStatus;
import cn.onepoint.workorder.Segment;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "LoopTest", description = "A loop-back test 打环测试 session (T17): the loops so far, the next ones the "
        + "procedure calls for, and the segment the fault was narrowed to")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoopTestView(String id, String href, String ticketId, boolean consent, String otherMethod,
                           boolean immediate, Instant scheduledAt, LoopPlan plan, LoopEnd cooperatingEnd,
                           LoopTestStatus status,
                           @Schema(description = "FOUND: the segment the loops narrowed the fault to") Segment segment,
                           String personId, String unitId, Instant startedAt, Instant endedAt, List<LoopView> loops,
                           @Schema(description = "TESTING: the loops the procedure calls for next") List<NextLoop> next) {

    @Schema(name = "Loop")
    public record LoopView(int seq, LoopEnd end, LoopPoint point, LoopDirection direction, boolean received,
                           @Schema(description = "What the loop showed") LoopProcedure.Finding finding,
                           String unitId, String personId, String note, Instant at) {
    }

    @Schema(name = "NextLoop", description = "A loop the procedure calls for now")
    public record NextLoop(LoopEnd end, LoopPoint point, LoopDirection direction,
                           @Schema(description = "Who watches for it") LoopProcedure.Receiver receivedBy,
                           @Schema(description = "Needs staff at the customer end (its customer cannot cooperate)")
                           boolean staffOnSite) {
    }

    public static LoopTestView of(LoopTest t, List<Loop> loops, List<LoopProcedure.Next> next) {
        return new LoopTestView(t.id.toString(), "/api/v1/tickets/" + t.ticketId + "/loop-tests/" + t.id,
                t.ticketId.toString(), t.consent, t.otherMethod, t.immediate, t.scheduledAt, t.plan, t.cooperatingEnd,
                t.status, t.segment, t.personId.toString(), t.unitId.toString(), t.startedAt, t.endedAt,
                loops.stream().map(l -> new LoopView(l.seq, l.end, l.point, l.direction, l.received, l.finding,
                        l.unitId.toString(), l.personId.toString(), l.note, l.at)).toList(),
                next.stream().map(n -> new NextLoop(n.end(), n.point(), n.direction(), n.receivedBy(),
                        n.staffOnSite())).toList());
    }
}
