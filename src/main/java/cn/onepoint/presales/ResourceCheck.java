package cn.onepoint.presales;

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

/** The resource check 资源核查 of one segment of a requirement, in one round. */
@Entity
@Table(name = "resource_check")
public class ResourceCheck extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "requirement_id")
    public UUID requirementId;
    /** 1; 2 for the second check 二次核查. */
    public int round;
    @Enumerated(EnumType.STRING)
    public CheckSegment segment;
    /** Who answers: the segment's unit. */
    @Column(name = "unit_id")
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    public CheckAnswer answer;
    @Column(name = "answered_by")
    public UUID answeredBy;
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** SCHEDULE_NOT_MET: the earliest date the segment could be ready, when known. */
    @Column(name = "earliest_date")
    public LocalDate earliestDate;
    @Column(columnDefinition = "text")
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
}
