package cn.onepoint.presales.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PresalesActor")
public record ActorRequest(@NotBlank String personId, @Size(max = 4000) String note) {
}
