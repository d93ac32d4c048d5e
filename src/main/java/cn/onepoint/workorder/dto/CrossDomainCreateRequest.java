package cn.onepoint.workorder.dto;

import cn.onepoint.workorder.WorkOrderType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The customer engineer records the customer manager's request (one point 一点接应). */
@Schema(name = "CrossDomainWorkOrderCreate")
public record CrossDomainCreateRequest(
        @NotNull @Schema(description = "INDUSTRY_SERVICE 行业服务类, PROJECT_MANAGEMENT 项目管理, MARKETING_SUPPORT 差异化营销支撑类")
        WorkOrderType type,
        @NotBlank @Schema(description = "The customer served (id)") String customerId,
        @NotBlank @Schema(description = "The customer manager who asked (person id; role CUSTOMER_MANAGER or CHIEF_CUSTOMER_MANAGER)")
        String customerManagerId,
        @NotBlank @Schema(description = "The customer engineer who takes it (person id; role CUSTOMER_ENGINEER or CHIEF_CUSTOMER_ENGINEER)")
        String customerEngineerId,
        @NotBlank @Size(max = 200) @Schema(examples = "为客户新建分支机构提供组网方案支撑") String title,
        @Size(max = 4000) String description,
        @Schema(description = "When the customer manager needs the reply; default onepoint.sla.cross-domain.reply after now")
        Instant dueAt) {
}
