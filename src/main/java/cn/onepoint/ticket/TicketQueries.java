package cn.onepoint.ticket;

import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimedSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The read side of tickets: one ticket, lists with TMF630 filters, and each sub-resource's records. */
@ApplicationScoped
public class TicketQueries {

    private static final List<String> SORTS = List.of("createdAt", "occurredAt", "number", "updatedAt");

    private final ScopedReads scoped;

    public TicketQueries(ScopedReads scoped) {
        this.scoped = scoped;
    }

    /** Publishes this scope predicate to the timer engine, which scopes the timers by their subject. */
    @Produces
    @Singleton
    static TimedSubject timed() {
        return new TimedSubject(SubjectType.TICKET, "Ticket", "ticket", TicketQueries::involves);
    }

    /**
     * Scoping (docs/security.md): the tickets that involve a unit of the caller's scope: the acceptance desk, the
     * first-ask unit, the province that reviewed it, the dispatcher, the owner, or a unit a work order went to.
     */
    static String involves(cn.onepoint.auth.Scope scope) {
        return scope.anyIn(List.of("acceptanceUnitId", "firstAskUnitId", "provinceReviewUnitId", "dispatcherUnitId",
                "ownerUnitId"), "id in (select w.subjectId from WorkOrder w where " + scope.unitIn("w.unitId") + ")");
    }

    private Uni<Ticket> visible(Ticket t) {
        return scoped.visible(t, t.id, "Ticket", "ticket", TicketQueries::involves);
    }

    public record Filter(List<String> status, List<String> scope, String customerId, String circuitId,
                         String unitId, String createdFrom, String createdTo, String sort) {
    }

    @WithSession
    public Uni<Ticket> get(UUID id) {
        return scoped.find(Ticket.class, id, "ticket", TicketQueries::involves);
    }

    /** By id or by number (FT202611250001). */
    @WithSession
    public Uni<Ticket> get(String idOrNumber) {
        return Ids.byIdOrNumber("ticket", idOrNumber, id -> Ticket.<Ticket>findById(id),
                n -> Ticket.<Ticket>find("number", n).firstResult()).chain(this::visible);
    }

    @WithSession
    public Uni<Page<Ticket>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<TicketStatus> statuses = errors.enums("status", f.status(), TicketStatus.class);
        List<Scope> scopes = errors.enums("scope", f.scope(), Scope.class);
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID circuit = errors.uuid("circuitId", f.circuitId());
        UUID unit = errors.uuid("unitId", f.unitId());
        Instant from = errors.instant("createdFrom", f.createdFrom());
        Instant to = errors.instant("createdTo", f.createdTo());
        String order = errors.sort(f.sort(), SORTS, "createdAt desc");
        errors.throwIfAny();
        Query q = new Query().in("status", statuses).in("scope", scopes).eq("customerId", customer)
                .eq("circuitId", circuit)
                .where("(acceptanceUnitId = :unit or dispatcherUnitId = :unit or id in "
                        + "(select w.subjectId from WorkOrder w where w.unitId = :unit))", "unit", unit)
                .where("createdAt >= :from", "from", from)
                .where("createdAt < :to", "to", to)
                .orderBy(order + ", id");
        scoped.restrict(q, TicketQueries::involves);
        return Paging.fetch(q, page, (w, p) -> Ticket.count(w, p), (w, p) -> Ticket.find(w, p));
    }

    @WithSession
    public Uni<List<TicketHistory>> history(UUID id) {
        return get(id).chain(t -> TicketHistory.list("ticketId = ?1 order by id", id));
    }

    @WithSession
    public Uni<List<SegmentTest>> segmentTests(UUID id) {
        return get(id).chain(t -> SegmentTest.list("ticketId = ?1 order by testedAt, id", id));
    }

    @WithSession
    public Uni<List<CustomerUpdate>> customerUpdates(UUID id) {
        return get(id).chain(t -> CustomerUpdate.list("ticketId = ?1 order by at, id", id));
    }

    @WithSession
    public Uni<List<Feedback>> feedback(UUID id) {
        return get(id).chain(t -> Feedback.list("ticketId = ?1 order by postedAt, id", id));
    }

    @WithSession
    public Uni<List<Suspension>> suspensions(UUID id) {
        return get(id).chain(t -> Suspension.list("ticketId = ?1 order by requestedAt, id", id));
    }
}
