package cn.onepoint.cutover.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverActor", description = "A person of the executing unit")
public record CutoverActorRequest(@NotBlank String personId, @Size(max = 4000) String note) {
}
