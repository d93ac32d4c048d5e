package cn.onepoint.cutover.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.cutover.CutoverOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverComplete")
public record CompleteRequest(
        @ActingPerson @Schema(description = "A person of the executing unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull CutoverOutcome outcome,
        @Size(max = 4000) @Schema(examples = "光缆迁改完成，业务均已恢复") String note) {
}
