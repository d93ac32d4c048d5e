package cn.onepoint.ticket;

import cn.onepoint.workorder.Segment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A loop-back test 打环测试 session of a ticket: the customer's consent, the plan, the outcome. */
@Entity
@Table(name = "loop_test")
public class LoopTest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public boolean consent;
    /** Without consent: the method used instead. */
    @Column(name = "other_method", columnDefinition = "text")
    public String otherMethod;
    /** The customer asks for immediate handling (otherwise staff test both ends at an agreed time). */
    public boolean immediate;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Enumerated(EnumType.STRING)
    public LoopPlan plan;
    /** ONE: the end whose customer cooperates. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cooperating_end")
    public LoopEnd cooperatingEnd;
    @Enumerated(EnumType.STRING)
    public LoopTestStatus status;
    /** FOUND: where the loops narrowed the fault to. */
    @Enumerated(EnumType.STRING)
    public Segment segment;
    /** Who of the dispatching unit agreed it with the customer. */
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;

    /** Whether the customer at {@code end} can cooperate. */
    public boolean cooperates(LoopEnd end) {
        return plan == LoopPlan.BOTH || (plan == LoopPlan.ONE && end == cooperatingEnd);
    }

    static Uni<LoopTest> testing(UUID ticketId) {
        return find("ticketId = ?1 and status = ?2", ticketId, LoopTestStatus.TESTING).firstResult();
    }
}
