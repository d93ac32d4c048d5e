package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P2: 定单审核: approve, or return a faulty order 退单 to the business manager with a reason. */
@Schema(name = "OrderReviewRequest")
public record ReviewRequest(
        @ActingPerson @Schema(description = "The reviewer (本地网售中牵头实施部门). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull Decision decision,
        @Size(max = 4000) @Schema(description = "Required for RETURN", examples = "客户装机地址不完整") String reason) {

    @Schema(name = "OrderReviewDecision")
    public enum Decision { APPROVE, RETURN }
}
