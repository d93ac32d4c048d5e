package cn.onepoint.sla.dto;

import cn.onepoint.directory.Tier;
import cn.onepoint.sla.Escalation;
import cn.onepoint.sla.EscalationReason;
import cn.onepoint.notify.Notification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Escalation", description = "T13: one step up LOCAL → PROVINCE → GROUP, with the people told")
public record EscalationView(String id, String timerId, SubjectRef subject, int level, Tier tier, String unitId,
                             EscalationReason reason, Instant escalatedAt, List<NotificationView> notifications) {
    public static EscalationView of(Escalation e, List<Notification> notifications) {
        return new EscalationView(e.id.toString(), e.timerId == null ? null : e.timerId.toString(),
                new SubjectRef(e.subjectType, e.subjectId.toString()), e.level, e.tier,
                e.unitId == null ? null : e.unitId.toString(), e.reason, e.escalatedAt,
                notifications.stream().map(NotificationView::of).toList());
    }

    /**
     * The EscalationEvent payload: who was told, without the message texts (read them with
     * GET /timers/{id}/escalations), so a burst of breaches writes less to the outbox.
     */
    public static EscalationView event(Escalation e, List<Notification> notifications) {
        EscalationView full = of(e, notifications);
        return new EscalationView(full.id(), full.timerId(), full.subject(), full.level(), full.tier(), full.unitId(),
                full.reason(), full.escalatedAt(), full.notifications().stream()
                .map(n -> new NotificationView(n.id(), n.recipientId(), n.role(), n.channel(), null, n.createdAt(),
                        null, n.actor())).toList());
    }
}
