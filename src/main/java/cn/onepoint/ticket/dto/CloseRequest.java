package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.CauseCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T12: the acceptor closes after confirming with the customer; the true cause is kept. */
@Schema(name = "TicketClose")
public record CloseRequest(
        @ActingPerson @Schema(description = "Must be the first responsible person (T12). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "The customer confirmed restoration") Boolean customerConfirmed,
        @Schema(description = "For a customer-caused fault not fixable at once: the customer was told (T12)") Boolean customerInformed,
        @NotNull @Valid Cause cause,
        @Valid @Schema(description = "The cause told to the customer, when it differs") Cause toldCause) {

    @Schema(name = "Cause")
    public record Cause(@NotNull CauseCategory category,
                        @NotBlank @Size(max = 4000) @Schema(examples = "骨干段光缆被挖断") String text) {
    }
}
