package cn.onepoint.assurance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "AssurancePeriodCreate", description = "A2: 重要时期通信保障")
public record AssurancePeriodRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "2027 年春节保障") String name,
        @NotNull @Schema(examples = "2027-02-05T16:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2027-02-13T16:00:00Z") Instant endsAt,
        @Schema(description = "Customers covered; leave out for every customer") List<String> customerIds,
        @Size(max = 2000) String reason) {
}
