package cn.onepoint.cutover.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CutoverCancel")
public record CancelRequest(
        @NotBlank @Schema(description = "A person of the executing unit") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "市政施工延期") String reason) {
}
