package cn.onepoint.directory.dto;

import cn.onepoint.directory.Tier;
import cn.onepoint.directory.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitCreate")
public record UnitRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "WH-LOCAL") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "武汉本地网网络操作维护中心") String name,
        @NotNull Tier tier,
        @NotNull UnitKind kind,
        @Size(max = 64) @Schema(examples = "湖北") String province,
        @Size(max = 64) @Schema(examples = "武汉") String city,
        @Schema(description = "Province unit a LOCAL unit belongs to (O1)") String parentId,
        @Schema(description = "Backbone 骨干 unit (GROUP tier)") Boolean backbone) {
}
