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

/** T9: a handling unit's progress report to the dispatcher. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "work_order_id")
    public UUID workOrderId;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "reporter_id")
    public UUID reporterId;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "handler_name")
    public String handlerName;
    @Column(columnDefinition = "text")
    public String operation;
    @Enumerated(EnumType.STRING)
    @Column(name = "fault_segment")
    public Segment faultSegment;
    @Column(columnDefinition = "text")
    public String cause;
    /** T9: an interim judgement is "not the final cause". */
    public boolean interim;
}
