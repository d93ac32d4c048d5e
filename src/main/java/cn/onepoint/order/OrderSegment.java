package cn.onepoint.order;

import cn.onepoint.workorder.Segment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * P4: one segment's task (分解各段工期): an ORDER_TASK work order to its unit with its own due date.
 * P8: the unit reports it complete (分段填报竣工) with its test result.
 */
@Entity
@Table(name = "service_order_segment")
public class OrderSegment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "work_order_id")
    public UUID workOrderId;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "test_result")
    public OrderTest.Result testResult;
    @Column(name = "test_report_ref")
    public String testReportRef;
    @Column(name = "test_report_text", columnDefinition = "text")
    public String testReportText;

    public boolean complete() {
        return completedAt != null;
    }
}
