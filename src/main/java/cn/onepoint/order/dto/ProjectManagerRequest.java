package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P3: 确定项目经理. */
@Schema(name = "OrderProjectManager")
public record ProjectManagerRequest(
        @ActingPerson @Schema(description = "Who names the project manager. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Schema(description = "A person with the PROJECT_MANAGER role") String projectManagerId) {
}
