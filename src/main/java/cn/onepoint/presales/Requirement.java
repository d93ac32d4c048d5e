package cn.onepoint.presales;

import cn.onepoint.directory.BusinessType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A requirement order 业务需求单 issued by a (chief) customer manager, with a resource check per segment. */
@Entity
@Table(name = "requirement")
public class Requirement extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Enumerated(EnumType.STRING)
    public RequirementKind kind;
    @Enumerated(EnumType.STRING)
    public RequirementStatus status;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "project_id")
    public UUID projectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;
    public String bandwidth;
    @Column(name = "required_date")
    public LocalDate requiredDate;
    @Column(name = "requested_by")
    public UUID requestedBy;
    /** The requesting customer manager's unit. */
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(columnDefinition = "text")
    public String description;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "address", column = @Column(name = "a_address")),
            @AttributeOverride(name = "station", column = @Column(name = "a_station")),
            @AttributeOverride(name = "city", column = @Column(name = "a_city")),
            @AttributeOverride(name = "province", column = @Column(name = "a_province")),
            @AttributeOverride(name = "unitId", column = @Column(name = "a_unit_id"))})
    public CheckEnd aEnd;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "address", column = @Column(name = "z_address")),
            @AttributeOverride(name = "station", column = @Column(name = "z_station")),
            @AttributeOverride(name = "city", column = @Column(name = "z_city")),
            @AttributeOverride(name = "province", column = @Column(name = "z_province")),
            @AttributeOverride(name = "unitId", column = @Column(name = "z_unit_id"))})
    public CheckEnd zEnd;
    @Column(name = "backbone_unit_id")
    public UUID backboneUnitId;
    /** 1, or 2 once the second check 二次核查 is under way. */
    public int round;
    /** The combined final answer, once every segment has one. */
    @Enumerated(EnumType.STRING)
    public CheckAnswer result;
    /** When the last segment answered. */
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** The result is valid until then (a calendar month after the last answer, by default). */
    @Column(name = "valid_until")
    public Instant validUntil;
    /** The RESOURCE_CHECK_VALIDITY timer watching {@link #validUntil}. */
    @Column(name = "validity_timer_id")
    public UUID validityTimerId;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
