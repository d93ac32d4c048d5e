package cn.onepoint.workorder.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one reply to the customer manager. */
@Schema(name = "CrossDomainReplyCreate")
public record ReplyRequest(
        @ActingPerson @Schema(description = "The request's customer engineer (person id). Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "各段资源已核实，方案见附件，可于下周一开通") String message) {
}
