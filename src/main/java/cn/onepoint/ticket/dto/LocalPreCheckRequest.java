package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T4: the local unit that took the call checks its own local segment first. */
@Schema(name = "LocalPreCheck")
public record LocalPreCheckRequest(
        @NotBlank String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "true: the local segment is fine; false: the fault is local") Boolean localSegmentClean,
        @Size(max = 4000) String note) {
}
