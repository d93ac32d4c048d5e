package cn.onepoint.ticket;

import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.CustomerLevel;
import cn.onepoint.directory.DirectoryService;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import cn.onepoint.directory.UnitKind;
import cn.onepoint.feed.Outbox;
import cn.onepoint.sla.EscalationReason;
import cn.onepoint.ticket.dto.ChangeResponsibleRequest;
import cn.onepoint.ticket.dto.CloseRequest;
import cn.onepoint.ticket.dto.CreateTicketRequest;
import cn.onepoint.ticket.dto.CustomerUpdateRequest;
import cn.onepoint.ticket.dto.DispatchRequest;
import cn.onepoint.ticket.dto.FeedbackRequest;
import cn.onepoint.ticket.dto.FlagsRequest;
import cn.onepoint.ticket.dto.LocalPreCheckRequest;
import cn.onepoint.ticket.dto.ProvinceReviewRequest;
import cn.onepoint.ticket.dto.RestoreRequest;
import cn.onepoint.ticket.dto.SegmentTestRequest;
import cn.onepoint.ticket.dto.SuspensionDecision;
import cn.onepoint.ticket.dto.SuspensionRequest;
import cn.onepoint.ticket.dto.TicketView;
import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrder;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderNotice;
import cn.onepoint.workorder.WorkOrderService;
import cn.onepoint.workorder.WorkOrderStatus;
import cn.onepoint.workorder.WorkOrderType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fault-ticket lifecycle (T1–T12, T16). Every command is one transaction: the change, its history row and
 * its feed event commit together or not at all. Which action is allowed when lives in {@link TicketAction}.
 */
@ApplicationScoped
public class TicketService {

    static final String SUBJECT = "TICKET";

    private final Clock clock;
    private final Numbers numbers;
    private final DirectoryService directory;
    private final WorkOrderService workOrders;
    private final Outbox outbox;
    private final TicketTimers timers;
    private final TicketSla sla;
    private final HandlingUnits handlingUnits;
    private final Instance<TicketCloseListener> closeListeners;

    public TicketService(Clock clock, Numbers numbers, DirectoryService directory, WorkOrderService workOrders,
                         Outbox outbox, TicketTimers timers, TicketSla sla, HandlingUnits handlingUnits,
                         Instance<TicketCloseListener> closeListeners) {
        this.sla = sla;
        this.handlingUnits = handlingUnits;
        this.closeListeners = closeListeners;
        this.clock = clock;
        this.numbers = numbers;
        this.directory = directory;
        this.workOrders = workOrders;
        this.outbox = outbox;
        this.timers = timers;
    }

    // ---- intake (T1–T3) -------------------------------------------------------------------------

    @WithTransaction
    public Uni<Ticket> create(CreateTicketRequest body) {
        FieldErrors errors = new FieldErrors();
        UUID acceptanceUnitId = errors.uuid("acceptanceUnitId", body.acceptanceUnitId());
        UUID firstAskId = errors.uuid("firstAskUnitId", body.firstAskUnitId());
        // T2: a unit reached directly records itself as first-ask unit (首问负责制).
        if (body.channel() == Channel.MACHINE_ROOM && body.firstAskUnitId() == null) {
            errors.add("firstAskUnitId", "field.firstAskRequired");
        }
        if (body.occurredAt().isAfter(clock.instant())) {
            errors.add("occurredAt", "field.inFuture");
        }
        Customer[] customer = new Customer[1];
        Circuit[] circuit = new Circuit[1];
        return Customer.find("code", body.customerCode()).<Customer>firstResult()
                .invoke(c -> {
                    customer[0] = c;
                    if (c == null) {
                        errors.add("customerCode", "field.unknownCustomer", body.customerCode());
                    }
                })
                .chain(() -> Circuit.find("code", body.circuitCode()).<Circuit>firstResult())
                .invoke(c -> {
                    circuit[0] = c;
                    if (c == null) {
                        errors.add("circuitCode", "field.unknownCircuit", body.circuitCode());
                    } else {
                        if (customer[0] != null && !c.customerId.equals(customer[0].id)) {
                            errors.add("circuitCode", "field.mismatch", "customerCode");
                        }
                        if (c.businessType != body.businessType()) {
                            errors.add("businessType", "field.mismatch", "circuitCode");
                        }
                    }
                })
                .chain(() -> unitExists(errors, "acceptanceUnitId", body.acceptanceUnitId(), acceptanceUnitId))
                .chain(() -> unitExists(errors, "firstAskUnitId", body.firstAskUnitId(), firstAskId))
                .chain(() -> {
                    errors.throwIfAny();
                    return numbers.next("FT");
                })
                .chain(number -> {
                    Instant now = clock.instant();
                    Ticket t = new Ticket();
                    t.id = UUID.randomUUID();
                    t.number = number;
                    t.status = TicketStatus.ACKNOWLEDGED;
                    t.phase = Phase.INTAKE;
                    t.scope = scopeOf(customer[0], circuit[0]);
                    t.channel = body.channel();
                    t.customerId = customer[0].id;
                    t.circuitId = circuit[0].id;
                    t.customerCode = body.customerCode();
                    t.customerName = body.customerName();
                    t.circuitCode = body.circuitCode();
                    t.businessType = body.businessType();
                    t.direction = body.direction();
                    t.occurredAt = body.occurredAt();
                    t.symptom = body.symptom();
                    t.reporterName = body.reporter().name();
                    t.reporterContact = body.reporter().contact();
                    t.answeredAt = body.answeredAt();
                    t.firstAskUnitId = firstAskId;
                    t.acceptanceUnitId = acceptanceUnitId;
                    t.totalOutage = Boolean.TRUE.equals(body.totalOutage());
                    t.majorFault = body.majorFault();
                    t.headquartersOutage = body.headquartersOutage();
                    // T3: MOBILE faults also raise a network-assurance ticket.
                    t.networkAssurance = body.businessType() == BusinessType.MOBILE;
                    t.createdAt = now;
                    t.updatedAt = now;
                    return t.<Ticket>persist();
                })
                .call(t -> history(t, "create", null, null, t.acceptanceUnitId,
                        t.firstAskUnitId == null ? null : "firstAskUnitId=" + t.firstAskUnitId))
                .call(t -> event(t, "TroubleTicketCreateEvent"))
                // T3: the network-assurance ticket lives in the network side's system; it is raised through the
                // feed (topic tickets), in the intake's transaction, for its connector to pick up.
                .call(t -> t.networkAssurance ? event(t, NETWORK_ASSURANCE_EVENT) : Uni.createFrom().voidItem())
                .call(t -> timers.intake(t).chain(reasons -> reasons.isEmpty() ? Uni.createFrom().voidItem()
                        : history(t, "escalate", t.status, null, t.acceptanceUnitId, "reasons=" + reasons)));
    }

