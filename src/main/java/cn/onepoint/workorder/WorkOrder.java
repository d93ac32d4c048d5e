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

/**
 * One dispatch of a ticket, an order or a cross-domain request to one unit; or the cross-domain request
 * itself, which is dispatched for nothing and whose tasks are work orders dispatched for it.
 */
@Entity
@Table(name = "work_order")
public class WorkOrder extends PanacheEntityBase {
    /** The subject type of a work order dispatched for another one (a cross-domain task for its request). */
    public static final String SUBJECT = "WORK_ORDER";

    @Id
    public UUID id;
    public String number;
    @Enumerated(EnumType.STRING)
    public WorkOrderType type;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    /** TICKET, ORDER, WORK_ORDER (a cross-domain task: its request); null for a cross-domain request. */
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
    /** Cross-domain request: what the customer manager asked for, by whom, from which customer engineer, until when. */
    public String title;
    @Column(columnDefinition = "text")
    public String description;
    @Column(name = "requested_by")
    public UUID requestedBy;
    @Column(name = "engineer_id")
    public UUID engineerId;
    /** Cross-domain: the required time of a request or of a task. */
    @Column(name = "due_at")
    public Instant dueAt;
    /** Cross-domain request: who replied to the customer manager (at completedAt, with result as the reply). */
    @Column(name = "replied_by")
    public UUID repliedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** A cross-domain request (the customer manager's), not a dispatch to a unit. */
    public boolean request() {
        return subjectId == null;
    }

    /** The request a cross-domain task was dispatched for; null for anything else. */
    public UUID parentId() {
        return SUBJECT.equals(subjectType) ? subjectId : null;
    }

    /** T16: the segment was checked and showed neither an alarm nor a configuration change. */
    public boolean reportedClean() {
        return findingsAt != null && Boolean.FALSE.equals(alarmFound) && Boolean.FALSE.equals(configChangeFound);
    }
}
