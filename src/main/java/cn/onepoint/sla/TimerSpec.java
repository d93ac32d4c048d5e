package cn.onepoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a feature asks {@link TimerService#start} for. Give a {@code limit} (counted from now), or an explicit
 * {@code dueAt} (working-day timers: the caller computes it with the working calendar), or neither for a
 * kind whose limit is fixed in {@link SlaPolicy} (accept, customer updates, …).
 *
 * <pre>{@code
 * timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket.id)
 *         .withLimit(policy.resolutionLimit(circuit.businessType, customer.level))
 *         .withScope(unitId, customer.id, unit.province));
 * }</pre>
 *
 * @param warnAt explicit warning time; null = at {@link SlaPolicy#warnShare()} of the limit
 */
public record TimerSpec(TimerKind kind, SubjectType subjectType, UUID subjectId, Duration limit, Instant dueAt,
                        Instant warnAt, UUID unitId, UUID customerId, String province) {

    public TimerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
    }

    public static TimerSpec of(TimerKind kind, SubjectType subjectType, UUID subjectId) {
        return new TimerSpec(kind, subjectType, subjectId, null, null, null, null, null, null);
    }

    public TimerSpec withLimit(Duration limit) {
        return new TimerSpec(kind, subjectType, subjectId, limit, null, warnAt, unitId, customerId, province);
    }

    public TimerSpec withDueAt(Instant dueAt) {
        return new TimerSpec(kind, subjectType, subjectId, null, dueAt, warnAt, unitId, customerId, province);
    }

    public TimerSpec withWarnAt(Instant warnAt) {
        return new TimerSpec(kind, subjectType, subjectId, limit, dueAt, warnAt, unitId, customerId, province);
    }

    /** Where the timer belongs: the unit that must act (escalation starts at its supervisor), the customer, the province. */
    public TimerSpec withScope(UUID unitId, UUID customerId, String province) {
        return new TimerSpec(kind, subjectType, subjectId, limit, dueAt, warnAt, unitId, customerId, province);
    }
}
