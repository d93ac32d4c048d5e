package cn.onepoint.order.dto;

import cn.onepoint.order.OrderHistory;
import cn.onepoint.order.OrderStatus;
import cn.onepoint.order.OrderStep;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "OrderHistoryEntry")
public record OrderHistoryView(long id, Instant at, String action, String actorId, String unitId,
                               OrderStatus fromStatus, OrderStatus toStatus, OrderStep step, String detail,
                               @Schema(description = "Who made the change as authenticated: a person id or service:<client>; null for the service's own work") String subject) {
    public static OrderHistoryView of(OrderHistory h) {
        return new OrderHistoryView(h.id, h.at, h.action, OrderView.s(h.actorId), OrderView.s(h.unitId),
                h.fromStatus, h.toStatus, h.step, h.detail, h.subject);
    }
}
