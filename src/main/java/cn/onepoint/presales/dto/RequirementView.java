package cn.onepoint.presales.dto;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.presales.CheckAnswer;
import cn.onepoint.presales.Requirement;
import cn.onepoint.presales.RequirementKind;
import cn.onepoint.presales.RequirementStatus;
import cn.onepoint.presales.ResourceCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Requirement", description = "A requirement order 业务需求单 with its resource checks")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementView(
        String id, String href, @Schema(examples = "RQ202612020001") String number,
        RequirementKind kind, RequirementStatus status,
        String customerId, String projectId, BusinessType businessType, String bandwidth, LocalDate requiredDate,
        String requestedBy, String unitId, String description,
        CheckEndBody aEnd, CheckEndBody zEnd, String backboneUnitId,
        @Schema(description = "What the checks cover: the network up to the customer's red line 红线; the customer-"
                + "maintained part and the property 物业 are not included") String checkScope,
        @Schema(description = "1; 2 once the second check 二次核查 is under way") int round,
        @Schema(description = "The final answer once every segment has one: AVAILABLE when all are") CheckAnswer result,
        @Schema(description = "When the last segment answered") Instant answeredAt,
        @Schema(description = "The result is valid until then (a calendar month after the last answer)") Instant validUntil,
        @Schema(description = "The validity timer has expired (the timer engine breached it)") boolean expired,
        String validityTimerId,
        @Schema(description = "Every round's checks, round by round") List<ResourceCheckView> checks,
        Instant cancelledAt, Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Actions allowed now") List<String> allowedActions) {

    /** The checks stop at the customer's red line; the property is not part of them. */
    public static final String CHECK_SCOPE = "NETWORK_TO_CUSTOMER_RED_LINE_EXCLUDING_PROPERTY";

    public static RequirementView of(Requirement r, List<ResourceCheck> checks, boolean expired) {
        return new RequirementView(r.id.toString(), "/api/v1/requirements/" + r.id, r.number, r.kind, r.status,
                Views.s(r.customerId), Views.s(r.projectId), r.businessType, r.bandwidth, r.requiredDate,
                Views.s(r.requestedBy), Views.s(r.unitId), r.description, CheckEndBody.of(r.aEnd), CheckEndBody.of(r.zEnd),
                Views.s(r.backboneUnitId), CHECK_SCOPE, r.round, r.result, r.answeredAt, r.validUntil, expired,
                Views.s(r.validityTimerId), checks.stream().map(ResourceCheckView::of).toList(), r.cancelledAt,
                r.createdAt, r.updatedAt, r.version, r.status.allowedActions());
    }
}
