package cn.onepoint.sla;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One deadline of the timer table (docs/rules.md). Features change it through {@link TimerService}; the sweep
 * ({@link TimerSweep}) warns, breaches and escalates it with plain SQL.
 */
@Entity
@Table(name = "timer")
public class Timer extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public TimerKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    public String rule;
    @Enumerated(EnumType.STRING)
    public TimerState state;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "warn_at")
    public Instant warnAt;
    @Column(name = "warned_at")
    public Instant warnedAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "paused_seconds")
    public long pausedSeconds;
    @Convert(converter = PausedIntervalsConverter.class)
    @Column(name = "paused_intervals", columnDefinition = "text")
    public List<PausedInterval> pausedIntervals = new ArrayList<>();
    @Column(name = "limit_seconds")
    public Long limitSeconds;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String province;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "escalation_tier")
    public String escalationTier;
    @Column(name = "escalation_unit_id")
    public UUID escalationUnitId;
    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * Seconds left at {@code now}: counting down while running, frozen while paused, negative (how late)
     * for a breach not yet stopped; null once the timer is over.
     */
    public Long remainingSeconds(Instant now) {
        return switch (state) {
            case running -> Duration.between(now, dueAt).toSeconds();
            case paused -> Duration.between(pausedAt, dueAt).toSeconds();
            case breached -> stoppedAt == null ? Duration.between(now, dueAt).toSeconds() : null;
            case met, cancelled -> null;
        };
    }
}
