package cn.onepoint.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CDI event fired after a sweep transaction that breached timers has committed. An in-process hint
 * (metrics, the benchmark); lost on a crash, so anything that must not be lost reads the outbox instead.
 */
public record BreachesCommitted(Instant committedAt, List<Breach> breaches) {

    public record Breach(UUID timerId, TimerKind kind, SubjectType subjectType, UUID subjectId,
                         Instant dueAt) {
    }
}
