package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.order.ProvisioningOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P8: the lead bureau reports full completion 全程报竣 with the test report. */
@Schema(name = "OrderCompletionRequest")
public record CompletionRequest(
        @NotBlank @Schema(description = "The lead bureau's unit") String unitId,
        @ActingPerson @Schema(description = "A person of that unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "Sign-off of the delivery report; not signed notifies the customer manager")
        ProvisioningOrder.SignOff signOff,
        @Schema(description = "The passed full test whose report goes with it; default the latest") String testId,
        @Size(max = 4000) String note) {
}
