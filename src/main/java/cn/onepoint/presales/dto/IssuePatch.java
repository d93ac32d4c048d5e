package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.presales.IssueStatus;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An update of an issue item; absent fields stay as they are. */
@Schema(name = "IssueItemUpdate")
public record IssuePatch(
        @ActingPerson @Schema(description = "A (chief) customer engineer, or the item's owner. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 4000) String description,
        @Size(max = 4000) String target,
        @Schema(description = "A new due time, in the future; restarts the item's timer") Instant dueAt,
        String ownerId,
        @Schema(description = "open → inProgress → resolved; cancelled") IssueStatus status,
        @Size(max = 4000) @Schema(description = "Progress, recorded in the history") String note) {
}
