package cn.onepoint.sla;

import cn.onepoint.directory.Tier;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** T13: one step up the chain LOCAL → PROVINCE → GROUP, for a breached timer or at once (total outage, A2). */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {
    @Id
    public UUID id;
    /** Null when escalated directly ({@link TimerService#escalateNow}). */
    @Column(name = "timer_id")
    public UUID timerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "customer_id")
    public UUID customerId;
    /** 1 = the first escalation (the timer's own unit); each further tier adds one. */
    public int level;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    @Column(name = "unit_id")
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    public EscalationReason reason;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
