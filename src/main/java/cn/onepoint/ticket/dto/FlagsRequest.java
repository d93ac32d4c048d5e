package cn.onepoint.ticket.dto;

import cn.onepoint.auth.ActingPerson;
import cn.onepoint.ticket.HeadquartersOutage;
import cn.onepoint.ticket.MajorFault;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The flags that escalate at once, when they become known after intake. Absent = unchanged. */
@Schema(name = "TicketFlags")
public record FlagsRequest(
        @ActingPerson @Schema(description = "Who sets them. Defaults to the caller (the token's person); when given it must be the caller (AUTH-ACTOR).") String personId,
        @Schema(description = "Total outage 全阻") Boolean totalOutage,
        @Schema(description = "Major network / inter-network / disaster fault") MajorFault majorFault,
        @Schema(description = "Telecom-caused outage at a large customer's headquarters") HeadquartersOutage headquartersOutage,
        @Size(max = 4000) String note) {
}
