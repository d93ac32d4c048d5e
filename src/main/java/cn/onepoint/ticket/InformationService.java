package cn.onepoint.ticket;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.directory.UnitKind;
import cn.onepoint.ticket.dto.InformationRequest;
import cn.onepoint.ticket.dto.InformationView;
import cn.onepoint.ticket.dto.RelayRequest;
import cn.onepoint.workorder.WorkOrderNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * New information about a fault and the control desk passing it on to every handling unit (T11, the second half;
 * the first, answering a handling unit's feedback, is {@link TicketService#answerFeedback}).
 */
@ApplicationScoped
public class InformationService {

    private final Clock clock;
    private final TicketService tickets;
    private final TicketTimers timers;
    private final HandlingUnits handlingUnits;
    private final TicketQueries queries;

    public InformationService(Clock clock, TicketService tickets, TicketTimers timers, HandlingUnits handlingUnits,
                              TicketQueries queries) {
        this.queries = queries;
        this.clock = clock;
        this.tickets = tickets;
        this.timers = timers;
        this.handlingUnits = handlingUnits;
    }

    @WithTransaction
    public Uni<InformationView> record(UUID ticketId, InformationRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        TicketInformation[] made = new TicketInformation[1];
        return tickets.act(ticketId, ifMatch, TicketAction.INFORMATION, actor, unitId, t -> tickets
                .unitOf(unitId, "unitId").chain(u -> tickets.personOf(actor, "personId")).chain(p -> {
                    if (!p.unitId.equals(unitId)) {
                        throw FieldErrors.single("personId", "field.mismatch", "unitId");
                    }
                    return handlingUnits.of(t);
                })
                .chain(handling -> {
                    // T11: new information is for the units handling the fault; without any there is no one to tell.
                    if (handling.isEmpty()) {
                        throw DomainException.rule("T11", "t11.noHandlingUnit");
                    }
                    return TicketInformation.count("ticketId = ?1 and relayedAt is null", t.id);
                })
                .chain(waiting -> {
                    TicketInformation i = new TicketInformation();
                    i.id = UUID.randomUUID();
                    i.ticketId = t.id;
                    i.source = body.source();
                    i.sourceName = body.sourceName();
                    i.message = body.message();
                    i.personId = actor;
                    i.unitId = unitId;
                    i.receivedAt = clock.instant();
                    made[0] = i;
                    // The clock already runs when older information is still waiting.
                    return i.persist().chain(() -> waiting == 0
                                    ? timers.informationWaiting(t, i.receivedAt, false) : Uni.createFrom().voidItem())
                            .replaceWith("information=" + i.id + " from " + i.source);
                })).chain(t -> view(made[0]));
    }

    @WithTransaction
    public Uni<InformationView> relay(UUID ticketId, UUID informationId, RelayRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        TicketInformation[] made = new TicketInformation[1];
        return tickets.act(ticketId, ifMatch, TicketAction.RELAY_INFORMATION, actor, unitId, t -> tickets
                .unitOf(unitId, "unitId").chain(unit -> {
                    // T11: the control desk passes new information on.
                    if (unit.kind != UnitKind.CONTROL_DESK) {
                        throw DomainException.forbidden("T11", "t11.relayNotControlDesk", unit.name);
                    }
                    return tickets.personOf(actor, "personId");
                })
                .chain(p -> TicketInformation.<TicketInformation>findById(informationId))
                .chain(i -> {
                    if (i == null || !i.ticketId.equals(t.id)) {
                        throw DomainException.notFound("information", informationId);
                    }
                    if (i.relayedAt != null) {
                        throw DomainException.conflict("ALREADY_RELAYED", "t11.alreadyRelayed");
                    }
                    made[0] = i;
                    return handlingUnits.of(t);
                })
                .chain(handling -> {
                    // T11: ... to every handling unit of the fault, each on its work order.
                    if (handling.isEmpty()) {
                        throw DomainException.rule("T11", "t11.noHandlingUnit");
                    }
                    TicketInformation i = made[0];
                    i.relayedAt = clock.instant();
                    i.relayedBy = actor;
                    i.relayedByUnitId = unitId;
                    i.relayNote = body.note();
                    String text = body.note() == null ? i.message : i.message + "\n" + body.note();
                    return handlingUnits.tell(handling, WorkOrderNotice.Kind.INFORMATION, i.id, text, actor, unitId,
                                    null)
                            .chain(() -> Panache.getSession().chain(s -> s.flush()))
                            .chain(() -> TicketInformation.<TicketInformation>find(
                                    "ticketId = ?1 and relayedAt is null order by receivedAt", t.id).firstResult())
                            .chain(oldest -> timers.informationWaiting(t,
                                    oldest == null ? null : ((TicketInformation) oldest).receivedAt, true))
                            .replaceWith("information=" + i.id + " passed on to " + handling.size() + " units");
                })).chain(t -> view(made[0]));
    }

    @WithSession
    public Uni<List<InformationView>> list(UUID ticketId) {
        return queries.get(ticketId).chain(t -> TicketInformation.<TicketInformation>list(
                "ticketId = ?1 order by receivedAt, id", ticketId)).chain(this::views);
    }

    private Uni<InformationView> view(TicketInformation i) {
        return views(List.of(i)).map(l -> l.get(0));
    }

    private Uni<List<InformationView>> views(List<TicketInformation> items) {
        return handlingUnits.received(items.stream().map(i -> i.id).toList()).map(to -> items.stream()
                .map(i -> InformationView.of(i, to.getOrDefault(i.id, List.of()))).toList());
    }
}
