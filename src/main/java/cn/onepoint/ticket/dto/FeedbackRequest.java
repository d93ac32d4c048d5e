package cn.onepoint.ticket.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T11: a handling unit's feedback, or the control desk's answer to it. */
@Schema(name = "FeedbackCreate")
public record FeedbackRequest(
        @NotBlank String unitId,
        @NotBlank String personId,
        @NotBlank @Size(max = 4000) String message) {
}
