package cn.onepoint.ticket.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review of a drafted report: approved, or returned with a note. */
@Schema(name = "FaultReportReview")
public record FaultReportReview(
        @NotBlank @Schema(description = "A chief customer engineer or supervisor of the unit, not the drafter") String personId,
        @NotNull Boolean approved,
        @Size(max = 4000) @Schema(description = "Required when returned: what to change") String note) {
}
