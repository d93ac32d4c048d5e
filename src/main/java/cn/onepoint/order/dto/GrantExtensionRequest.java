package cn.onepoint.order.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** P6: the extension a customer-caused warning requested is granted (按流程进行延期). */
@Schema(name = "OrderExtensionGrant")
public record GrantExtensionRequest(
        @NotBlank @Schema(description = "The order's business manager or customer manager") String personId,
        @Schema(description = "The new due date; default the one requested") LocalDate dueDate,
        @Size(max = 4000) String note) {
}
