package cn.onepoint.presales.dto;

import cn.onepoint.presales.ProjectStep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Move a project to its next step. */
@Schema(name = "ProjectStepChange")
public record StepRequest(
        @NotNull @Schema(description = "One of the current step's next steps (allowedActions)") ProjectStep step,
        @NotBlank @Schema(description = "A (chief) customer engineer") String personId,
        @Size(max = 4000) @Schema(description = "What was done; required to cancel") String note) {
}
