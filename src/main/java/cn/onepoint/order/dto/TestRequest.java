package cn.onepoint.order.dto;

import cn.onepoint.order.OrderTest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P7: the lead bureau's full test of the circuit. */
@Schema(name = "OrderTestCreate")
public record TestRequest(
        @NotBlank @Schema(description = "The lead bureau's unit") String unitId,
        @NotBlank @Schema(description = "A person of that unit") String personId,
        @NotNull OrderTest.Kind kind,
        @NotNull OrderTest.Result result,
        @Valid @Schema(description = "Required for PASSED") ReportBody report) {
}
