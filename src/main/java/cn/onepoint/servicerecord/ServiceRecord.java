package cn.onepoint.servicerecord;

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

/** A3: a visit, campaign, crisis intervention, service-tracking warning or drill for a customer, due by a date. */
@Entity
@Table(name = "service_record")
public class ServiceRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    /** SR + local date + daily sequence. */
    public String number;
    @Enumerated(EnumType.STRING)
    public ServiceRecordKind kind;
    @Enumerated(EnumType.STRING)
    public ServiceRecordStatus status;
    @Column(name = "customer_id")
    public UUID customerId;
    /** The assignee's unit: its supervisor hears of a breach first. */
    @Column(name = "unit_id")
    public UUID unitId;
    public String province;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "created_by")
    public UUID createdBy;
    public String title;
    @Column(columnDefinition = "text")
    public String description;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Column(columnDefinition = "text")
    public String outcome;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancelled_by")
    public UUID cancelledBy;
    @Column(name = "cancel_reason", columnDefinition = "text")
    public String cancelReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** Still open after its due time. */
    public boolean overdue(Instant now) {
        return status == ServiceRecordStatus.OPEN && now.isAfter(dueAt);
    }
}
