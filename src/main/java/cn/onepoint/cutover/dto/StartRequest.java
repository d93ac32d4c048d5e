package cn.onepoint.cutover.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverStart")
public record StartRequest(
        @ActingPerson @Schema(description = "A person of the executing unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "Start although some customers have not acknowledged; needs a note, and those "
                + "customers are marked unacknowledgedAtStart") Boolean proceedWithoutAcknowledgement,
        @Size(max = 4000) String note) {
}
