package cn.onepoint.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One notification on one channel to one address, sent by the {@link DeliveryJob} with retries. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "notification_id")
    public UUID notificationId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "recipient_id")
    public UUID recipientId;
    /** The webhook URL; the e-mail address once it was read from the directory for a send. */
    @Column(columnDefinition = "text")
    public String address;
    @Column(columnDefinition = "text")
    public String subject;
    @Column(columnDefinition = "text")
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "escalation_id")
    public UUID escalationId;
}
