package cn.onepoint.workorder;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One dispatch of a ticket (or an order, or a coordination request) to one unit. */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Enumerated(EnumType.STRING)
    public WorkOrderType type;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "unit_id")
    public UUID unitId;
    /** The customer served: kept so that every event of this work order carries it (feed filters). */
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    /** T16: 1 = local access end first, 2 = far end and backbone (or everything at once). */
    public short stage;
    @Column(columnDefinition = "text")
    public String instructions;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "accepted_by")
    public UUID acceptedBy;
    /** T16: every unit first checks alarms and configuration changes on its segment. */
    @Column(name = "alarm_found")
    public Boolean alarmFound;
    @Column(name = "config_change_found")
    public Boolean configChangeFound;
    @Column(name = "findings_note", columnDefinition = "text")
    public String findingsNote;
    @Column(name = "findings_at")
    public Instant findingsAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(columnDefinition = "text")
    public String result;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** T16: the segment was checked and showed neither an alarm nor a configuration change. */
    public boolean reportedClean() {
        return findingsAt != null && Boolean.FALSE.equals(alarmFound) && Boolean.FALSE.equals(configChangeFound);
    }
}
