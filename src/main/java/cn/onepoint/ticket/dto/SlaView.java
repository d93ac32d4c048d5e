package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.CauseCategory;
import cn.onepoint.ticket.ResolutionClock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** T5 / T8: the resolution figures of one ticket. */
@Schema(name = "TicketSla", description = "Resolution time (T5) with suspended time and its exemption decided at close (T8)")
public record SlaView(
        @Schema(description = "Resolution limit for this product and customer level (T5)") long limitSeconds,
        Instant startedAt,
        @Schema(description = "Service restoration, or null while not restored (figures then run to now)") Instant restoredAt,
        long elapsedSeconds,
        @Schema(description = "Time in approved suspensions (T8)") long suspendedSeconds,
        @Schema(description = "True once closed: the final cause decides the exemption") boolean exemptionDecided,
        CauseCategory finalCause,
        @Schema(description = "Suspended time exempted: all of it when the final cause is CUSTOMER, else none") long exemptSeconds,
        @Schema(description = "Elapsed minus exempt: what is judged against the limit") long countedSeconds,
        @Schema(description = "Both figures, as reports must show them (T8)") long countedIfExemptSeconds,
        long countedIfNotExemptSeconds,
        @Schema(description = "met or breached, decided once restored or closed; running while open, unrestored and "
                + "within the limit; void for a cancelled or rejected ticket (not judged; its figures stop there)")
        String outcome) {

    public static SlaView of(ResolutionClock.Measure m, Instant startedAt, Instant restoredAt, CauseCategory cause,
                             boolean withdrawn) {
        // T8/T12: a closed ticket's outcome is decided, restored or not (a customer-caused fault closed unrestored
        // is judged at its close); only an open, unrestored ticket within its limit is still running. A ticket
        // cancelled or rejected before restoration is not judged at all.
        String outcome = withdrawn && restoredAt == null ? "void"
                : !m.met() ? "breached" : restoredAt == null && !m.exemptionDecided() ? "running" : "met";
        return new SlaView(m.limit().toSeconds(), startedAt, restoredAt, m.elapsed().toSeconds(),
                m.suspended().toSeconds(), m.exemptionDecided(), cause, m.exempt().toSeconds(),
                m.counted().toSeconds(), m.countedIfExempt().toSeconds(), m.countedIfNotExempt().toSeconds(), outcome);
    }
}
