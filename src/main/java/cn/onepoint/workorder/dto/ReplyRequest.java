package cn.onepoint.workorder.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one reply to the customer manager. */
@Schema(name = "CrossDomainReplyCreate")
public record ReplyRequest(
        @NotBlank @Schema(description = "The request's customer engineer (person id)") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "各段资源已核实，方案见附件，可于下周一开通") String message) {
}
