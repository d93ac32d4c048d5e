package cn.onepoint.order;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.CircuitEnd;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A provisioning order 电路开通定单 (P1–P9). */
@Entity
@Table(name = "service_order")
public class ProvisioningOrder extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Convert(converter = Converters.Status.class)
    public OrderStatus status;
    @Convert(converter = Converters.Step.class)
    public OrderStep step;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "circuit_id")
    public UUID circuitId;
    @Column(name = "circuit_code")
    public String circuitCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;
    @Column(columnDefinition = "text")
    public String description;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "station", column = @Column(name = "a_station")),
            @AttributeOverride(name = "city", column = @Column(name = "a_city")),
            @AttributeOverride(name = "province", column = @Column(name = "a_province")),
            @AttributeOverride(name = "capital", column = @Column(name = "a_capital")),
            @AttributeOverride(name = "overseas", column = @Column(name = "a_overseas")),
            @AttributeOverride(name = "unitId", column = @Column(name = "a_unit_id"))})
    public CircuitEnd aEnd;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "station", column = @Column(name = "z_station")),
            @AttributeOverride(name = "city", column = @Column(name = "z_city")),
            @AttributeOverride(name = "province", column = @Column(name = "z_province")),
            @AttributeOverride(name = "capital", column = @Column(name = "z_capital")),
            @AttributeOverride(name = "overseas", column = @Column(name = "z_overseas")),
            @AttributeOverride(name = "unitId", column = @Column(name = "z_unit_id"))})
    public CircuitEnd zEnd;
    @Column(name = "backbone_unit_id")
    public UUID backboneUnitId;
    /** C2: ends in two provinces: a cross-domain 跨域 circuit (P5 weekly reports, P8 resource system). */
    @Column(name = "cross_province")
    public boolean crossProvince;
    /** P9(4): the end is an international gateway bureau 出入口局. */
    @Column(name = "a_gateway")
    public boolean aGateway;
    @Column(name = "z_gateway")
    public boolean zGateway;
    /** P5, P6: 加急. */
    public boolean expedited;
    @Column(name = "requested_completion_date")
    public LocalDate requestedCompletionDate;
    /** P5: what the order asked; cross-domain orders report weekly regardless ({@link #progressReportsRequired()}). */
    @Column(name = "progress_reports_requested")
    public boolean progressReportsRequested;
    /** P5: an expedited order's cadence as the customer requires (ISO-8601 duration); null = weekly. */
    @Column(name = "progress_report_interval")
    public String progressReportInterval;
    @Column(name = "end_to_end_test_required")
    public boolean endToEndTestRequired;
    /** P7: A端电路 (docs/orders.md explains the reading). */
    @Column(name = "a_end_circuit")
    public boolean aEndCircuit;
    /** P7: handed to another carrier (中国电信发起去联通单). */
    @Column(name = "handed_to_other_carrier")
    public boolean handedToOtherCarrier;
    @Column(name = "other_carrier")
    public String otherCarrier;
    /** P9: the leading city or GROUP_NOC, the clause, the end (null: neither), the subsidiary proxied. */
    @Column(name = "lead_bureau")
    public String leadBureau;
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_clause")
    public LeadBureau.Clause leadClause;
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_end")
    public LeadBureau.End leadEnd;
    @Column(name = "lead_proxy_for")
    public String leadProxyFor;
    @Column(name = "lead_unit_id")
    public UUID leadUnitId;
    @Column(name = "business_manager_id")
    public UUID businessManagerId;
    @Column(name = "customer_manager_id")
    public UUID customerManagerId;
    @Column(name = "network_ops_support_manager_id")
    public UUID networkOpsSupportManagerId;
    @Column(name = "project_manager_id")
    public UUID projectManagerId;
    /** P6: the current due date; a granted extension moves it. */
    @Column(name = "due_date")
    public LocalDate dueDate;
    /** End of the due date (onepoint.calendar.end-of-day). */
    @Column(name = "due_at")
    public Instant dueAt;
    /** P6: when the order enters the warning pool on schedule; null when it files progress reports. */
    @Column(name = "pool_entry_at")
    public Instant poolEntryAt;
    @Column(name = "warning_count")
    public int warningCount;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public UUID reviewedBy;
    @Column(name = "return_reason", columnDefinition = "text")
    public String returnReason;
    @Column(name = "survey_done_at")
    public Instant surveyDoneAt;
    @Column(name = "survey_summary", columnDefinition = "text")
    public String surveySummary;
    @Column(name = "property_issue")
    public Boolean propertyIssue;
    @Column(name = "property_note", columnDefinition = "text")
    public String propertyNote;
    @Column(name = "plan_done_at")
    public Instant planDoneAt;
    @Column(name = "plan_summary", columnDefinition = "text")
    public String planSummary;
    @Column(name = "last_progress_report_at")
    public Instant lastProgressReportAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "sign_off")
    public SignOff signOff;
    @Column(name = "completion_test_id")
    public UUID completionTestId;
    @Column(name = "resource_registered_at")
    public Instant resourceRegisteredAt;
    @Column(name = "resource_registration_ref")
    public String resourceRegistrationRef;
    @Column(name = "delivery_note_at")
    public Instant deliveryNoteAt;
    @Column(name = "delivery_note_ref")
    public String deliveryNoteRef;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** P8: sign-off of the delivery report 开通交付报告. */
    @Schema(name = "OrderSignOff")
    public enum SignOff { SIGNED, CUSTOMER_NOT_SIGNED, CUSTOMER_AND_CM_NOT_SIGNED }

    /** P5: reports are required when the order asks for them, and always for cross-domain orders. */
    public boolean progressReportsRequired() {
        return progressReportsRequested || crossProvince;
    }

    /** P5: an expedited order's own cadence, else null (weekly). */
    public Duration customCadence() {
        return expedited && progressReportInterval != null ? Duration.parse(progressReportInterval) : null;
    }

    /** P6: in the pool at {@code now}: a warning was filed, or its scheduled entry has come; until completion. */
    public boolean inWarningPool(Instant now) {
        return status.open() && (warningCount > 0 || poolEntryAt != null && !poolEntryAt.isAfter(now));
    }

    /** P6: 到期未完成且又未事先预警. */
    public boolean overdueWithoutWarning(Instant now) {
        return status.open() && warningCount == 0 && now.isAfter(dueAt);
    }

    /**
     * P7: why an end-to-end test is mandatory: an A端电路, MSTP, an order handed to another carrier, or the order
     * asks for it. Empty: a seamless test to the far-end exit 无缝隙测试 suffices.
     */
    public List<String> endToEndTestBecause() {
        List<String> why = new ArrayList<>();
        if (aEndCircuit) {
            why.add("A_END_CIRCUIT");
        }
        if (businessType == BusinessType.MSTP) {
            why.add("MSTP");
        }
        if (handedToOtherCarrier) {
            why.add("OTHER_CARRIER");
        }
        if (endToEndTestRequired) {
            why.add("ORDER_REQUIRES");
        }
        return why;
    }

    public boolean endToEndTestMandatory() {
        return !endToEndTestBecause().isEmpty();
    }
}
