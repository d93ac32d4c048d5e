package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The final fault report's content: occurrence time, cause, handling process. */
@Schema(name = "FaultReportDraft")
public record FaultReportDraft(
        @ActingPerson @Schema(description = "A customer engineer of the customer engineer's unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "When the fault occurred") Instant occurredAt,
        @NotBlank @Size(max = 4000) @Schema(examples = "宜昌局光模块老化导致电路中断") String cause,
        @NotBlank @Size(max = 20000) @Schema(description = "The handling process, from intake to restoration")
        String handlingProcess) {
}
