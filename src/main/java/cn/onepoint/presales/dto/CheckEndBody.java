package cn.onepoint.presales.dto;

import cn.onepoint.presales.CheckEnd;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RequirementEnd", description = "One end of the service asked for; its check stops at the customer's "
        + "red line 红线 at this address (the property 物业 is not included)")
public record CheckEndBody(
        @NotBlank @Size(max = 200) @Schema(description = "The customer's address 装机地址", examples = "武汉市江汉区建设大道 1 号")
        String address,
        @Size(max = 100) @Schema(description = "局站", examples = "武汉汉口局") String station,
        @NotBlank @Size(max = 64) @Schema(examples = "武汉") String city,
        @NotBlank @Size(max = 64) @Schema(examples = "湖北") String province,
        @NotBlank @Schema(description = "The unit whose access segment reaches this end; it answers that segment's check")
        String unitId) {

    public static CheckEndBody of(CheckEnd e) {
        return e == null || e.unitId == null ? null
                : new CheckEndBody(e.address, e.station, e.city, e.province, e.unitId.toString());
    }
}
