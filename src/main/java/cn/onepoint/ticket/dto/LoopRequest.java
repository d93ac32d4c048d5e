package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.LoopDirection;
import cn.onepoint.ticket.LoopEnd;
import cn.onepoint.ticket.LoopPoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One loop made: where, which way, and whether it was received. */
@Schema(name = "LoopCreate")
public record LoopRequest(
        @NotBlank @Schema(description = "The handling unit that made the loop") String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "The end of the circuit it was made at") LoopEnd end,
        @NotNull LoopPoint point,
        @NotNull LoopDirection direction,
        @NotNull @Schema(description = "Whether the loop was received") Boolean received,
        @Size(max = 4000) String note) {
}
