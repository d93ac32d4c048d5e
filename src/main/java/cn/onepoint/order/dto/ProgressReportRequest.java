package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P5: 进度报告: this week's work, next week's plan, items to warn about. */
@Schema(name = "OrderProgressReportCreate")
public record ProgressReportRequest(
        @NotBlank String unitId,
        @ActingPerson @Schema(description = "A person of that unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 8000) @Schema(examples = "A 端光缆已敷设完毕") String thisWeek,
        @NotBlank @Size(max = 8000) @Schema(examples = "骨干段时隙调度，两端设备安装") String nextWeek,
        @Size(max = 8000) @Schema(description = "需预警内容", examples = "Z 端客户机房尚未具备进场条件") String warningItems) {
}
