package cn.onepoint.workorder;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What a work order received from what it was dispatched for, so that its unit sees it on the work order: new
 * information the control desk passed on, the customer-facing wording. {@code refId} is the sender's record.
 */
@Entity
@Table(name = "work_order_notice")
public class WorkOrderNotice extends PanacheEntityBase {

    public enum Kind { INFORMATION, WORDING }

    @Id
    public UUID id;
    @Column(name = "work_order_id")
    public UUID workOrderId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "ref_id")
    public UUID refId;
    @Column(columnDefinition = "text")
    public String text;
    /** Who sent it, and from which unit. */
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "unit_id")
    public UUID unitId;
    public Instant at;
}
