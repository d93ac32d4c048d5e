package cn.onepoint.workorder.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkOrderActor", description = "Who acts, and an optional note")
public record ActorRequest(
        @NotBlank @Schema(description = "Person id of the actor; must belong to the work order's unit") String personId,
        @Size(max = 2000) String note) {
}
