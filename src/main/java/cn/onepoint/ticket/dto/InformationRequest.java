package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.InformationSource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New information about the fault, and who brought it. */
@Schema(name = "TicketInformationCreate")
public record InformationRequest(
        @NotBlank @Schema(description = "Unit of the person who brought (or recorded) it") String unitId,
        @ActingPerson @Schema(description = "Who brought (or recorded) it. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull InformationSource source,
        @Size(max = 200) @Schema(description = "Who outside the directory brought it, e.g. the customer's contact",
                examples = "客户王经理") String sourceName,
        @NotBlank @Size(max = 4000) @Schema(examples = "客户确认宜昌端机房已于 10:05 恢复供电") String message) {
}
