package cn.onepoint.notify.dto;

import cn.onepoint.notify.Channel;
import cn.onepoint.notify.DeliveryState;
import cn.onepoint.notify.NotificationDelivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "NotificationDelivery", description = "One notification on one channel to one address, and how its "
        + "sending went")
public record DeliveryView(String id, String notificationId, Channel channel, String recipientId,
                           @Schema(description = "The webhook URL, or the e-mail address last sent to") String address,
                           String subject, String body, DeliveryState state, int attempts,
                           @Schema(description = "PENDING: when it is (re)tried") Instant nextAttemptAt,
                           String lastError, Instant createdAt, Instant sentAt,
                           @Schema(description = "What the notification is about: TICKET, CUTOVER, …") String sourceType,
                           String sourceId, String escalationId) {
    public static DeliveryView of(NotificationDelivery d) {
        return new DeliveryView(d.id.toString(), d.notificationId.toString(), d.channel, d.recipientId.toString(),
                d.address, d.subject, d.body, d.state, d.attempts,
                d.state == DeliveryState.PENDING ? d.nextAttemptAt : null, d.lastError, d.createdAt, d.sentAt,
                d.sourceType, d.sourceId.toString(), d.escalationId == null ? null : d.escalationId.toString());
    }
}
