package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.directory.BusinessType;
import cn.onepoint.presales.RequirementKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A requirement order 业务需求单 as the (chief) customer manager issues it. */
@Schema(name = "RequirementCreate")
public record CreateRequirementRequest(
        @NotNull @Schema(description = "QUERY 查询型 or ORDER 定单型") RequirementKind kind,
        @NotBlank String customerId,
        @Schema(description = "The pre-sales project it serves, if any") String projectId,
        @NotNull BusinessType businessType,
        @NotBlank @Size(max = 32) @Schema(examples = "100M") String bandwidth,
        @NotNull @Schema(description = "When the customer needs the service", examples = "2027-03-31") LocalDate requiredDate,
        @ActingPerson @Schema(description = "The (chief) customer manager issuing it. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String requestedBy,
        @Size(max = 4000) String description,
        @NotNull @Valid CheckEndBody aEnd,
        @Valid @Schema(description = "Absent for a single-ended service (e.g. an Internet line)") CheckEndBody zEnd,
        @Schema(description = "The backbone unit, when a backbone segment is involved") String backboneUnitId) {
}
