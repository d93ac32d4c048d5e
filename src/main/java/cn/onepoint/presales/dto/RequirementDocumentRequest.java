package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requirement document 项目需求书 of the survey, and whether the customer confirmed it. */
@Schema(name = "RequirementDocument")
public record RequirementDocumentRequest(
        @ActingPerson @Schema(description = "A (chief) customer engineer. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 200) @Schema(description = "Where the document is", examples = "需求书 V2（2026-12-01）") String reference,
        @Size(max = 4000) @Schema(description = "Business, management, networking, schedule and service needs") String summary,
        @NotNull Boolean customerConfirmed,
        @Size(max = 100) @Schema(description = "Who confirmed it for the customer; required when confirmed") String customerContact) {
}
