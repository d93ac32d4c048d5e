package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The final fault report 故障处理报告: occurrence time, cause, handling process; one per ticket that needs one. */
@Entity
@Table(name = "fault_report")
public class FaultReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public FaultReportStatus status;
    /** The customer engineer's unit that reviews and submits it (null until known: the first drafter's). */
    @Column(name = "unit_id")
    public UUID unitId;
    /** Why one is due, comma-separated {@link FaultReportService.Reason} names. */
    public String reasons;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(columnDefinition = "text")
    public String cause;
    @Column(name = "handling_process", columnDefinition = "text")
    public String handlingProcess;
    @Column(name = "drafted_by")
    public UUID draftedBy;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "reviewed_by")
    public UUID reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "review_note", columnDefinition = "text")
    public String reviewNote;
    @Column(name = "submitted_by")
    public UUID submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
