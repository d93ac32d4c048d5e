package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** T4: the province reviews and confirms whether there is a fault inside the province. */
@Schema(name = "ProvinceReview")
public record ProvinceReviewRequest(
        @NotBlank @Schema(description = "The PROVINCE unit of the local unit that took the call") String unitId,
        @ActingPerson @Schema(description = "Who acts. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @NotNull Boolean faultInsideProvince,
        @Size(max = 4000) String note) {
}
