package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.order.OrderTest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P7: the lead bureau's full test of the circuit. */
@Schema(name = "OrderTestCreate")
public record TestRequest(
        @NotBlank @Schema(description = "The lead bureau's unit") String unitId,
        @ActingPerson @Schema(description = "A person of that unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull OrderTest.Kind kind,
        @NotNull OrderTest.Result result,
        @Valid @Schema(description = "Required for PASSED") ReportBody report) {
}
