package cn.onepoint.cutover.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverStart")
public record StartRequest(
        @NotBlank @Schema(description = "A person of the executing unit") String personId,
        @Schema(description = "Start although some customers have not acknowledged; needs a note, and those "
                + "customers are marked unacknowledgedAtStart") Boolean proceedWithoutAcknowledgement,
        @Size(max = 4000) String note) {
}
