package cn.onepoint.presales.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.presales.CheckAnswer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A segment's answer to its resource check. */
@Schema(name = "ResourceCheckAnswer")
public record AnswerRequest(
        @ActingPerson @Schema(description = "Round 1: a person of the segment's unit; round 2: a (chief) customer "
                + "engineer or project manager. Defaults to the caller (the token's person); when given it must be "
                + "the caller (AUTH-ACTOR).") String personId,
        @NotNull @Schema(description = "AVAILABLE, NOT_AVAILABLE 不具备, SCHEDULE_NOT_MET 不满足") CheckAnswer answer,
        @Schema(description = "SCHEDULE_NOT_MET only: the earliest date the segment could be ready")
        LocalDate earliestDate,
        @Size(max = 4000) String note) {
}
