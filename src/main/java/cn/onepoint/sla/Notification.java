package cn.onepoint.sla;

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

/** A message to one person, mostly about an escalation (T13); {@link Notifier} delivers it. */
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
    public String channel;
    /** In Chinese, the language of the people it goes to. */
    @Column(columnDefinition = "text")
    public String text;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** A message outside any escalation (an order's warning, a cutover notice), to be persisted by the caller. */
    public static Notification of(UUID recipientId, Role role, String channel, String text, SubjectType subjectType,
                                  UUID subjectId, Instant at) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.recipientId = recipientId;
        n.role = role;
        n.channel = channel;
        n.text = text;
        n.subjectType = subjectType;
        n.subjectId = subjectId;
        n.createdAt = at;
        return n;
    }
}
