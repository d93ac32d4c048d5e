package cn.onepoint.ticket;

import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.feed.Outbox;
import cn.onepoint.ticket.dto.DifficultFaultView;
import cn.onepoint.ticket.dto.JoinRequest;
import cn.onepoint.ticket.dto.LoopRequest;
import cn.onepoint.ticket.dto.LoopTestRequest;
import cn.onepoint.ticket.dto.LoopTestView;
import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loop-back tests 打环测试 (T17): the customer's consent and the plan, each loop checked against the manual's procedure
 * ({@link LoopProcedure}), the narrowed segment, and the difficult fault 疑难故障 with its joint handling when the loops
 * cannot find it.
 */
@ApplicationScoped
public class LoopTestService {

    static final String EVENT = "TicketLoopTestEvent";

    private final Clock clock;
    private final TicketService tickets;
    private final TicketQueries queries;
    private final WorkOrderService workOrders;
    private final HandlingUnits handlingUnits;
    private final Outbox outbox;

    public LoopTestService(Clock clock, TicketService tickets, TicketQueries queries, WorkOrderService workOrders,
                           HandlingUnits handlingUnits, Outbox outbox) {
        this.clock = clock;
        this.tickets = tickets;
        this.queries = queries;
        this.workOrders = workOrders;
        this.handlingUnits = handlingUnits;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<LoopTestView> start(UUID ticketId, LoopTestRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        boolean consent = body.consent();
        boolean immediate = body.immediate() == null || body.immediate();
        // When the customer does not need it at once, staff test both ends at the agreed time, as in plan BOTH.
        LoopPlan plan = !consent ? null : body.plan() == null && !immediate ? LoopPlan.BOTH : body.plan();
        FieldErrors errors = new FieldErrors();
        if (!consent && (body.otherMethod() == null || body.otherMethod().isBlank())) {
            errors.add("otherMethod", "field.required");
        }
        if (consent && plan == null) {
            errors.add("plan", "field.required");
        }
        if (consent && !immediate && body.scheduledAt() == null) {
            errors.add("scheduledAt", "field.required");
        }
        if (consent && !immediate && plan != LoopPlan.BOTH) {
            errors.add("plan", "field.loopPlanScheduled");
        }
        if (plan == LoopPlan.ONE && body.cooperatingEnd() == null) {
            errors.add("cooperatingEnd", "field.required");
        }
        errors.throwIfAny();
        LoopTest[] made = new LoopTest[1];
        return tickets.act(ticketId, ifMatch, TicketAction.LOOP_TESTS, actor, null, t -> tickets
                .personOf(actor, "personId").chain(p -> {
                    // T17: the dispatching unit agrees the loop tests with the customer ...
                    if (!p.unitId.equals(t.dispatcherUnitId) && !p.unitId.equals(t.acceptanceUnitId)) {
                        throw DomainException.rule("T17", "t17.notDispatcher", p.name);
                    }
                    // ... of a BANDWIDTH circuit (the manual's plans are the digital and data circuits') ...
                    if (!t.businessType.isBandwidth()) {
                        throw DomainException.rule("T17", "t17.notBandwidth", t.businessType);
                    }
                    return workOrders.ofSubject(t.id).map(wos -> {
                        // ... once both access ends (and every other unit dispatched) found no alarm and no
                        // configuration change on their segments [2.3.1.5 一 3, 二 5].
                        List<WorkOrder> live = TicketService.liveDispatches(wos).toList();
                        Set<Segment> clean = live.stream().filter(WorkOrder::reportedClean).map(w -> w.segment)
                                .collect(Collectors.toSet());
                        if (!clean.containsAll(Set.of(Segment.A_ACCESS, Segment.Z_ACCESS))
                                || !live.stream().allMatch(WorkOrder::reportedClean)) {
                            throw DomainException.rule("T17", "t17.findingsFirst");
                        }
                        LoopTest lt = new LoopTest();
                        lt.id = UUID.randomUUID();
                        lt.ticketId = t.id;
                        lt.consent = consent;
                        // T17: without the customer's consent, another method and no loop test.
                        lt.otherMethod = consent ? null : body.otherMethod();
                        lt.immediate = immediate;
                        lt.scheduledAt = consent ? body.scheduledAt() : null;
                        lt.plan = plan;
                        lt.cooperatingEnd = plan == LoopPlan.ONE ? body.cooperatingEnd() : null;
                        lt.status = consent ? LoopTestStatus.TESTING : LoopTestStatus.NO_CONSENT;
                        lt.personId = p.id;
                        lt.unitId = p.unitId;
                        lt.startedAt = clock.instant();
                        lt.endedAt = consent ? null : lt.startedAt;
                        if (consent) {
                            t.phase = Phase.LOOP_TEST;
                        }
                        made[0] = lt;
                        return lt;
                    });
                })
                .chain(lt -> lt.persist().replaceWith(consent ? "loopTest=" + lt.id + " plan=" + plan
                        : "loopTest=" + lt.id + " no consent, other method: " + lt.otherMethod)))
                .chain(t -> event(t, made[0])).chain(() -> view(made[0]));
    }

    @WithTransaction
    public Uni<LoopTestView> loop(UUID ticketId, UUID loopTestId, LoopRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        LoopTest[] test = new LoopTest[1];
        // The ticket is locked before the loop test is read, so two loops at once are taken one after the other.
        return Commands.lock(Ticket.class, ticketId, "ticket").chain(() -> session(ticketId, loopTestId)).chain(lt -> {
            // T17: no consent, no loop test.
            if (lt.status == LoopTestStatus.NO_CONSENT) {
                throw DomainException.rule("T17", "t17.noConsent", lt.otherMethod);
            }
            if (lt.status != LoopTestStatus.TESTING) {
                throw DomainException.stateConflict(lt.status.name(), List.of(), "loops");
            }
            test[0] = lt;
            return tickets.act(ticketId, ifMatch, TicketAction.LOOP, actor, unitId, t -> tickets
                    .unitOf(unitId, "unitId").chain(u -> tickets.personOf(actor, "personId")).chain(p -> {
                        if (!p.unitId.equals(unitId)) {
                            throw FieldErrors.single("personId", "field.mismatch", "unitId");
                        }
                        return workOrders.ofSubject(t.id);
                    })
                    .chain(wos -> {
                        // T17: the handling units make the loops ...
                        if (TicketService.liveDispatches(wos).noneMatch(w -> w.unitId.equals(unitId))) {
                            throw DomainException.rule("T17", "t17.notHandlingUnit");
                        }
                        return loops(lt.id);
                    })
                    .chain(loops -> {
                        // ... in the order the manual's procedure calls for them.
                        LoopProcedure.State s = LoopProcedure.replay(lt, loops);
                        LoopProcedure.Step step = LoopProcedure.step(lt, s, body.end(), body.point(),
                                body.direction()).orElseThrow(() -> DomainException.rule("T17", "t17.notNext",
                                body.end() + " " + body.point() + " " + body.direction(), describe(lt, s)));
                        Loop l = new Loop();
                        l.id = UUID.randomUUID();
                        l.loopTestId = lt.id;
                        l.seq = loops.size() + 1;
                        l.end = body.end();
                        l.point = body.point();
                        l.direction = body.direction();
                        l.received = body.received();
                        l.finding = LoopProcedure.apply(s, step, body.end(), body.received());
                        l.unitId = unitId;
                        l.personId = actor;
                        l.note = body.note();
                        l.at = clock.instant();
                        return l.persist().chain(() -> conclude(t, lt, s)).map(outcome -> "loop " + l.seq + ": "
                                + l.end + " " + l.point + " " + l.direction + " received=" + l.received + " → "
                                + l.finding + outcome);
                    }));
        }).chain(t -> event(t, test[0])).chain(() -> view(test[0]));
    }

    /** Located: back to handling that segment; exhausted: a difficult fault handled jointly. */
    private Uni<String> conclude(Ticket t, LoopTest lt, LoopProcedure.State s) {
        if (s.located != null) {
            lt.status = LoopTestStatus.FOUND;
            lt.segment = s.located;
            lt.endedAt = clock.instant();
            t.phase = Phase.DISPATCHED;
            return Uni.createFrom().item(" segment=" + s.located);
        }
        if (!LoopProcedure.exhausted(lt, s)) {
            return Uni.createFrom().item("");
        }
        // T17: the loops cannot find it: a difficult fault, handled jointly by the units on it [2.3.1.5 一 4].
        Instant now = clock.instant();
        lt.status = LoopTestStatus.DIFFICULT_FAULT;
        lt.endedAt = now;
        t.phase = Phase.DIFFICULT_FAULT;
        DifficultFault d = new DifficultFault();
        d.ticketId = t.id;
        d.loopTestId = lt.id;
        d.startedAt = now;
        return handlingUnits.of(t).chain(handling -> {
            Set<UUID> units = new LinkedHashSet<>();
            if (t.dispatcherUnitId != null) {
                units.add(t.dispatcherUnitId);
            }
            handling.forEach(w -> units.add(w.unitId));
            List<JointParticipant> joined = units.stream().map(u -> participant(t.id, u, null, now, null)).toList();
            return d.persist().chain(() -> JointParticipant.persist(joined))
                    .replaceWith(" difficult fault, joint handling by " + units.size() + " units");
        });
    }

    @WithTransaction
    public Uni<DifficultFaultView> join(UUID ticketId, JoinRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        DifficultFault[] made = new DifficultFault[1];
        return tickets.act(ticketId, ifMatch, TicketAction.JOIN_DIFFICULT_FAULT, actor, null, t -> tickets
                .personOf(actor, "personId").chain(p -> difficultFault(t.id).chain(d -> {
                    made[0] = d;
                    return JointParticipant.count("ticketId = ?1 and personId = ?2", t.id, p.id);
                }).chain(already -> {
                    if (already > 0) {
                        throw DomainException.conflict("ALREADY_JOINED", "t17.alreadyJoined", p.name);
                    }
                    return participant(t.id, p.unitId, p.id, clock.instant(), body.note()).persist()
                            .replaceWith("joined: " + p.id + " of " + p.unitId);
                }))).chain(t -> view(made[0]));
    }

    private static JointParticipant participant(UUID ticketId, UUID unitId, UUID personId, Instant at, String note) {
        JointParticipant jp = new JointParticipant();
        jp.id = UUID.randomUUID();
        jp.ticketId = ticketId;
        jp.unitId = unitId;
        jp.personId = personId;
        jp.joinedAt = at;
        jp.note = note;
        return jp;
    }

    // ---- read side -------------------------------------------------------------------------------

    @WithSession
    public Uni<List<LoopTestView>> list(UUID ticketId) {
        return queries.get(ticketId).chain(t -> LoopTest.<LoopTest>list("ticketId = ?1 order by startedAt, id",
                ticketId)).chain(tests -> {
                    Uni<List<LoopTestView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (LoopTest lt : tests) {
                        views = views.chain(acc -> view(lt).map(v -> {
                            acc.add(v);
                            return acc;
                        }));
                    }
                    return views;
                });
    }

    @WithSession
    public Uni<LoopTestView> get(UUID ticketId, UUID loopTestId) {
        return session(ticketId, loopTestId).chain(this::view);
    }

    /** The session with its loops and what the procedure calls for next, in the caller's session. */
    private Uni<LoopTestView> view(LoopTest lt) {
        return loops(lt.id).map(loops -> LoopTestView.of(lt, loops, lt.status == LoopTestStatus.TESTING
                ? LoopProcedure.next(lt, LoopProcedure.replay(lt, loops)) : List.of()));
    }

    @WithSession
    public Uni<DifficultFaultView> difficultFaultOf(UUID ticketId) {
        return queries.get(ticketId).chain(t -> difficultFault(t.id)).chain(this::view);
    }

    private Uni<DifficultFaultView> view(DifficultFault d) {
        return JointParticipant.<JointParticipant>list("ticketId = ?1 order by joinedAt, id", d.ticketId)
                .map(ps -> DifficultFaultView.of(d, ps));
    }

    private Uni<DifficultFault> difficultFault(UUID ticketId) {
        return DifficultFault.<DifficultFault>findById(ticketId).onItem().ifNull()
                .failWith(() -> DomainException.notFound("difficult fault", ticketId));
    }

    private Uni<LoopTest> session(UUID ticketId, UUID loopTestId) {
        return LoopTest.<LoopTest>findById(loopTestId).map(lt -> {
            if (lt == null || !lt.ticketId.equals(ticketId)) {
                throw DomainException.notFound("loop test", loopTestId);
            }
            return lt;
        });
    }

    private static Uni<List<Loop>> loops(UUID loopTestId) {
        return Loop.list("loopTestId = ?1 order by seq", loopTestId);
    }

    private static String describe(LoopTest lt, LoopProcedure.State s) {
        return LoopProcedure.next(lt, s).stream().map(n -> n.end() + " " + n.point() + " " + n.direction())
                .collect(Collectors.joining("; "));
    }

    private Uni<Void> event(Ticket t, LoopTest lt) {
        return Panache.getSession().chain(s -> s.flush()).chain(() -> view(lt)).chain(v -> outbox.append(Outbox.Topic.tickets, EVENT, TicketService.SUBJECT, t.id,
                TicketService.scope(t), v));
    }
}
