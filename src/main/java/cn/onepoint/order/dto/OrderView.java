package cn.onepoint.order.dto;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.order.LeadBureau;
import cn.onepoint.order.OrderAction;
import cn.onepoint.order.OrderStatus;
import cn.onepoint.order.OrderStep;
import cn.onepoint.order.ProvisioningOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Order", description = "A provisioning order 电路开通定单 (P1–P9)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        String id, String href,
        @Schema(examples = "SO202611250001") String number,
        OrderStatus status, OrderStep step,
        String customerId, String circuitId, String circuitCode, BusinessType businessType, String description,
        OrderEnd aEnd, OrderEnd zEnd, String backboneUnitId,
        @Schema(description = "Cross-domain 跨域: ends in two provinces") boolean crossProvince,
        boolean expedited, LocalDate requestedCompletionDate,
        @Schema(description = "P6: the current due date (a granted extension moves it)") LocalDate dueDate,
        @Schema(description = "End of the due date") Instant dueAt,
        @Schema(description = "P5: effective (cross-domain orders always report)") boolean progressReportsRequired,
        @Schema(description = "P5: the report cadence (ISO-8601), when reports are required") String progressReportInterval,
        boolean endToEndTestRequired, boolean aEndCircuit, boolean handedToOtherCarrier, String otherCarrier,
        @Schema(description = "P7: why an end-to-end test is mandatory (A_END_CIRCUIT, MSTP, OTHER_CARRIER, "
                + "ORDER_REQUIRES); empty: a seamless test to the far-end exit suffices") List<String> endToEndTestBecause,
        Lead leadBureau,
        String businessManagerId, String customerManagerId, String networkOpsSupportManagerId, String projectManagerId,
        Review review, Survey survey, Plan plan, Instant lastProgressReportAt,
        @Schema(description = "P6: warnings filed") int warningCount,
        @Schema(description = "P6: in the warning pool now") boolean inWarningPool,
        @Schema(description = "P6: when the order enters the pool on schedule (orders without progress reports)") Instant poolEntryAt,
        @Schema(description = "P6: past due, not complete, no warning filed (到期未完成且又未事先预警)") boolean overdueWithoutWarning,
        Completion completion, Record resourceRegistration, Record deliveryNote, Instant cancelledAt,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Actions allowed now") List<String> allowedActions) {

    @Schema(name = "OrderLeadBureau", description = "P9: the lead bureau 业务领导局 and the clause that decided")
    public record Lead(@Schema(examples = "武汉") String bureau, LeadBureau.Clause clause,
                       @Schema(examples = "P9(1)") String ref,
                       @Schema(description = "A or Z; absent when the bureau is at neither end") LeadBureau.End end,
                       @Schema(description = "The overseas subsidiary a gateway bureau organises for (P9(5))") String proxyFor,
                       String unitId) {
    }

    @Schema(name = "OrderReview")
    public record Review(Instant at, String by, @Schema(description = "P2: why it was returned 退单") String returnReason) {
    }

    @Schema(name = "OrderSurvey")
    public record Survey(Instant doneAt, String summary, Boolean propertyIssue, String propertyNote) {
    }

    @Schema(name = "OrderPlan")
    public record Plan(Instant doneAt, String summary) {
    }

    @Schema(name = "OrderCompletion", description = "P8: full completion 全程报竣; the service's completion time")
    public record Completion(Instant at, String by, ProvisioningOrder.SignOff signOff, String testId) {
    }

    @Schema(name = "OrderRecord")
    public record Record(Instant at, String reference) {
    }

    public static OrderView of(ProvisioningOrder o, Duration cadence, Instant now) {
        return new OrderView(o.id.toString(), "/api/v1/orders/" + o.id, o.number, o.status, o.step,
                s(o.customerId), s(o.circuitId), o.circuitCode, o.businessType, o.description,
                OrderEnd.of(o.aEnd, o.aGateway), OrderEnd.of(o.zEnd, o.zGateway), s(o.backboneUnitId),
                o.crossProvince, o.expedited, o.requestedCompletionDate, o.dueDate, o.dueAt,
                o.progressReportsRequired(), o.progressReportsRequired() ? cadence.toString() : null,
                o.endToEndTestRequired, o.aEndCircuit, o.handedToOtherCarrier, o.otherCarrier,
                o.endToEndTestBecause(),
                new Lead(o.leadBureau, o.leadClause, o.leadClause.ref(), o.leadEnd, o.leadProxyFor, s(o.leadUnitId)),
                s(o.businessManagerId), s(o.customerManagerId), s(o.networkOpsSupportManagerId),
                s(o.projectManagerId),
                o.reviewedAt == null ? null : new Review(o.reviewedAt, s(o.reviewedBy), o.returnReason),
                o.surveyDoneAt == null ? null : new Survey(o.surveyDoneAt, o.surveySummary, o.propertyIssue,
                        o.propertyNote),
                o.planDoneAt == null ? null : new Plan(o.planDoneAt, o.planSummary),
                o.lastProgressReportAt, o.warningCount, o.inWarningPool(now), o.poolEntryAt,
                o.overdueWithoutWarning(now),
                o.completedAt == null ? null : new Completion(o.completedAt, s(o.completedBy), o.signOff,
                        s(o.completionTestId)),
                o.resourceRegisteredAt == null ? null : new Record(o.resourceRegisteredAt, o.resourceRegistrationRef),
                o.deliveryNoteAt == null ? null : new Record(o.deliveryNoteAt, o.deliveryNoteRef),
                o.cancelledAt, o.createdAt, o.updatedAt, o.version, OrderAction.allowed(o.status, o.step));
    }

    static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
