package cn.onepoint.workorder.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkOrderActor", description = "Who acts, and an optional note")
public record ActorRequest(
        @ActingPerson @Schema(description = "Person id of the actor; must belong to the work order's unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 2000) String note) {
}
