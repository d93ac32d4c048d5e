package cn.onepoint.cutover;

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

/** A1: planned work 割接 on circuits, announced to every affected customer before it starts. */
@Entity
@Table(name = "cutover")
public class Cutover extends PanacheEntityBase {
    @Id
    public UUID id;
    /** CO + local date + daily sequence. */
    public String number;
    @Enumerated(EnumType.STRING)
    public CutoverStatus status;
    public String title;
    @Column(columnDefinition = "text")
    public String description;
    /** What the customers will notice (e.g. 业务中断约 30 分钟). */
    @Column(columnDefinition = "text")
    public String impact;
    @Column(name = "planned_start")
    public Instant plannedStart;
    @Column(name = "planned_end")
    public Instant plannedEnd;
    @Column(name = "executing_unit_id")
    public UUID executingUnitId;
    /** The executing unit's province (feed filter). */
    public String province;
    @Column(name = "planner_id")
    public UUID plannerId;
    @Column(name = "announced_at")
    public Instant announcedAt;
    @Column(name = "announced_by")
    public UUID announcedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "started_by")
    public UUID startedBy;
    @Column(name = "start_note", columnDefinition = "text")
    public String startNote;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Enumerated(EnumType.STRING)
    public CutoverOutcome outcome;
    @Column(name = "result_note", columnDefinition = "text")
    public String resultNote;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancelled_by")
    public UUID cancelledBy;
    @Column(name = "cancel_reason", columnDefinition = "text")
    public String cancelReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
