package cn.onepoint.directory.dto;

import cn.onepoint.directory.CircuitEnd;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CircuitEnd")
public record CircuitEndBody(
        @NotBlank @Size(max = 100) @Schema(description = "局站", examples = "武汉汉口局") String station,
        @NotBlank @Size(max = 64) @Schema(examples = "武汉") String city,
        @NotBlank @Size(max = 64) @Schema(examples = "湖北") String province,
        @NotNull @Schema(description = "Whether the city is a provincial capital") Boolean capital,
        @Schema(description = "Overseas end (海外子公司)") Boolean overseas,
        @NotBlank @Schema(description = "Unit owning this end's access segment") String unitId) {

    public static CircuitEndBody of(CircuitEnd e) {
        return new CircuitEndBody(e.station, e.city, e.province, e.capital, e.overseas, e.unitId.toString());
    }
}
