package cn.onepoint.directory.dto;

import cn.onepoint.directory.Customer;
import cn.onepoint.directory.CustomerLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CustomerCreate")
public record CustomerRequest(
        @NotBlank @Size(max = 64) @Schema(description = "客户标识码 (unique)", examples = "C-HB-0001") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "湖北省某银行") String name,
        @NotNull CustomerLevel level,
        @NotBlank @Size(max = 64) @Schema(examples = "湖北") String hqProvince,
        @NotBlank @Size(max = 64) @Schema(examples = "武汉") String hqCity,
        @Schema(description = "Chief customer engineer 首席客户工程师 (person id)") String cceId,
        @Schema(description = "Customer manager 客户经理 (person id)") String cmId,
        @Schema(description = "升级列表 handed to the customer") List<Customer.@Valid EscalationContact> escalationList) {
}
