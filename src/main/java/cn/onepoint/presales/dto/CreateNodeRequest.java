package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node whose resource reserve is watched against a threshold. */
@Schema(name = "ResourceNodeCreate")
public record CreateNodeRequest(
        @ActingPerson @Schema(description = "Who records it. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 64) @Schema(examples = "WH-HK-PORT-GE") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "汉口局 GE 端口") String name,
        @NotBlank @Schema(description = "The unit whose network the node is in; its network-development department gets "
                + "the build requests") String unitId,
        @Size(max = 100) @Schema(examples = "武汉汉口局") String station,
        @NotBlank @Size(max = 64) @Schema(examples = "GE_PORT") String resourceType,
        @NotNull @Min(0) @Schema(description = "资源预警门限: warn when the free quantity falls below it") Integer threshold,
        @NotNull @Min(0) @Schema(description = "Free quantity now") Integer free,
        @NotBlank @Schema(description = "The (chief) customer engineer who warns") String cceId,
        @NotBlank @Schema(description = "The (chief) customer manager warned") String chiefCmId) {
}
