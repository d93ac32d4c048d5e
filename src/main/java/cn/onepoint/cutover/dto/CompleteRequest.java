package cn.onepoint.cutover.dto;

import cn.onepoint.cutover.CutoverOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverComplete")
public record CompleteRequest(
        @NotBlank @Schema(description = "A person of the executing unit") String personId,
        @NotNull CutoverOutcome outcome,
        @Size(max = 4000) @Schema(examples = "光缆迁改完成，业务均已恢复") String note) {
}
