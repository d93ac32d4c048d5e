package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.workorder.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** P4: 制定实施方案, splitting the deadline per segment 分解各段工期. */
@Schema(name = "OrderPlanDone")
public record PlanRequest(
        @ActingPerson @Schema(description = "Must be the project manager. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 8000) @Schema(examples = "A 端新放光缆，骨干段调度 2M 时隙，Z 端利旧") String summary,
        @Size(max = 20, message = "{onepoint.size.items}")
        @Schema(description = "One task per segment, each to its unit with its due date (not after the order's). "
                + "Absent: the circuit's segments (A access, backbone when it has one, Z access), each due on the "
                + "order's due date") List<@NotNull @Valid SegmentPlan> segments) {

    @Schema(name = "OrderSegmentPlan")
    public record SegmentPlan(@NotNull Segment segment, @NotBlank String unitId,
                              @NotNull @Schema(examples = "2026-12-10") LocalDate dueDate) {
    }
}
