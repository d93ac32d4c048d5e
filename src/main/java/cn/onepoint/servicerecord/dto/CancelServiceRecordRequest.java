package cn.onepoint.servicerecord.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceRecordCancel")
public record CancelServiceRecordRequest(
        @ActingPerson @Schema(description = "The assignee, or a supervisor of the assigned unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "客户取消本次活动") String reason) {
}
