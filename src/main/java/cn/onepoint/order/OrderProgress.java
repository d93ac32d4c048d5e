package cn.onepoint.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** P5: a progress report 进度报告: this week's work, next week's plan, items to warn about. */
@Entity
@Table(name = "service_order_progress")
public class OrderProgress extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "this_week", columnDefinition = "text")
    public String thisWeek;
    @Column(name = "next_week", columnDefinition = "text")
    public String nextWeek;
    @Column(name = "warning_items", columnDefinition = "text")
    public String warningItems;
}
