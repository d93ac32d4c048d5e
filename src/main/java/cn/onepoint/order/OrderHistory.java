package cn.onepoint.order;

import cn.onepoint.common.HistoryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** Every change of an order, with actor and time (closed-loop management 闭环管理). */
@Entity
@Table(name = "service_order_history")
public class OrderHistory extends HistoryEntry {
    @Column(name = "order_id")
    public UUID orderId;
    @Convert(converter = Converters.Status.class)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Convert(converter = Converters.Status.class)
    @Column(name = "to_status")
    public OrderStatus toStatus;
    @Convert(converter = Converters.Step.class)
    public OrderStep step;
}
