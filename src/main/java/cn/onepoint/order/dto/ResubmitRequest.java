package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** P2: the business manager sends a returned order back for review, corrected. */
@Schema(name = "OrderResubmit")
public record ResubmitRequest(
        @ActingPerson @Schema(description = "Must be the order's business manager. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "A corrected 要求完成时间, when it changes") LocalDate requestedCompletionDate,
        @Size(max = 4000) @Schema(examples = "已补全装机地址") String note) {
}
