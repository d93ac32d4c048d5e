package cn.onepoint.workorder.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.workorder.Segment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T9: time, source unit (the work order's), reporter id, progress (person and operation), segment, cause. */
@Schema(name = "ProgressReportCreate")
public record ProgressRequest(
        @ActingPerson @Schema(description = "Reporter (person id) of the handling unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String reporterId,
        @NotBlank @Size(max = 100) @Schema(description = "Who is working on it", examples = "李工") String handlerName,
        @NotBlank @Size(max = 4000) @Schema(description = "What is being done", examples = "已更换汉口局至骨干段光模块，观察中") String operation,
        @Schema(description = "Fault segment as judged now") Segment faultSegment,
        @Size(max = 4000) @Schema(examples = "光模块老化") String cause,
        @NotNull @Schema(description = "T9: an interim judgement, not the final cause") Boolean interim) {
}
