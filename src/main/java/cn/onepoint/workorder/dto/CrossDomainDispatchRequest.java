package cn.onepoint.workorder.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The customer engineer dispatches tasks to teams of other domains, each with its own due time. */
@Schema(name = "CrossDomainDispatchCreate")
public record CrossDomainDispatchRequest(
        @ActingPerson @Schema(description = "The request's customer engineer (person id). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotEmpty @Size(max = 50) @Valid List<@NotNull Task> tasks) {

    @Schema(name = "CrossDomainTask")
    public record Task(
            @NotBlank @Schema(description = "The team (unit id) of another domain") String unitId,
            @NotBlank @Size(max = 4000) @Schema(examples = "核查成都端接入资源并给出开通时间") String instructions,
            @Schema(description = "Default onepoint.sla.cross-domain.task after now, never after the request's due time")
            Instant dueAt) {
    }
}
