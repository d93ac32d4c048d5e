package cn.onepoint.ticket;

import cn.onepoint.directory.Customer;
import cn.onepoint.sla.SlaPolicy;
import cn.onepoint.ticket.dto.SlaView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** T5 / T8: resolution figures of a ticket, from its acceptance, restoration and approved suspensions. */
@ApplicationScoped
public class TicketSla {

    private final Clock clock;
    private final SlaPolicy policy;
    private final TicketQueries queries;

    public TicketSla(Clock clock, SlaPolicy policy, TicketQueries queries) {
        this.clock = clock;
        this.policy = policy;
        this.queries = queries;
    }

    /** In the caller's session. */
    Uni<ResolutionClock.Measure> measure(Ticket t) {
        Instant start = t.acceptedAt != null ? t.acceptedAt : t.createdAt;
        // a withdrawn ticket's figures stop where it was withdrawn (its last change)
        Instant end = t.serviceRestoredAt != null ? t.serviceRestoredAt
                : t.closedAt != null ? t.closedAt : withdrawn(t) ? t.updatedAt : clock.instant();
        return Customer.<Customer>findById(t.customerId).chain(c -> Suspension.<Suspension>list(
                        "ticketId = ?1 and startedAt is not null order by startedAt", t.id)
                .map(list -> ResolutionClock.measure(start, end,
                        list.stream().map(s -> new ResolutionClock.Interval(s.startedAt, s.endedAt)).toList(),
                        t.causeCategory, t.status == TicketStatus.CLOSED,
                        policy.resolutionLimit(t.businessType, c.level))));
    }

    @WithSession
    public Uni<SlaView> view(java.util.UUID id) {
        return queries.get(id).chain(t -> measure(t).map(m -> SlaView.of(m,
                t.acceptedAt != null ? t.acceptedAt : t.createdAt, t.serviceRestoredAt,
                t.status == TicketStatus.CLOSED ? t.causeCategory : null, withdrawn(t))));
    }

    /** Cancelled (registered twice, withdrawn) or rejected (not our fault): not judged against the limit. */
    static boolean withdrawn(Ticket t) {
        return t.status == TicketStatus.CANCELLED || t.status == TicketStatus.REJECTED;
    }

}
