package cn.onepoint.workorder.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkOrderComplete")
public record CompleteRequest(
        @NotBlank String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "本段处理完毕，业务恢复") String result) {
}
