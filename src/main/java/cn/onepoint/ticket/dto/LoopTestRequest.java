package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.LoopEnd;
import cn.onepoint.ticket.LoopPlan;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The customer's answer to a loop-back test, and the plan agreed with them. */
@Schema(name = "LoopTestCreate")
public record LoopTestRequest(
        @ActingPerson @Schema(description = "A person of the dispatching unit, who agreed it with the customer. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "The customer agrees to loop-back tests") Boolean consent,
        @Size(max = 4000) @Schema(description = "Without consent (required then): the other method used instead")
        String otherMethod,
        @Schema(description = "The customer asks for immediate handling (default true); otherwise staff test both ends "
                + "at the agreed time, as plan BOTH") Boolean immediate,
        @Schema(description = "The test time agreed with the customer (required when not immediate)") Instant scheduledAt,
        @Schema(description = "With consent (required then): whose customers can cooperate") LoopPlan plan,
        @Schema(description = "Plan ONE: the end whose customer cooperates") LoopEnd cooperatingEnd) {
}
