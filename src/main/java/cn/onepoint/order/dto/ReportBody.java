package cn.onepoint.order.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderTestReport", description = "A test report 测试报告")
public record ReportBody(
        @NotBlank @Size(max = 200) @Schema(examples = "TR-SO-20261210-01") String reference,
        @Size(max = 8000) @Schema(examples = "2M 误码测试 24 小时无误码") String summary) {
}
