package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new free quantity or threshold of a node; absent fields stay. */
@Schema(name = "ResourceNodeUpdate")
public record NodePatch(
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Min(0) @Schema(description = "Free quantity now") Integer free,
        @Min(0) Integer threshold,
        @Size(max = 4000) String note) {
}
