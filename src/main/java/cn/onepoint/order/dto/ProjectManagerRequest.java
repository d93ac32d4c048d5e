package cn.onepoint.order.dto;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P3: 确定项目经理. */
@Schema(name = "OrderProjectManager")
public record ProjectManagerRequest(
        @NotBlank @Schema(description = "Who names the project manager") String personId,
        @NotBlank @Schema(description = "A person with the PROJECT_MANAGER role") String projectManagerId) {
}
