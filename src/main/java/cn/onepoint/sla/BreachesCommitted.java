package cn.onepoint.sla;

import java.time.Instant;
import java.util.List;

/**
 * CDI event fired after a sweep transaction that breached timers has committed. An in-process hint
 * (metrics, the benchmark); lost on a crash, so anything that must not be lost reads the outbox instead.
 */
public record BreachesCommitted(Instant committedAt, List<Breach> breaches) {

    public record Breach(java.util.UUID timerId, TimerKind kind, SubjectType subjectType, java.util.UUID subjectId,
                         Instant dueAt) {
    }
}
