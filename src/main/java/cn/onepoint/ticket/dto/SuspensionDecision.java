package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T8: the dispatcher approves after confirming with the customer, or refuses. */
@Schema(name = "SuspensionDecision")
public record SuspensionDecision(
        @NotBlank @Schema(description = "The dispatching unit") String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "Approval requires the customer's confirmation (T8)") Boolean customerConfirmed,
        @Size(max = 4000) String note) {
}
