package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A line of the issue management table 问题管理表. */
@Schema(name = "IssueItemCreate")
public record CreateIssueRequest(
        @ActingPerson @Schema(description = "A (chief) customer engineer: the CE leads the table. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(description = "问题描述", examples = "客户机房至汇聚点无管道") String description,
        @NotBlank @Size(max = 4000) @Schema(description = "解决目标", examples = "确定替代路由并取得物业许可") String target,
        @NotNull @Schema(description = "解决时间点; in the future", examples = "2026-12-20T10:00:00Z") Instant dueAt,
        @NotBlank @Schema(description = "责任人") String ownerId) {
}
