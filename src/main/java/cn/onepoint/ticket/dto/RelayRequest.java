package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The control desk passes an item of information on to every handling unit. */
@Schema(name = "TicketInformationRelay")
public record RelayRequest(
        @NotBlank @Schema(description = "The control desk 管控工位") String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 4000) @Schema(description = "Added to the information for the handling units") String note) {
}
