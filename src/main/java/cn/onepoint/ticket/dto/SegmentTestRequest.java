package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.SegmentTest;
import cn.onepoint.workorder.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T7: test the telecom side first; a fault-free verdict needs its test report. */
@Schema(name = "SegmentTestCreate")
public record SegmentTestRequest(
        @NotBlank String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull Segment segment,
        @NotNull SegmentTest.Result result,
        @Valid @Schema(description = "Test report; mandatory for FAULT_FREE (T7)") TestReport report) {

    @Schema(name = "TestReport")
    public record TestReport(
            @NotBlank @Size(max = 200) @Schema(examples = "TR-20261125-001") String reference,
            @Size(max = 8000) @Schema(examples = "误码仪测试 15 分钟无误码") String summary) {
    }
}
