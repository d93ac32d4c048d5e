package cn.onepoint.cutover.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A1: planned work on circuits; every bad field is named at once. */
@Schema(name = "CutoverCreate", description = "A1: planned work 割接 on one or more circuits")
public record CreateCutoverRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "武汉—宜昌干线光缆迁改") String title,
        @NotBlank @Size(max = 4000) @Schema(examples = "配合市政道路施工，迁改武汉—宜昌段光缆") String description,
        @NotBlank @Size(max = 2000) @Schema(description = "What the customers will notice", examples = "业务中断约 30 分钟")
        String impact,
        @NotNull @Schema(description = "Must leave the lead time (onepoint.sla.cutover-lead, 72 h) from now",
                examples = "2026-11-28T16:00:00Z") Instant plannedStart,
        @NotNull @Schema(examples = "2026-11-28T20:00:00Z") Instant plannedEnd,
        @NotEmpty @Size(max = 500) @Schema(description = "The circuits worked on; their customers are the affected ones")
        List<String> circuitIds,
        @NotBlank @Schema(description = "The unit doing the work 执行单位") String executingUnitId,
        @ActingPerson @Schema(description = "The person planning it; a person of the executing unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String plannerId) {
}
