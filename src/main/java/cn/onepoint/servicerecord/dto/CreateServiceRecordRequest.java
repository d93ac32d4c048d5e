package cn.onepoint.servicerecord.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.servicerecord.ServiceRecordKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A3: a record with a due date; every bad field is named at once. */
@Schema(name = "ServiceRecordCreate", description = "A3: a visit, campaign, crisis intervention, tracking warning or drill")
public record CreateServiceRecordRequest(
        @NotNull ServiceRecordKind kind,
        @NotBlank @Schema(description = "The customer it is for") String customerId,
        @NotBlank @Schema(description = "Who carries it out; their unit is the record's unit (O2 roles by kind)")
        String assigneeId,
        @ActingPerson @Schema(description = "Who records it. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String createdBy,
        @NotBlank @Size(max = 200) @Schema(examples = "年度走访：网络满意度回访") String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(description = "Due; must be later than now. Watched by a SERVICE_RECORD timer",
                examples = "2026-12-15T10:00:00Z") Instant dueAt) {
}
