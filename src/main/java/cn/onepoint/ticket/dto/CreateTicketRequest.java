package cn.onepoint.ticket.dto;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.ticket.Channel;
import cn.onepoint.ticket.HeadquartersOutage;
import cn.onepoint.ticket.MajorFault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** T1: what intake must record; every missing field is named at once. */
@Schema(name = "TicketCreate")
public record CreateTicketRequest(
        @NotBlank @Size(max = 64) @Schema(description = "客户标识码", examples = "C-HB-BANK") String customerCode,
        @NotNull BusinessType businessType,
        @NotBlank @Size(max = 64) @Schema(description = "电路代号", examples = "WH-CD-MSTP-0001") String circuitCode,
        @NotBlank @Size(max = 200) @Schema(examples = "湖北省某银行") String customerName,
        @NotBlank @Size(max = 200) @Schema(description = "业务通达方向", examples = "武汉—成都") String direction,
        @NotNull @Schema(description = "Fault occurrence time", examples = "2026-11-25T08:00:00Z") Instant occurredAt,
        @NotBlank @Size(max = 4000) @Schema(examples = "电路中断，两端业务不通") String symptom,
        @NotNull @Valid Reporter reporter,
        @NotNull Channel channel,
        @NotBlank @Schema(description = "Unit of the unified acceptance desk registering the fault") String acceptanceUnitId,
        @Schema(description = "T2: for MACHINE_ROOM, the unit the customer reached first (首问负责制)") String firstAskUnitId,
        @Schema(description = "When the hotline answered (T1: within 40 s is a call-centre figure)") Instant answeredAt,
        @Schema(description = "Total outage 全阻 (T13)") Boolean totalOutage,
        @Schema(description = "T13: a major network / inter-network / disaster fault affecting many customers "
                + "(重大网络 / 网间 / 灾害故障): escalates at once") MajorFault majorFault,
        @Schema(description = "T13: a telecom-caused total or partial outage at a large customer's headquarters: "
                + "escalates at once") HeadquartersOutage headquartersOutage) {

    @Schema(name = "Reporter")
    public record Reporter(
            @NotBlank @Size(max = 100) @Schema(examples = "王经理") String name,
            @NotBlank @Size(max = 100) @Schema(examples = "13800000000") String contact) {
    }
}
