package cn.onepoint.sla.dto;

import cn.onepoint.directory.Role;
import cn.onepoint.notify.Notification;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Notification", description = "T13: a person told of an escalation")
public record NotificationView(String id, String recipientId, Role role, String channel,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String text,
                               Instant createdAt, Instant deliveredAt,
                               @Schema(description = "Who caused it: the person id or service:<client> of the request "
                                       + "that wrote it; null for the service's own work (timer sweeps)") String actor) {
    public static NotificationView of(Notification n) {
        return new NotificationView(n.id.toString(), n.recipientId.toString(), n.role, n.channel, n.text,
                n.createdAt, n.deliveredAt, n.actor);
    }
}
