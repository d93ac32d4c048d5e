package cn.onepoint.directory.dto;

import cn.onepoint.directory.BusinessType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CircuitCreate")
public record CircuitRequest(
        @NotBlank @Size(max = 64) @Schema(description = "电路代号 (unique)", examples = "WH-CD-MSTP-0001") String code,
        @NotBlank String customerId,
        @NotNull BusinessType businessType,
        @NotNull @Valid CircuitEndBody aEnd,
        @NotNull @Valid CircuitEndBody zEnd,
        @Schema(description = "Unit handling the backbone segment, if any") String backboneUnitId) {
}
