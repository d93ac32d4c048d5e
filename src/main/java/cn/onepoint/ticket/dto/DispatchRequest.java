package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.workorder.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * T16 / T4: dispatch to handling units. Leave {@code targets} out to let OnePoint compute them from the
 * circuit (the usual case); name them to add units, which must still include the mandatory ones.
 */
@Schema(name = "DispatchCreate")
public record DispatchRequest(
        @ActingPerson @Schema(description = "Dispatcher (person id). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        List<@Valid Target> targets,
        @Size(max = 4000) String instructions) {

    @Schema(name = "DispatchTarget")
    public record Target(@NotBlank String unitId, @NotNull Segment segment) {
    }
}
