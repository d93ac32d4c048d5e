package cn.onepoint.cutover;

import cn.onepoint.directory.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A1: one affected customer of a cutover: who was told for it (its customer manager, else its CCE), when, and its
 * acknowledgement 回执. The acknowledgement is timed per notice (timer subject {@code CUTOVER_NOTICE}).
 */
@Entity
@Table(name = "cutover_notice")
public class CutoverNotice extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "cutover_id")
    public UUID cutoverId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role")
    public Role recipientRole;
    @Column(name = "notified_at")
    public Instant notifiedAt;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    /** The person who recorded the customer's acknowledgement. */
    @Column(name = "acknowledged_by")
    public UUID acknowledgedBy;
    /** The customer's contact who acknowledged. */
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "ack_note", columnDefinition = "text")
    public String ackNote;
    /** The cutover started while this customer had not acknowledged (allowed only when the starter said so). */
    @Column(name = "unacknowledged_at_start")
    public boolean unacknowledgedAtStart;

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
