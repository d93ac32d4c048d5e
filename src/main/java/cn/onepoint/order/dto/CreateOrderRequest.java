package cn.onepoint.order.dto;

import cn.onepoint.directory.BusinessType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A provisioning order as the business side issues it; every bad field is named at once. */
@Schema(name = "OrderCreate")
public record CreateOrderRequest(
        @NotBlank @Schema(description = "The customer (must own the circuit)") String customerId,
        @NotBlank @Schema(description = "The circuit to provision; its A and Z ends are copied to the order") String circuitId,
        @NotNull @Schema(description = "Must match the circuit's") BusinessType businessType,
        @NotNull @Schema(description = "要求完成时间 (P6)", examples = "2026-12-18") LocalDate requestedCompletionDate,
        @Schema(description = "加急 (P5, P6)") Boolean expedited,
        @Schema(description = "P5: progress reports required; always true for cross-domain (cross-province) circuits")
        Boolean progressReportsRequired,
        @Schema(description = "P5: an expedited order's report cadence as the customer requires (ISO-8601, e.g. P3D); "
                + "weekly when absent", examples = "P3D") String progressReportInterval,
        @Schema(description = "P7: the order asks for an end-to-end test") Boolean endToEndTestRequired,
        @Schema(description = "P7: A端电路 (end-to-end test mandatory); see docs/orders.md") Boolean aEndCircuit,
        @Schema(description = "P7: handed to another carrier (e.g. 中国电信发起去联通单)") Boolean handedToOtherCarrier,
        @Size(max = 100) @Schema(examples = "中国联通") String otherCarrier,
        @NotBlank @Schema(description = "业务经理: receives a returned order (P2) and warnings (P6)") String businessManagerId,
        @NotBlank @Schema(description = "网运支撑经理: receives warnings (P6)") String networkOpsSupportManagerId,
        @Schema(description = "客户经理; defaults to the customer's") String customerManagerId,
        @Schema(description = "P9(4): the A end is an international gateway bureau 出入口局 (上海, 广州, 北京 only)") Boolean aGateway,
        @Schema(description = "P9(4): the Z end is an international gateway bureau") Boolean zGateway,
        @Schema(description = "The lead bureau's unit when P9 names a bureau at neither end (a gateway acting for an "
                + "overseas subsidiary, the group NOC) and the default lookup does not suit") String leadUnitId,
        @Size(max = 4000) String description) {
}
