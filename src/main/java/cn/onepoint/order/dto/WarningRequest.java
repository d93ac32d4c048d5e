package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.order.OrderWarning;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** P6: a unit that cannot finish on time warns 电路预警. */
@Schema(name = "OrderWarningCreate")
public record WarningRequest(
        @NotBlank String unitId,
        @ActingPerson @Schema(description = "A person of that unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "From the fixed list; OTHER needs a text and is discouraged") OrderWarning.Reason reason,
        @Size(max = 4000) @Schema(examples = "客户机房装修，预计延后两周") String text,
        @Schema(description = "Request an extension (CUSTOMER reasons only)") Boolean requestExtension,
        @Schema(description = "The due date asked for, with requestExtension", examples = "2026-12-31") LocalDate requestedDueDate) {
}
