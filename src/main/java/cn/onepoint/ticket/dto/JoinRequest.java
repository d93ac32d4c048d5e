package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person joins the joint handling of a difficult fault. */
@Schema(name = "JointHandlingJoin")
public record JoinRequest(
        @ActingPerson @Schema(description = "Who joins (their unit joins with them). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Size(max = 4000) @Schema(description = "In what capacity, e.g. 骨干传输专家") String note) {
}
