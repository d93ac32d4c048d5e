package cn.onepoint.ticket.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T6: a change of the first responsible person is recorded with its reason. */
@Schema(name = "ResponsiblePersonChange")
public record ChangeResponsibleRequest(
        @NotBlank @Schema(description = "The new first responsible person") String personId,
        @NotBlank @Schema(description = "Who makes the change") String byPersonId,
        @NotBlank @Size(max = 1000) @Schema(examples = "交接班") String reason) {
}
