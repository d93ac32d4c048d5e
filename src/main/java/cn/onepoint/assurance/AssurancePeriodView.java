package cn.onepoint.assurance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "AssurancePeriod")
public record AssurancePeriodView(String id, String href, String name, Instant startsAt, Instant endsAt,
                                  @Schema(description = "Empty: every customer") List<String> customerIds,
                                  String reason, Instant cancelledAt, Instant createdAt) {
    static AssurancePeriodView of(AssurancePeriod p) {
        return new AssurancePeriodView(p.id.toString(), "/api/v1/assurance-periods/" + p.id, p.name, p.startsAt,
                p.endsAt, p.customerIds.stream().map(Object::toString).toList(), p.reason, p.cancelledAt, p.createdAt);
    }
}
