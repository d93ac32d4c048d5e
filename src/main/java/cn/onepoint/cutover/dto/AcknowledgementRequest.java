package cn.onepoint.cutover.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverAcknowledgement", description = "A1: an affected customer acknowledged the notice 回执")
public record AcknowledgementRequest(
        @NotBlank @Schema(description = "The affected customer") String customerId,
        @ActingPerson @Schema(description = "Who records it: a customer manager or customer engineer (O2). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 100) @Schema(description = "The customer's contact who acknowledged", examples = "王经理")
        String contactName,
        @Size(max = 4000) String note) {
}
