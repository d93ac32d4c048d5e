package cn.onepoint.presales;

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

/** A pre-sales project and the step it is in; its issue table and requirement orders point to it. */
@Entity
@Table(name = "presales_project")
public class Project extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    public String name;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "customer_engineer_id")
    public UUID customerEngineerId;
    @Column(name = "customer_manager_id")
    public UUID customerManagerId;
    @Column(columnDefinition = "text")
    public String description;
    @Enumerated(EnumType.STRING)
    public ProjectStep step;
    @Column(name = "document_reference")
    public String documentReference;
    @Column(name = "document_summary", columnDefinition = "text")
    public String documentSummary;
    @Column(name = "document_recorded_by")
    public UUID documentRecordedBy;
    @Column(name = "document_recorded_at")
    public Instant documentRecordedAt;
    /** When the customer confirmed the requirement document; null while it is not confirmed. */
    @Column(name = "document_confirmed_at")
    public Instant documentConfirmedAt;
    @Column(name = "document_customer_contact")
    public String documentCustomerContact;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
