package cn.onepoint.presales.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new free quantity or threshold of a node; absent fields stay. */
@Schema(name = "ResourceNodeUpdate")
public record NodePatch(
        @NotBlank String personId,
        @Min(0) @Schema(description = "Free quantity now") Integer free,
        @Min(0) Integer threshold,
        @Size(max = 4000) String note) {
}
