package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** T8: a suspension 挂起, from request through approval to resume. Its interval is judged at close. */
@Entity
@Table(name = "suspension")
public class Suspension extends PanacheEntityBase {

    public enum Status { REQUESTED, ACTIVE, ENDED, REFUSED }

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_by_unit_id")
    public UUID requestedByUnitId;
    @Column(name = "requested_by")
    public UUID requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(columnDefinition = "text")
    public String reason;
    @Column(name = "decided_by_unit_id")
    public UUID decidedByUnitId;
    @Column(name = "decided_by")
    public UUID decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note", columnDefinition = "text")
    public String decisionNote;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
}
