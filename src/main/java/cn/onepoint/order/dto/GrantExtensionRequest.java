package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** P6: the extension a customer-caused warning requested is granted (按流程进行延期). */
@Schema(name = "OrderExtensionGrant")
public record GrantExtensionRequest(
        @ActingPerson @Schema(description = "The order's business manager or customer manager. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "The new due date; default the one requested") LocalDate dueDate,
        @Size(max = 4000) String note) {
}
