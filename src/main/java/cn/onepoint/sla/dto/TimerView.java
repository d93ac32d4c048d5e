package cn.onepoint.sla.dto;

import cn.onepoint.sla.PausedInterval;
import cn.onepoint.sla.Timer;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerState;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Timer", description = "A deadline the engine watches (docs/rules.md timer table)")
public record TimerView(
        String id, String href, TimerKind kind,
        @Schema(description = "Rule id in docs/rules.md, e.g. T4") String rule,
        SubjectRef subject, TimerState state,
        Instant startedAt, Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant stoppedAt,
        Instant pausedAt, long pausedSeconds, List<PausedInterval> pausedIntervals, Long limitSeconds,
        @Schema(description = "Seconds to the deadline now; frozen while paused, negative when late, null when over")
        Long remainingSeconds,
        String unitId, String customerId, String province,
        int escalationLevel, String escalationTier, Instant nextEscalationAt, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Escalations of this timer (on GET /timers/{id} only)")
        List<EscalationView> escalations) {

    public static TimerView of(Timer t, Instant now) {
        return of(t, now, null);
    }

    public static TimerView of(Timer t, Instant now, List<EscalationView> escalations) {
        return new TimerView(t.id.toString(), "/api/v1/timers/" + t.id, t.kind, t.rule,
                new SubjectRef(t.subjectType, t.subjectId.toString()), t.state,
                t.startedAt, t.dueAt, t.warnAt, t.warnedAt, t.breachedAt, t.stoppedAt,
                t.pausedAt, t.pausedSeconds, List.copyOf(t.pausedIntervals), t.limitSeconds, t.remainingSeconds(now),
                str(t.unitId), str(t.customerId), t.province,
                t.escalationLevel, t.escalationTier, t.nextEscalationAt, t.createdAt, escalations);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