    /** T3: the request for a network-assurance ticket that a MOBILE fault raises. */
    static final String NETWORK_ASSURANCE_EVENT = "NetworkAssuranceTicketRequestEvent";

    /** T3: group-level customers and cross-province circuits are handled in the group module. */
    static Scope scopeOf(Customer customer, Circuit circuit) {
        return customer.level == CustomerLevel.GROUP || circuit.crossProvince() ? Scope.GROUP : Scope.PROVINCE;
    }

    // ---- acceptance and the first responsible person (T6) ---------------------------------------

    @WithTransaction
    public Uni<Ticket> accept(UUID id, String personId, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.ACCEPT, actor, t -> personOf(actor, "personId").chain(p -> {
            // T6: the acceptor at the acceptance desk becomes the one first responsible person.
            if (!p.unitId.equals(t.acceptanceUnitId)) {
                throw DomainException.forbidden("T6", "t6.notAcceptanceDesk", p.name);
            }
            t.responsiblePersonId = p.id;
            t.acceptedAt = clock.instant();
            t.dispatcherUnitId = t.acceptanceUnitId;
            return Circuit.<Circuit>findById(t.circuitId).chain(c -> directory.unit(t.acceptanceUnitId).chain(u -> {
                // T4: a cross-province fault taken by a local unit is checked locally first.
                t.phase = u.tier == Tier.LOCAL && c.crossProvince() ? Phase.LOCAL_PRE_CHECK : Phase.DISPATCH;
                return directory.customer(t.customerId).chain(customer -> timers.accepted(t, customer, u))
                        .replaceWith("responsiblePersonId=" + p.id);
            }));
        }));
    }

    @WithTransaction
    public Uni<Ticket> changeResponsible(UUID id, ChangeResponsibleRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.byPersonId());
        UUID next = Ids.ref("person", body.personId());
        return act(id, ifMatch, TicketAction.CHANGE_RESPONSIBLE, actor, t -> personOf(actor, "byPersonId")
                .chain(() -> personOf(next, "personId")).map(p -> {
                    // T6: exactly one first responsible person; every change is recorded with its reason.
                    UUID previous = t.responsiblePersonId;
                    t.responsiblePersonId = p.id;
                    return "from=" + previous + " to=" + p.id + " reason=" + body.reason();
                }));
    }

    // ---- cross-province flow (T4) ---------------------------------------------------------------

    @WithTransaction
    public Uni<Ticket> localPreCheck(UUID id, LocalPreCheckRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        return act(id, ifMatch, TicketAction.LOCAL_PRE_CHECK_RESULT, actor, unitId, t -> {
            // T4: the LOCAL unit that took the call checks its own local segment and records the result.
            if (!unitId.equals(t.acceptanceUnitId)) {
                throw DomainException.rule("T4", "t4.notLocalUnit");
            }
            return personOf(actor, "personId").map(p -> {
                boolean clean = body.localSegmentClean();
                t.localCheckResult = clean ? "CLEAN" : "FAULT_FOUND";
                t.localCheckNote = body.note();
                t.localCheckAt = clock.instant();
                // A clean local segment goes to the province for review; a local fault is dispatched locally.
                t.phase = clean ? Phase.PROVINCE_REVIEW : Phase.DISPATCH;
                return "localCheck=" + t.localCheckResult;
            });
        });
    }

    @WithTransaction
    public Uni<Ticket> provinceReview(UUID id, ProvinceReviewRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        return act(id, ifMatch, TicketAction.PROVINCE_REVIEW_RESULT, actor, unitId,
                t -> directory.unit(t.acceptanceUnitId).chain(local -> unitOf(unitId, "unitId").chain(province -> {
                    // T4: the province of the local unit reviews, then dispatches in parallel.
                    if (province.tier != Tier.PROVINCE || !Objects.equals(province.id, local.parentId)) {
                        throw DomainException.rule("T4", "t4.notProvinceOfLocal", province.name);
                    }
                    t.provinceReviewUnitId = province.id;
                    t.provinceReviewAt = clock.instant();
                    t.dispatcherUnitId = province.id;
                    t.phase = Phase.DISPATCH;
                    return timers.provinceReviewed(t, province)
                            .replaceWith("faultInsideProvince=" + body.faultInsideProvince());
                })));
    }

    // ---- dispatch (T16, T4) ---------------------------------------------------------------------

    @WithTransaction
    public Uni<List<WorkOrder>> dispatch(UUID id, DispatchRequest body, String ifMatch) {
        List<WorkOrder> created = new java.util.ArrayList<>();
        UUID actor = Ids.ref("person", body.personId());
        List<DispatchPlan.Target> requested = body.targets() == null ? null : body.targets().stream()
                .map(x -> new DispatchPlan.Target(Ids.ref("unit", x.unitId()), x.segment())).toList();
        return act(id, ifMatch, TicketAction.DISPATCH_UNITS, actor, t -> personOf(actor, "personId")
                .chain(() -> Circuit.<Circuit>findById(t.circuitId))
                .chain(c -> directory.unit(c.aEnd.unitId).chain(a -> directory.unit(c.zEnd.unitId)
                        .chain(z -> directory.unit(t.dispatcherUnitId).chain(dispatcher ->
                                workOrders.ofSubject(t.id).chain(existing -> farProvince(t, dispatcher, a, z)
                                        .chain(farProvince -> {
                                            boolean clean = "CLEAN".equals(t.localCheckResult)
                                                    || existing.stream().anyMatch(w -> w.stage == 1
                                                    && w.reportedClean());
                                            DispatchPlan.Plan plan = DispatchPlan.plan(t.businessType, dispatcher,
                                                    a, z, c.backboneUnitId, t.dispatchStage, clean, farProvince,
                                                    requested);
                                            return createWorkOrders(t, plan, existing, body.instructions(),
                                                    created);
                                        }))))))).map(t -> created);
    }

    /** T4: after a province review, the far end's province is dispatched in parallel too. */
    private Uni<Unit> farProvince(Ticket t, Unit dispatcher, Unit a, Unit z) {
        if (t.provinceReviewUnitId == null) {
            return Uni.createFrom().nullItem();
        }
        Unit far = dispatcher.covers(a) ? z : a;
        if (far.tier == Tier.PROVINCE || far.parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return directory.unit(far.parentId);
    }

    private Uni<String> createWorkOrders(Ticket t, DispatchPlan.Plan plan, List<WorkOrder> existing,
                                         String instructions, List<WorkOrder> created) {
        Set<String> already = existing.stream().filter(w -> w.status.open())
                .map(w -> w.unitId + "/" + w.segment).collect(Collectors.toSet());
        List<DispatchPlan.Target> fresh = plan.targets().stream()
                .filter(x -> !already.contains(x.unitId() + "/" + x.segment())).distinct().toList();
        if (fresh.isEmpty()) {
            throw DomainException.rule("T16", "t16.nothingMore");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DispatchPlan.Target x : fresh) {
            chain = chain.chain(() -> unitOf(x.unitId(), "targets").chain(u -> workOrders.create(
                    new WorkOrderService.Dispatch(WorkOrderType.FAULT_DISPATCH, SUBJECT, t.id, u.id, x.segment(),
                            plan.stage(), instructions), scope(t)))).invoke(created::add).replaceWithVoid();
        }
        return chain.chain(() -> timers.dispatched(t, created)).chain(() -> currentWordingTo(t, created)).map(v -> {
            t.dispatchStage = (short) plan.stage();
            t.phase = Phase.DISPATCHED;
            return "stage=" + plan.stage() + " units=" + fresh.stream()
                    .map(x -> x.segment() + ":" + x.unitId()).collect(Collectors.joining(","));
        });
    }

    /** T13: a unit dispatched after the wording was set receives it too. */
    private Uni<Void> currentWordingTo(Ticket t, List<WorkOrder> created) {
        return Wording.current(t.id).chain(w -> w == null ? Uni.createFrom().voidItem()
                : directory.person(w.personId).chain(cce -> handlingUnits.tell(created, WorkOrderNotice.Kind.WORDING,
                w.id, w.text, cce.id, cce.unitId, WordingService.notification(t, w))));
    }

    // ---- tests, updates, feedback (T7, T10, T11) ------------------------------------------------

    @WithTransaction
    public Uni<SegmentTest> segmentTest(UUID id, SegmentTestRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        SegmentTest[] made = new SegmentTest[1];
        return act(id, ifMatch, TicketAction.SEGMENT_TEST, actor, unitId, t -> {
            // T7: declaring a telecom segment fault-free needs its test report.
            if (body.result() == SegmentTest.Result.FAULT_FREE && body.report() == null) {
                throw DomainException.rule("T7", "t7.reportRequired");
            }
            return workOrders.ofSubject(t.id).chain(wos -> {
                if (liveDispatches(wos).noneMatch(w -> w.unitId.equals(unitId))) {
                    throw DomainException.rule("T7", "t7.notDispatched");
                }
                return SegmentTest.<SegmentTest>list("ticketId", t.id).chain(tests -> {
                    // T7: the telecom side first, then the customer side.
                    if (body.segment() == Segment.CUSTOMER_PREMISES) {
                        Set<Segment> tested = tests.stream().map(x -> x.segment).collect(Collectors.toSet());
                        boolean telecomDone = liveDispatches(wos).map(w -> w.segment)
                                .filter(s -> s != null && s.telecom() && s != Segment.OTHER)
                                .allMatch(tested::contains);
                        if (!telecomDone) {
                            throw DomainException.rule("T7", "t7.telecomFirst");
                        }
                    }
                    SegmentTest st = new SegmentTest();
                    st.id = UUID.randomUUID();
                    st.ticketId = t.id;
                    st.unitId = unitId;
                    st.personId = actor;
                    st.segment = body.segment();
                    st.result = body.result();
                    st.reportRef = body.report() == null ? null : body.report().reference();
                    st.reportText = body.report() == null ? null : body.report().summary();
                    st.testedAt = clock.instant();
                    made[0] = st;
                    return st.persist().map(x -> st.segment + "=" + st.result);
                });
            });
        }).map(t -> made[0]);
    }

    @WithTransaction
    public Uni<CustomerUpdate> customerUpdate(UUID id, CustomerUpdateRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        CustomerUpdate[] made = new CustomerUpdate[1];
        return act(id, ifMatch, TicketAction.CUSTOMER_UPDATE, actor, t -> {
            // T10: the acceptor, and only the acceptor, updates the customer (统一回复).
            if (!actor.equals(t.responsiblePersonId)) {
                throw DomainException.forbidden("T10", "t10.onlyAcceptor");
            }
            CustomerUpdate u = new CustomerUpdate();
            u.id = UUID.randomUUID();
            u.ticketId = t.id;
            u.personId = actor;
            u.at = clock.instant();
            u.channel = body.channel();
            u.message = body.message();
            made[0] = u;
            return u.persist().chain(() -> timers.customerUpdated(t)).map(x -> "via=" + u.channel);
        }).map(t -> made[0]);
    }

    @WithTransaction
    public Uni<Feedback> feedback(UUID id, FeedbackRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        Feedback[] made = new Feedback[1];
        return act(id, ifMatch, TicketAction.FEEDBACK, actor, unitId, t -> workOrders.ofSubject(t.id).chain(wos -> {
            // T11: feedback comes from a handling unit working on the ticket.
            if (liveDispatches(wos).noneMatch(w -> w.unitId.equals(unitId))) {
                throw DomainException.forbidden("T11", "t11.notDispatched");
            }
            Feedback f = new Feedback();
            f.id = UUID.randomUUID();
            f.ticketId = t.id;
            f.unitId = unitId;
            f.personId = actor;
            f.postedAt = clock.instant();
            f.message = body.message();
            made[0] = f;
            return f.persist().chain(() -> controlClock(t)).map(x -> "feedback=" + f.id);
        })).map(t -> made[0]);
    }

    @WithTransaction
    public Uni<Feedback> answerFeedback(UUID id, UUID feedbackId, FeedbackRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        Feedback[] made = new Feedback[1];
        return act(id, ifMatch, TicketAction.ANSWER_FEEDBACK, actor, unitId, t -> unitOf(unitId, "unitId")
                .chain(unit -> {
                    // T11: the control desk answers the handling unit's feedback.
                    if (unit.kind != UnitKind.CONTROL_DESK) {
                        throw DomainException.forbidden("T11", "t11.notControlDesk", unit.name);
                    }
                    return Feedback.<Feedback>findById(feedbackId);
                })
                .chain(f -> {
                    if (f == null || !f.ticketId.equals(t.id)) {
                        throw DomainException.notFound("feedback", feedbackId);
                    }
                    if (f.answeredAt != null) {
                        throw DomainException.conflict("ALREADY_ANSWERED", "t11.alreadyAnswered");
                    }
                    f.answeredAt = clock.instant();
                    f.answeredByUnitId = unitId;
                    f.answeredBy = actor;
                    f.answer = body.message();
                    made[0] = f;
                    return controlClock(t).replaceWith("answered=" + f.id);
                })).map(t -> made[0]);
    }

    /** T11: the control desk's clock runs from the oldest feedback still unanswered. */
    private Uni<Void> controlClock(Ticket t) {
        return Panache.getSession().chain(s -> s.flush()).chain(() -> Feedback.<Feedback>find(
                        "ticketId = ?1 and answeredAt is null order by postedAt", t.id).firstResult())
                .chain(oldest -> timers.feedbackOpen(t, oldest == null ? null : ((Feedback) oldest).postedAt,
                        t.dispatcherUnitId));
    }

    // ---- suspension (T8) ------------------------------------------------------------------------

    @WithTransaction
    public Uni<Suspension> requestSuspension(UUID id, SuspensionRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        Suspension[] made = new Suspension[1];
        return act(id, ifMatch, TicketAction.REQUEST_SUSPENSION, actor, unitId, t -> workOrders.ofSubject(t.id)
                .chain(wos -> {
                    // T8: only the handling unit may request a suspension ...
                    if (liveDispatches(wos).noneMatch(w -> w.unitId.equals(unitId))) {
                        throw DomainException.forbidden("T8", "t8.notHandlingUnit");
                    }
                    return SegmentTest.<SegmentTest>list("ticketId", t.id).chain(tests -> {
                        // ... and only after the telecom side is proven clean (every dispatched segment tested
                        // fault-free with its report, T7).
                        Set<Segment> clean = tests.stream().filter(x -> x.result == SegmentTest.Result.FAULT_FREE)
                                .map(x -> x.segment).collect(Collectors.toSet());
                        boolean telecomClean = liveDispatches(wos).map(w -> w.segment)
                                .filter(s -> s != null && s.telecom() && s != Segment.OTHER)
                                .allMatch(clean::contains);
                        if (!telecomClean) {
                            throw DomainException.rule("T8", "t8.telecomNotClean");
                        }
                        return Suspension.count("ticketId = ?1 and status in ?2", t.id,
                                EnumSet.of(Suspension.Status.REQUESTED, Suspension.Status.ACTIVE));
                    });
                })
                .chain(open -> {
                    if (open > 0) {
                        throw DomainException.conflict("SUSPENSION_OPEN", "t8.alreadyOpen");
                    }
                    Suspension s = new Suspension();
                    s.id = UUID.randomUUID();
                    s.ticketId = t.id;
                    s.status = Suspension.Status.REQUESTED;
                    s.requestedByUnitId = unitId;
                    s.requestedBy = actor;
                    s.requestedAt = clock.instant();
                    s.reason = body.reason();
                    made[0] = s;
                    return s.persist().map(x -> "suspension=" + s.id);
                })).map(t -> made[0]);
    }

    @WithTransaction
    public Uni<Suspension> decideSuspension(UUID id, UUID suspensionId, SuspensionDecision body, boolean approve,
                                            String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        TicketAction action = approve ? TicketAction.APPROVE_SUSPENSION : TicketAction.REFUSE_SUSPENSION;
        Suspension[] made = new Suspension[1];
        return act(id, ifMatch, action, actor, unitId, t -> suspension(t, suspensionId).map(s -> {
            if (s.status != Suspension.Status.REQUESTED) {
                throw DomainException.conflict("SUSPENSION_DECIDED", "t8.notRequested");
            }
            // T8: the dispatcher decides, after confirming with the customer.
            if (!unitId.equals(t.dispatcherUnitId) && !unitId.equals(t.acceptanceUnitId)) {
                throw DomainException.forbidden("T8", "t8.notDispatcher");
            }
            if (approve && !Boolean.TRUE.equals(body.customerConfirmed())) {
                throw DomainException.rule("T8", "t8.customerNotConfirmed");
            }
            Instant now = clock.instant();
            s.status = approve ? Suspension.Status.ACTIVE : Suspension.Status.REFUSED;
            s.decidedByUnitId = unitId;
            s.decidedBy = actor;
            s.decidedAt = now;
            s.decisionNote = body.note();
            if (approve) {
                s.startedAt = now;
                t.phase = Phase.SUSPENDED;
            }
            made[0] = s;
            return s;
        }).chain(s -> (approve ? timers.suspended(t) : Uni.createFrom().voidItem())
                .replaceWith("suspension=" + s.id + (approve ? " approved" : " refused")))).map(t -> made[0]);
    }

    @WithTransaction
    public Uni<Suspension> resume(UUID id, UUID suspensionId, String personId, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        Suspension[] made = new Suspension[1];
        return act(id, ifMatch, TicketAction.RESUME, actor, t -> suspension(t, suspensionId).map(s -> {
            if (s.status != Suspension.Status.ACTIVE) {
                throw DomainException.conflict("SUSPENSION_NOT_ACTIVE", "t8.notActive");
            }
            endSuspension(s);
            made[0] = s;
            return s;
        }).chain(s -> handlingPhase(t)).chain(phase -> {
            t.phase = phase;
            return timers.resumed(t).replaceWith("suspension=" + made[0].id + " resumed");
        })).map(t -> made[0]);
    }

    private Uni<Suspension> suspension(Ticket t, UUID suspensionId) {
        return Suspension.<Suspension>findById(suspensionId).map(s -> {
            if (s == null || !s.ticketId.equals(t.id)) {
                throw DomainException.notFound("suspension", suspensionId);
            }
            return s;
        });
    }

    private void endSuspension(Suspension s) {
        s.status = Suspension.Status.ENDED;
        s.endedAt = clock.instant();
    }

    /** Ends whatever suspension is still active (restore or close while held). */
    private Uni<Void> endActiveSuspension(Ticket t) {
        return Suspension.<Suspension>list("ticketId = ?1 and status = ?2", t.id, Suspension.Status.ACTIVE)
                .invoke(list -> list.forEach(this::endSuspension)).replaceWithVoid();
    }

    // ---- waiting on the customer ----------------------------------------------------------------

    @WithTransaction
    public Uni<Ticket> awaitCustomer(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.AWAIT_CUSTOMER, actor, t -> personOf(actor, "personId").map(p -> {
            t.phase = Phase.AWAITING_CUSTOMER;
            return note;
        }));
    }

    @WithTransaction
    public Uni<Ticket> customerResponded(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.CUSTOMER_RESPONDED, actor, t -> personOf(actor, "personId")
                .chain(p -> handlingPhase(t)).map(phase -> {
                    t.phase = phase;
                    return note;
                }));
    }

    /** Where handling stands when an interruption ends: dispatching, dispatched, loop tests, a difficult fault. */
    private Uni<Phase> handlingPhase(Ticket t) {
        if (t.dispatchStage == 0) {
            return Uni.createFrom().item(Phase.DISPATCH);
        }
        return LoopTest.testing(t.id).chain(open -> open != null ? Uni.createFrom().item(Phase.LOOP_TEST)
                : DifficultFault.<DifficultFault>findById(t.id)
                .map(d -> d != null ? Phase.DIFFICULT_FAULT : Phase.DISPATCHED));
    }

    // ---- restore, repair, close (T5, T12) -------------------------------------------------------

    @WithTransaction
    public Uni<Ticket> restore(UUID id, RestoreRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, TicketAction.RESTORE, actor, t -> personOf(actor, "personId").chain(p -> {
            // T5: restore first; the resolution limit is measured to restoration.
            t.serviceRestoredAt = at(body.at(), t.occurredAt, "at");
            t.phase = Phase.RESTORED;
            return endActiveSuspension(t).chain(() -> endLoopTest(t)).chain(() -> workOrders.ofSubject(t.id))
                    .chain(wos -> timers.restored(t, wos)).map(v -> "serviceRestoredAt=" + t.serviceRestoredAt);
        }));
    }

    @WithTransaction
    public Uni<Ticket> repair(UUID id, RestoreRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, TicketAction.REPAIR, actor, t -> personOf(actor, "personId").map(p -> {
            // T5: repair later, recorded separately from restoration.
            if (TicketAction.REPAIR.done(t)) {
                throw DomainException.conflict("ALREADY_REPAIRED", "t5.alreadyRepaired");
            }
            t.faultRepairedAt = at(body.at(), t.serviceRestoredAt, "at");
            return "faultRepairedAt=" + t.faultRepairedAt;
        }));
    }

    @WithTransaction
    public Uni<Ticket> close(UUID id, CloseRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, TicketAction.CLOSE, actor, t -> {
            // T12: the acceptor closes ...
            if (!actor.equals(t.responsiblePersonId)) {
                throw DomainException.forbidden("T12", "t12.onlyAcceptor");
            }
            boolean customerCaused = body.cause().category() == CauseCategory.CUSTOMER;
            if (t.status == TicketStatus.RESOLVED) {
                // ... after confirming restoration with the customer;
                if (!Boolean.TRUE.equals(body.customerConfirmed())) {
                    throw DomainException.rule("T12", "t12.notConfirmed");
                }
            } else if (!customerCaused || !Boolean.TRUE.equals(body.customerInformed())) {
                // ... or, unrestored, only a customer-caused fault once the customer has been told.
                throw DomainException.rule("T12", "t12.notRestored");
            }
            Instant now = clock.instant();
            t.closedAt = now;
            t.closedBy = actor;
            t.customerConfirmed = body.customerConfirmed();
            t.causeCategory = body.cause().category();
            t.causeText = body.cause().text();
            CloseRequest.Cause told = body.toldCause() == null ? body.cause() : body.toldCause();
            t.toldCauseCategory = told.category();
            t.toldCauseText = told.text();
            // T12: when the cause told to the customer differs, both are kept and the difference is flagged.
            t.causeDiffers = told.category() != body.cause().category() || !told.text().equals(body.cause().text());
            t.phase = Phase.CLOSED;
            return endActiveSuspension(t)
                    .chain(() -> workOrders.closeOpen(t.id, WorkOrderAction.CANCEL, "ticket closed", scope(t)))
                    .chain(() -> endTimers(t))
                    .chain(() -> sla.measure(t)).invoke(m -> {
                        // T8: exemption is decided now, by the final cause; the figures are kept for reports.
                        t.slaLimitSeconds = m.limit().toSeconds();
                        t.slaElapsedSeconds = m.elapsed().toSeconds();
                        t.slaSuspendedSeconds = m.suspended().toSeconds();
                        t.slaExemptSeconds = m.exempt().toSeconds();
                        t.slaCountedSeconds = m.counted().toSeconds();
                        t.slaMet = m.met();
                    })
                    .map(v -> "cause=" + t.causeCategory + (t.causeDiffers ? " (told differently)" : ""));
        }).call(t -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TicketCloseListener l : closeListeners) {
                chain = chain.chain(() -> l.closed(t));
            }
            return chain;
        });
    }

    @WithTransaction
    public Uni<Ticket> cancel(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.CANCEL, actor, t -> personOf(actor, "personId").chain(p -> {
            t.phase = Phase.CANCELLED;
            return workOrders.closeOpen(t.id, WorkOrderAction.CANCEL, "ticket cancelled", scope(t))
                    .chain(() -> endTimers(t)).map(v -> note);
        }));
    }

    @WithTransaction
    public Uni<Ticket> reject(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.REJECT, actor, t -> personOf(actor, "personId").chain(p -> {
            t.phase = Phase.REJECTED;
            return endTimers(t).replaceWith(note);
        }));
    }

    /** T14: the customer escalated directly or through the CM; recorded, and the escalation level rises. */
    @WithTransaction
    public Uni<Ticket> escalateExternally(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, TicketAction.ESCALATE, actor, t -> personOf(actor, "personId")
                .chain(p -> timers.external(t)).replaceWith("external: " + (note == null ? "" : note)));
    }

    /** T13: a major fault, a headquarters outage or a total outage learnt after intake escalates at once. */
    @WithTransaction
    public Uni<Ticket> flags(UUID id, FlagsRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        FieldErrors errors = new FieldErrors();
        if (body.totalOutage() == null && body.majorFault() == null && body.headquartersOutage() == null) {
            for (String f : List.of("totalOutage", "majorFault", "headquartersOutage")) {
                errors.add(f, "field.oneFlagRequired");
            }
        }
        errors.throwIfAny();
        return act(id, ifMatch, TicketAction.FLAGS, actor, t -> personOf(actor, "personId").chain(p -> {
            if (t.totalOutage && Boolean.FALSE.equals(body.totalOutage())) {
                // the escalation has happened; a flag set in error is corrected in the close's cause, not here
                throw FieldErrors.single("totalOutage", "field.flagEscalated");
            }
            List<EscalationReason> fresh = new java.util.ArrayList<>();
            if (!t.totalOutage && Boolean.TRUE.equals(body.totalOutage())) {
                fresh.add(EscalationReason.TOTAL_OUTAGE);
                t.totalOutage = true;
            }
            if (body.majorFault() != null) {
                if (t.majorFault == null) {
                    fresh.add(EscalationReason.MAJOR_FAULT);
                }
                t.majorFault = body.majorFault();
            }
            if (body.headquartersOutage() != null) {
                if (t.headquartersOutage == null) {
                    fresh.add(EscalationReason.CUSTOMER_HQ_OUTAGE);
                }
                t.headquartersOutage = body.headquartersOutage();
            }
            return timers.escalate(t, fresh).replaceWith("totalOutage=" + t.totalOutage + " majorFault="
                    + t.majorFault + " headquartersOutage=" + t.headquartersOutage
                    + (fresh.isEmpty() ? "" : " escalated=" + fresh) + (body.note() == null ? "" : " " + body.note()));
        }));
    }

    private Uni<Void> endTimers(Ticket t) {
        return endLoopTest(t).chain(() -> workOrders.ofSubject(t.id)).chain(wos -> timers.ended(t, wos));
    }

    /** A loop test still running when the ticket is restored or ends is over. */
    private Uni<Void> endLoopTest(Ticket t) {
        return LoopTest.testing(t.id).invoke(lt -> {
            if (lt != null) {
                lt.status = LoopTestStatus.ENDED;
                lt.endedAt = clock.instant();
            }
        }).replaceWithVoid();
    }

    // ---- the one home of every command ----------------------------------------------------------

    private Uni<Ticket> act(UUID id, String ifMatch, TicketAction action, UUID actorId,
                            Function<Ticket, Uni<String>> change) {
        return act(id, ifMatch, action, actorId, null, change);
    }

    /**
     * Loads the ticket, checks If-Match and the state machine, applies the change, then writes the history row
     * and the feed event, all in the caller's transaction. The version bump (updatedAt always changes) makes
     * concurrent commands on one ticket conflict instead of overwriting each other.
     */
    Uni<Ticket> act(UUID id, String ifMatch, TicketAction action, UUID actorId, UUID unitId,
                    Function<Ticket, Uni<String>> change) {
        return act(id, ifMatch, action, actorId, unitId, change, null);
    }

    /** As above; {@code eventType} replaces the default status / attribute change event when given. */
    Uni<Ticket> act(UUID id, String ifMatch, TicketAction action, UUID actorId, UUID unitId,
                    Function<Ticket, Uni<String>> change, String eventType) {
        return Commands.lock(Ticket.class, id, "ticket")
                .chain(t -> {
                    Versions.check(ifMatch, t.version);
                    TicketStatus from = t.status;
                    TicketStatus to = action.check(t);
                    return change.apply(t).chain(detail -> {
                        t.status = to;
                        t.updatedAt = clock.instant();
                        return history(t, action.wire(), from, actorId, unitId, detail)
                                .chain(() -> eventType != null ? Uni.createFrom().voidItem()
                                        : event(t, from != to ? "TroubleTicketStatusChangeEvent"
                                        : "TroubleTicketAttributeValueChangeEvent"))
                                .replaceWith(t);
                    });
                });
    }

    Uni<Void> history(Ticket t, String action, TicketStatus from, UUID actorId, UUID unitId, String detail) {
        TicketHistory h = new TicketHistory();
        h.ticketId = t.id;
        h.at = clock.instant();
        h.action = action;
        h.actorId = actorId;
        h.unitId = unitId;
        h.fromStatus = from;
        h.toStatus = t.status;
        h.phase = t.phase;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    Uni<Void> event(Ticket t, String eventType) {
        return outbox.append(Outbox.Topic.tickets, eventType, SUBJECT, t.id, scope(t), TicketView.of(t));
    }

    static Outbox.Scope scope(Ticket t) {
        return new Outbox.Scope(t.customerId, t.dispatcherUnitId != null ? t.dispatcherUnitId : t.acceptanceUnitId,
                null);
    }

    static java.util.stream.Stream<WorkOrder> liveDispatches(List<WorkOrder> wos) {
        return wos.stream().filter(w -> w.type == WorkOrderType.FAULT_DISPATCH
                && w.status != WorkOrderStatus.CANCELLED && w.status != WorkOrderStatus.REJECTED);
    }

    private Instant at(Instant given, Instant notBefore, String field) {
        Instant now = clock.instant();
        Instant at = given == null ? now : given;
        FieldErrors errors = new FieldErrors();
        if (at.isAfter(now)) {
            errors.add(field, "field.inFuture");
        } else if (notBefore != null && at.isBefore(notBefore)) {
            errors.add(field, "field.tooEarly", notBefore);
        }
        errors.throwIfAny();
        return at;
    }

    Uni<Person> personOf(UUID id, String field) {
        return Person.<Person>findById(id).map(p -> {
            if (p == null) {
                throw FieldErrors.single(field, "field.unknownPerson", id);
            }
            return p;
        });
    }

    Uni<Unit> unitOf(UUID id, String field) {
        return Unit.<Unit>findById(id).map(u -> {
            if (u == null) {
                throw FieldErrors.single(field, "field.unknownUnit", id);
            }
            return u;
        });
    }

    private static Uni<Void> unitExists(FieldErrors errors, String field, String raw, UUID id) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return Unit.<Unit>findById(id).invoke(u -> {
            if (u == null) {
                errors.add(field, "field.unknownUnit", raw);
            }
        }).replaceWithVoid();
    }
}
