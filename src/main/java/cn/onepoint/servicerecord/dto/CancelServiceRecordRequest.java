package cn.onepoint.servicerecord.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceRecordCancel")
public record CancelServiceRecordRequest(
        @NotBlank @Schema(description = "The assignee, or a supervisor of the assigned unit") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "客户取消本次活动") String reason) {
}
