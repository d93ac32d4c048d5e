package cn.onepoint.ticket.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketActor", description = "Who acts, with an optional note")
public record PersonAction(
        @NotBlank @Schema(description = "Person id of the actor") String personId,
        @Size(max = 4000) String note) {
}
