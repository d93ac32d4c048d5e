package cn.onepoint.servicerecord.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceRecordComplete")
public record CompleteServiceRecordRequest(
        @ActingPerson @Schema(description = "The assignee, or a supervisor of the assigned unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "已走访，客户对网络质量满意，提出扩容需求") String outcome) {
}
