package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.CustomerUpdate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T10: the acceptor alone updates the customer. */
@Schema(name = "CustomerUpdateCreate")
public record CustomerUpdateRequest(
        @ActingPerson @Schema(description = "Must be the first responsible person (T10). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull CustomerUpdate.Via channel,
        @NotBlank @Size(max = 4000) @Schema(examples = "故障已定位在骨干段，预计 30 分钟内恢复") String message) {
}
