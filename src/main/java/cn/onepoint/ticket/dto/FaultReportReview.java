package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review of a drafted report: approved, or returned with a note. */
@Schema(name = "FaultReportReview")
public record FaultReportReview(
        @ActingPerson @Schema(description = "A chief customer engineer or supervisor of the unit, not the drafter. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull Boolean approved,
        @Size(max = 4000) @Schema(description = "Required when returned: what to change") String note) {
}
