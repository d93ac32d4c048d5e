package cn.onepoint.cutover.dto;

import cn.onepoint.cutover.CutoverOutcome;
import cn.onepoint.cutover.CutoverStatus;
import cn.onepoint.directory.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Cutover", description = "A1: a cutover notice 割接通知: planned work on circuits and every affected customer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CutoverView(
        String id, String href,
        @Schema(examples = "CO202611250001") String number,
        CutoverStatus status, String title, String description, String impact,
        Instant plannedStart, Instant plannedEnd,
        @Schema(description = "A1: the latest moment to announce it: plannedStart minus the lead time") Instant announceBy,
        String executingUnitId, String plannerId,
        List<CircuitRef> circuits,
        @Schema(description = "Every affected customer (the customers of the circuits), with its notice and acknowledgement")
        List<CustomerNotice> customers,
        int acknowledgedCount,
        Instant announcedAt, String announcedBy,
        Instant startedAt, String startedBy,
        @Schema(description = "Why it started before every customer acknowledged") String startNote,
        Instant completedAt, String completedBy, CutoverOutcome outcome, String resultNote,
        Instant cancelledAt, String cancelledBy, String cancelReason,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Actions allowed now") List<String> allowedActions) {

    @Schema(name = "CutoverCircuit")
    public record CircuitRef(String id, String code, String customerId) {
    }

    @Schema(name = "CutoverCustomer", description = "A1: one affected customer: who was told for it, and its acknowledgement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerNotice(
            String customerId, String customerCode, String customerName, List<String> circuitCodes,
            @Schema(description = "Told for the customer: its customer manager, else its CCE") String recipientId,
            Role recipientRole, Instant notifiedAt,
            @Schema(description = "The acknowledgement is due (timer CUTOVER_ACK)") Instant ackDueAt,
            boolean acknowledged, Instant acknowledgedAt,
            @Schema(description = "Who recorded the acknowledgement") String acknowledgedBy,
            @Schema(description = "The customer's contact who acknowledged") String contactName, String note,
            @Schema(description = "The cutover started before this customer acknowledged") boolean unacknowledgedAtStart) {
    }
}
