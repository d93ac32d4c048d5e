package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketActor", description = "Who acts, with an optional note")
public record PersonAction(
        @ActingPerson @Schema(description = "Person id of the actor. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 4000) String note) {
}
