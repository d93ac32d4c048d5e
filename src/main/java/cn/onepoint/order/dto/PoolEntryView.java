package cn.onepoint.order.dto;

import cn.onepoint.order.OrderStatus;
import cn.onepoint.order.OrderStep;
import cn.onepoint.order.ProvisioningOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "WarningPoolEntry", description = "P6: an order in the warning pool 电路预警")
public record PoolEntryView(String orderId, String href, String number, OrderStatus status, OrderStep step,
                            String customerId, String circuitCode, boolean expedited, LocalDate dueDate,
                            @Schema(description = "SCHEDULE (10 working days before due, or at once for an expedited "
                                    + "order with fewer), WARNING_FILED") String why,
                            Instant poolEntryAt, int warningCount, String leadBureau, String leadUnitId) {
    public static PoolEntryView of(ProvisioningOrder o) {
        return new PoolEntryView(o.id.toString(), "/api/v1/orders/" + o.id, o.number, o.status, o.step,
                o.customerId.toString(), o.circuitCode, o.expedited, o.dueDate,
                o.warningCount > 0 ? "WARNING_FILED" : "SCHEDULE", o.poolEntryAt, o.warningCount, o.leadBureau,
                o.leadUnitId.toString());
    }
}
