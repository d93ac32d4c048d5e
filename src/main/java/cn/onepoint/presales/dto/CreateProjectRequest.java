package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Project intake 项目承接. */
@Schema(name = "ProjectCreate")
public record CreateProjectRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "某集团全省视频专网") String name,
        @NotBlank String customerId,
        @ActingPerson @Schema(description = "The (chief) customer engineer taking the project on. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Schema(description = "The (chief) customer manager who asked for support") String customerManagerId,
        @Size(max = 4000) String description) {
}
