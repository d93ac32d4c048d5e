package cn.onepoint.order.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** P8: a registration in the long-distance resource system, or the CRM delivery note 竣工交付单. */
@Schema(name = "OrderRecordRequest")
public record RecordRequest(
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 200) @Schema(description = "Reference in the other system", examples = "CRM-JG-20261211-0001")
        String reference) {
}
