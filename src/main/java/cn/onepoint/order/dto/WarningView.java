package cn.onepoint.order.dto;

import cn.onepoint.order.OrderWarning;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "OrderWarning", description = "P6: a warning 电路预警")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarningView(String id, String href, String unitId, String personId, OrderWarning.Reason reason,
                          String text, Instant filedAt, LocalDate dueDateAtFiling, boolean extensionRequested,
                          LocalDate requestedDueDate, Instant grantedAt, String grantedBy, LocalDate grantedDueDate) {
    public static WarningView of(OrderWarning w) {
        return new WarningView(w.id.toString(), "/api/v1/orders/" + w.orderId + "/warnings/" + w.id,
                w.unitId.toString(), w.personId.toString(), w.reason, w.text, w.filedAt, w.dueDateAtFiling,
                w.extensionRequested, w.requestedDueDate, w.grantedAt, OrderView.s(w.grantedBy), w.grantedDueDate);
    }
}
