package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.order.OrderTest;
import cn.onepoint.workorder.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P8: an involved location reports its segment complete 分段填报竣工, after its test passed. */
@Schema(name = "OrderSegmentCompletion")
public record SegmentCompletionRequest(
        @NotBlank @Schema(description = "The segment's unit") String unitId,
        @ActingPerson @Schema(description = "A person of that unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull Segment segment,
        @NotNull @Schema(description = "The segment's test result; only PASSED completes it (P7)") OrderTest.Result testResult,
        @NotNull @Valid ReportBody testReport) {
}
