package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P3: 详细资源勘查 done; a property 物业 problem notifies the customer manager. */
@Schema(name = "OrderSurveyDone")
public record SurveyRequest(
        @ActingPerson @Schema(description = "Must be the project manager. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 8000) @Schema(examples = "两端资源具备，A 端需新放光缆 200 米") String summary,
        @Schema(description = "A property 物业 problem was found") Boolean propertyIssue,
        @Size(max = 4000) @Schema(description = "Required with propertyIssue", examples = "大楼物业不同意进线") String propertyNote) {
}
