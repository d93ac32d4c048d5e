package cn.onepoint.ticket;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Messages;
import cn.onepoint.directory.Role;
import cn.onepoint.ticket.dto.WordingRequest;
import cn.onepoint.ticket.dto.WordingView;
import cn.onepoint.workorder.WorkOrderNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The customer-facing wording 口径 of a fault, set by the chief customer engineer and sent to every handling unit. */
@ApplicationScoped
public class WordingService {

    private final Clock clock;
    private final TicketService tickets;
    private final TicketQueries queries;
    private final HandlingUnits handlingUnits;

    public WordingService(Clock clock, TicketService tickets, TicketQueries queries, HandlingUnits handlingUnits) {
        this.clock = clock;
        this.tickets = tickets;
        this.queries = queries;
        this.handlingUnits = handlingUnits;
    }

    @WithTransaction
    public Uni<WordingView> set(UUID ticketId, WordingRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        Wording[] made = new Wording[1];
        UUID[] unit = new UUID[1];
        return tickets.act(ticketId, ifMatch, TicketAction.WORDING, actor, null, t -> tickets
                .personOf(actor, "personId").chain(p -> {
                    unit[0] = p.unitId;
                    // T13: the chief customer engineer sets the wording ...
                    if (!p.roles.contains(Role.CHIEF_CUSTOMER_ENGINEER)) {
                        throw DomainException.rule("T13", "t13.notChiefCustomerEngineer", p.name);
                    }
                    return Wording.current(t.id);
                })
                .chain(previous -> {
                    Wording w = new Wording();
                    w.id = UUID.randomUUID();
                    w.ticketId = t.id;
                    w.personId = actor;
                    w.text = body.text();
                    w.setAt = clock.instant();
                    made[0] = w;
                    Uni<Void> supersede = Uni.createFrom().voidItem();
                    if (previous != null) {
                        // ... a later one supersedes the earlier, which is kept (out of force before the new one is
                        // written, as one wording is in force at a time; then pointing to it)
                        previous.supersededAt = w.setAt;
                        supersede = Panache.getSession().chain(s -> s.flush());
                    }
                    return supersede.chain(() -> w.persist()).invoke(() -> {
                                if (previous != null) {
                                    previous.supersededBy = w.id;
                                }
                            }).chain(() -> handlingUnits.of(t))
                            // ... and every handling unit receives it: on its work order, and its people are told.
                            .chain(handling -> handlingUnits.tell(handling, WorkOrderNotice.Kind.WORDING, w.id,
                                            w.text, actor, unit[0], notification(t, w))
                                    .replaceWith("wording=" + w.id + " to " + handling.size() + " units"
                                            + (previous == null ? "" : " supersedes " + previous.id)));
                })).chain(t -> view(made[0]));
    }

    /** What each person of a handling unit is told, in Chinese (the language of the people it goes to). */
    static String notification(Ticket t, Wording w) {
        return Messages.text(Locale.SIMPLIFIED_CHINESE, "t13.notify.wording", t.number, w.text);
    }

    @WithSession
    public Uni<List<WordingView>> list(UUID ticketId) {
        return queries.get(ticketId).chain(t -> Wording.<Wording>list("ticketId = ?1 order by setAt, id", ticketId))
                .chain(this::views);
    }

    private Uni<WordingView> view(Wording w) {
        return views(List.of(w)).map(l -> l.get(0));
    }

    private Uni<List<WordingView>> views(List<Wording> items) {
        return handlingUnits.received(items.stream().map(w -> w.id).toList()).map(to -> items.stream()
                .map(w -> WordingView.of(w, to.getOrDefault(w.id, List.of()))).toList());
    }
}
