package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The network-development department closes a build request. */
@Schema(name = "BuildRequestClose")
public record CloseBuildRequest(
        @ActingPerson @Schema(description = "A person of the request's unit. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "已扩容 48 个 GE 端口") String outcome) {
}
