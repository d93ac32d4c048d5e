package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** T5: restoration (业务恢复) and repair (故障修复) are recorded separately. */
@Schema(name = "RestoreOrRepair")
public record RestoreRequest(
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "When it happened; defaults to now, may not be in the future") Instant at,
        @Size(max = 4000) String note) {
}
