package cn.onepoint.ticket.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person joins the joint handling of a difficult fault. */
@Schema(name = "JointHandlingJoin")
public record JoinRequest(
        @NotBlank @Schema(description = "Who joins (their unit joins with them)") String personId,
        @Size(max = 4000) @Schema(description = "In what capacity, e.g. 骨干传输专家") String note) {
}
