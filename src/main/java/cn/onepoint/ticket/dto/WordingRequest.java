package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer-facing wording 口径 set by the chief customer engineer. */
@Schema(name = "TicketWordingCreate")
public record WordingRequest(
        @ActingPerson @Schema(description = "A chief customer engineer 首席客户工程师. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotBlank @Size(max = 4000) @Schema(examples = "宜昌段传输设备故障，正在抢修，预计 12:00 前恢复") String text) {
}
