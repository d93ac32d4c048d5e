package cn.onepoint.workorder.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T16: every unit first checks alarms and configuration changes on its segment. */
@Schema(name = "SegmentFindings")
public record FindingsRequest(
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "An alarm on this segment (makes this unit the owner)") Boolean alarm,
        @NotNull @Schema(description = "A configuration change on this segment") Boolean configChange,
        @Size(max = 4000) String note) {
}
