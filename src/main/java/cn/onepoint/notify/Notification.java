package cn.onepoint.notify;

import cn.onepoint.directory.Role;
import cn.onepoint.sla.SubjectType;
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
 * A message to one person, mostly about an escalation (T13). Written only through {@link Notifications}, which
 * queues its {@link NotificationDelivery deliveries} in the same transaction.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "escalation_id")
    public UUID escalationId;
    @Column(name = "recipient_id")
    public UUID recipientId;
    /** Why this person hears of it: SUPERVISOR, CHIEF_CUSTOMER_ENGINEER (escalated to), CUSTOMER_MANAGER (notified). */
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The channels it was queued on, e.g. {@code LOG,EMAIL}. */
    public String channel;
    /** In Chinese, the language of the people it goes to. */
    @Column(columnDefinition = "text")
    public String text;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    /** Who caused it: the request's authenticated subject (person id or service:client); null for the sweeps. */
    public String actor;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
