package cn.onepoint.ticket;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Tier;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A fault ticket 故障单 (T1–T12, T16). */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Convert(converter = Converters.Status.class)
    public TicketStatus status;
    @Convert(converter = Converters.PhaseConverter.class)
    public Phase phase;
    @Enumerated(EnumType.STRING)
    public Scope scope;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "circuit_id")
    public UUID circuitId;
    @Column(name = "customer_code")
    public String customerCode;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "circuit_code")
    public String circuitCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;
    /** 业务通达方向 */
    public String direction;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(columnDefinition = "text")
    public String symptom;
    @Column(name = "reporter_name")
    public String reporterName;
    @Column(name = "reporter_contact")
    public String reporterContact;
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** T2: the unit the customer reached directly (首问负责制). */
    @Column(name = "first_ask_unit_id")
    public UUID firstAskUnitId;
    /** The unified acceptance desk's unit that registered the fault. */
    @Column(name = "acceptance_unit_id")
    public UUID acceptanceUnitId;
    /** T6: exactly one first responsible person 第一责任人. */
    @Column(name = "responsible_person_id")
    public UUID responsiblePersonId;
    /** T13: a total outage 全阻 escalates at intake. */
    @Column(name = "total_outage")
    public boolean totalOutage;
    /** T13: a major network / inter-network / disaster fault affecting many customers escalates at once. */
    @Enumerated(EnumType.STRING)
    @Column(name = "major_fault")
    public MajorFault majorFault;
    /** T13: so does a telecom-caused total or partial outage at a large customer's headquarters. */
    @Enumerated(EnumType.STRING)
    @Column(name = "headquarters_outage")
    public HeadquartersOutage headquartersOutage;
    /** T3: a MOBILE fault also raises a network-assurance ticket. */
    @Column(name = "network_assurance")
    public boolean networkAssurance;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "local_check_result")
    public String localCheckResult;
    @Column(name = "local_check_note", columnDefinition = "text")
    public String localCheckNote;
    @Column(name = "local_check_at")
    public Instant localCheckAt;
    @Column(name = "province_review_unit_id")
    public UUID provinceReviewUnitId;
    @Column(name = "province_review_at")
    public Instant provinceReviewAt;
    /** T16: 0 nothing sent, 1 local access end only, 2 far end and backbone (or all at once). */
    @Column(name = "dispatch_stage")
    public short dispatchStage;
    @Column(name = "dispatcher_unit_id")
    public UUID dispatcherUnitId;
    /** T16: an alarm on a segment makes that segment's unit the owner. */
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    /** T5: restoration and repair are separate. */
    @Column(name = "service_restored_at")
    public Instant serviceRestoredAt;
    @Column(name = "fault_repaired_at")
    public Instant faultRepairedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public UUID closedBy;
    @Column(name = "customer_confirmed")
    public Boolean customerConfirmed;
    @Enumerated(EnumType.STRING)
    @Column(name = "cause_category")
    public CauseCategory causeCategory;
    @Column(name = "cause_text", columnDefinition = "text")
    public String causeText;
    @Enumerated(EnumType.STRING)
    @Column(name = "told_cause_category")
    public CauseCategory toldCauseCategory;
    @Column(name = "told_cause_text", columnDefinition = "text")
    public String toldCauseText;
    /** T12: the cause told to the customer differs from the true cause. */
    @Column(name = "cause_differs")
    public Boolean causeDiffers;
    /** T8: figures decided at close (seconds). */
    @Column(name = "sla_limit_seconds")
    public Long slaLimitSeconds;
    @Column(name = "sla_elapsed_seconds")
    public Long slaElapsedSeconds;
    @Column(name = "sla_suspended_seconds")
    public Long slaSuspendedSeconds;
    @Column(name = "sla_exempt_seconds")
    public Long slaExemptSeconds;
    @Column(name = "sla_counted_seconds")
    public Long slaCountedSeconds;
    @Column(name = "sla_met")
    public Boolean slaMet;
    /** T13/T14: the ticket's escalations so far (0: none); each external escalation adds one. */
    @Column(name = "escalation_level")
    public int escalationLevel;
    /** T14: the tier and unit of the highest escalation, where the next one starts from. */
    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_tier", columnDefinition = "varchar(16)")
    public Tier escalationTier;
    @Column(name = "escalation_unit_id")
    public UUID escalationUnitId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
