package cn.onepoint.ticket.dto;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Tier;
import cn.onepoint.ticket.CauseCategory;
import cn.onepoint.ticket.Channel;
import cn.onepoint.ticket.HeadquartersOutage;
import cn.onepoint.ticket.MajorFault;
import cn.onepoint.ticket.Phase;
import cn.onepoint.ticket.Scope;
import cn.onepoint.ticket.Ticket;
import cn.onepoint.ticket.TicketAction;
import cn.onepoint.ticket.TicketStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Ticket", description = "A fault ticket 故障单")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
        String id, String href,
        @Schema(examples = "FT202611250001") String number,
        TicketStatus status, Phase phase, Scope scope, Channel channel,
        String customerId, String customerCode, String customerName,
        String circuitId, String circuitCode, BusinessType businessType,
        String direction, Instant occurredAt, String symptom, CreateTicketRequest.Reporter reporter,
        Instant answeredAt, String firstAskUnitId, String acceptanceUnitId, String responsiblePersonId,
        boolean totalOutage, MajorFault majorFault, HeadquartersOutage headquartersOutage, boolean networkAssurance,
        Instant acceptedAt,
        LocalPreCheck localPreCheck, String provinceReviewUnitId, Instant provinceReviewAt,
        int dispatchStage, String dispatcherUnitId, String ownerUnitId,
        Instant serviceRestoredAt, Instant faultRepairedAt, Instant closedAt, String closedBy,
        Boolean customerConfirmed, Cause cause, Cause toldCause,
        @Schema(description = "T12: the cause told to the customer differs from the true cause") Boolean causeDiffers,
        @Schema(description = "T13/T14: escalations of the ticket so far (0: none); each external escalation adds one")
        int escalationLevel,
        @Schema(description = "T13/T14: the tier of the highest escalation") Tier escalationTier,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Actions allowed now") List<String> allowedActions) {

    public record LocalPreCheck(String result, String note, Instant at) {
    }

    public record Cause(CauseCategory category, String text) {
    }

    public static TicketView of(Ticket t) {
        return new TicketView(t.id.toString(), "/api/v1/tickets/" + t.id, t.number, t.status, t.phase, t.scope,
                t.channel, s(t.customerId), t.customerCode, t.customerName, s(t.circuitId), t.circuitCode,
                t.businessType, t.direction, t.occurredAt, t.symptom,
                new CreateTicketRequest.Reporter(t.reporterName, t.reporterContact), t.answeredAt,
                s(t.firstAskUnitId), s(t.acceptanceUnitId), s(t.responsiblePersonId), t.totalOutage,
                t.majorFault, t.headquartersOutage, t.networkAssurance, t.acceptedAt,
                t.localCheckAt == null ? null : new LocalPreCheck(t.localCheckResult, t.localCheckNote, t.localCheckAt),
                s(t.provinceReviewUnitId), t.provinceReviewAt, t.dispatchStage, s(t.dispatcherUnitId),
                s(t.ownerUnitId), t.serviceRestoredAt, t.faultRepairedAt, t.closedAt, s(t.closedBy),
                t.customerConfirmed,
                t.causeCategory == null ? null : new Cause(t.causeCategory, t.causeText),
                t.toldCauseCategory == null ? null : new Cause(t.toldCauseCategory, t.toldCauseText),
                t.causeDiffers, t.escalationLevel, t.escalationTier, t.createdAt, t.updatedAt, t.version, TicketAction.allowed(t));
    }

    private static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
