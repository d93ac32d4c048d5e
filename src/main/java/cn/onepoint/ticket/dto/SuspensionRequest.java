package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T8: only the handling unit requests a suspension, after the telecom side tested clean. */
@Schema(name = "SuspensionCreate")
public record SuspensionRequest(
        @NotBlank @Schema(description = "The handling unit asking") String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "客户机房无人，无法配合测试") String reason) {
}
