package cn.onepoint.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Every change of an order, with actor and time (closed-loop management 闭环管理). */
@Entity
@Table(name = "service_order_history")
public class OrderHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public UUID orderId;
    public Instant at;
    public String action;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Convert(converter = Converters.Status.class)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Convert(converter = Converters.Status.class)
    @Column(name = "to_status")
    public OrderStatus toStatus;
    @Convert(converter = Converters.Step.class)
    public OrderStep step;
    @Column(columnDefinition = "text")
    public String detail;
}
