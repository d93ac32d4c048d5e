package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.presales.ProjectStep;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Move a project to its next step. */
@Schema(name = "ProjectStepChange")
public record StepRequest(
        @NotNull @Schema(description = "One of the current step's next steps (allowedActions)") ProjectStep step,
        @ActingPerson @Schema(description = "A (chief) customer engineer. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 4000) @Schema(description = "What was done; required to cancel") String note) {
}
