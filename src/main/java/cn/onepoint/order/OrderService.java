package cn.onepoint.order;

import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Messages;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.CircuitEnd;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import cn.onepoint.directory.UnitKind;
import cn.onepoint.feed.Outbox;
import cn.onepoint.notify.Notifications.Recipient;
import cn.onepoint.order.dto.CompletionRequest;
import cn.onepoint.order.dto.CreateOrderRequest;
import cn.onepoint.order.dto.GrantExtensionRequest;
import cn.onepoint.order.dto.OrderView;
import cn.onepoint.order.dto.PlanRequest;
import cn.onepoint.order.dto.ProgressReportRequest;
import cn.onepoint.order.dto.ProjectManagerRequest;
import cn.onepoint.order.dto.RecordRequest;
import cn.onepoint.order.dto.ResubmitRequest;
import cn.onepoint.order.dto.ReviewRequest;
import cn.onepoint.order.dto.SegmentCompletionRequest;
import cn.onepoint.order.dto.SurveyRequest;
import cn.onepoint.order.dto.TestRequest;
import cn.onepoint.order.dto.WarningRequest;
import cn.onepoint.order.dto.WarningView;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import cn.onepoint.workorder.Segment;
import cn.onepoint.workorder.WorkOrderAction;
import cn.onepoint.workorder.WorkOrderService;
import cn.onepoint.workorder.WorkOrderType;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provisioning-order lifecycle: the seven steps (P1–P5, P7, P8), warnings (P6) and the lead bureau (P9).
 * Every command is one transaction: the change, its history row, its timers, notifications and feed event
 * commit together or not at all. Which action is allowed when lives in {@link OrderAction}.
 */
@ApplicationScoped
public class OrderService {

    static final String SUBJECT = "ORDER";
    static final String STATE_CHANGE = "ServiceOrderStateChangeEvent";
    static final String ATTRIBUTE_CHANGE = "ServiceOrderAttributeValueChangeEvent";
    static final String JEOPARDY = "ServiceOrderJeopardyEvent";

    private final Clock clock;
    private final Numbers numbers;
    private final WorkOrderService workOrders;
    private final Outbox outbox;
    private final TimerService timers;
    private final OrderSchedule schedule;
    private final LeadBureau leadBureau;
    private final OrderNotices notices;
    private final OrderViews views;

    public OrderService(Clock clock, Numbers numbers, WorkOrderService workOrders, Outbox outbox, TimerService timers,
                        OrderSchedule schedule, LeadBureau leadBureau, OrderNotices notices, OrderViews views) {
        this.clock = clock;
        this.numbers = numbers;
        this.workOrders = workOrders;
        this.outbox = outbox;
        this.timers = timers;
        this.schedule = schedule;
        this.leadBureau = leadBureau;
        this.notices = notices;
        this.views = views;
    }

    // ---- taking an order (P1, P5, P9) -----------------------------------------------------------

    @WithTransaction
    public Uni<ProvisioningOrder> create(CreateOrderRequest body) {
        FieldErrors errors = new FieldErrors();
        UUID customerId = errors.uuid("customerId", body.customerId());
        UUID circuitId = errors.uuid("circuitId", body.circuitId());
        UUID bmId = errors.uuid("businessManagerId", body.businessManagerId());
        UUID nosmId = errors.uuid("networkOpsSupportManagerId", body.networkOpsSupportManagerId());
        UUID cmId = errors.uuid("customerManagerId", body.customerManagerId());
        UUID leadUnitId = errors.uuid("leadUnitId", body.leadUnitId());
        boolean expedited = Boolean.TRUE.equals(body.expedited());
        if (!body.requestedCompletionDate().isAfter(schedule.today())) {
            errors.add("requestedCompletionDate", "field.notAfterToday", schedule.today());
        }
        String interval = cadence(errors, body.progressReportInterval(), expedited);
        Customer[] customer = new Customer[1];
        Circuit[] circuit = new Circuit[1];
        UUID[] cm = new UUID[1];
        return (customerId == null ? Uni.createFrom().<Customer>nullItem() : Customer.<Customer>findById(customerId))
                .invoke(c -> {
                    customer[0] = c;
                    if (customerId != null && c == null) {
                        errors.add("customerId", "field.unknownCustomer", body.customerId());
                    }
                })
                .chain(() -> circuitId == null ? Uni.createFrom().<Circuit>nullItem() : Circuit.<Circuit>findById(circuitId))
                .invoke(c -> {
                    circuit[0] = c;
                    if (circuitId != null && c == null) {
                        errors.add("circuitId", "field.unknownCircuit", body.circuitId());
                    } else if (c != null) {
                        if (customer[0] != null && !c.customerId.equals(customer[0].id)) {
                            errors.add("circuitId", "field.mismatch", "customerId");
                        }
                        if (c.businessType != body.businessType()) {
                            errors.add("businessType", "field.mismatch", "circuitId");
                        }
                    }
                })
                .chain(() -> hasRole(errors, "businessManagerId", bmId, Role.BUSINESS_MANAGER))
                .chain(() -> hasRole(errors, "networkOpsSupportManagerId", nosmId, Role.NETWORK_OPS_SUPPORT_MANAGER))
                .chain(() -> {
                    cm[0] = cmId != null ? cmId : customer[0] == null ? null : customer[0].cmId;
                    if (cm[0] == null && customer[0] != null && body.customerManagerId() == null) {
                        errors.add("customerManagerId", "o.cmRequired");
                    }
                    return hasRole(errors, "customerManagerId", cm[0], Role.CUSTOMER_MANAGER,
                            Role.CHIEF_CUSTOMER_MANAGER);
                })
                .chain(() -> lead(errors, body, circuit[0], leadUnitId))
                .chain(lead -> {
                    errors.throwIfAny();
                    return numbers.next("SO").map(number -> {
                        Circuit c = circuit[0];
                        Instant now = clock.instant();
                        ProvisioningOrder o = new ProvisioningOrder();
                        o.id = UUID.randomUUID();
                        o.number = number;
                        o.status = OrderStatus.ACKNOWLEDGED;
                        o.step = OrderStep.REVIEW;
                        o.customerId = customer[0].id;
                        o.circuitId = c.id;
                        o.circuitCode = c.code;
                        o.businessType = c.businessType;
                        o.description = body.description();
                        o.aEnd = copy(c.aEnd);
                        o.zEnd = copy(c.zEnd);
                        o.backboneUnitId = c.backboneUnitId;
                        o.crossProvince = c.crossProvince();
                        o.aGateway = Boolean.TRUE.equals(body.aGateway());
                        o.zGateway = Boolean.TRUE.equals(body.zGateway());
                        o.expedited = expedited;
                        o.requestedCompletionDate = body.requestedCompletionDate();
                        o.progressReportsRequested = Boolean.TRUE.equals(body.progressReportsRequired());
                        o.progressReportInterval = interval;
                        o.endToEndTestRequired = Boolean.TRUE.equals(body.endToEndTestRequired());
                        o.aEndCircuit = Boolean.TRUE.equals(body.aEndCircuit());
                        o.handedToOtherCarrier = Boolean.TRUE.equals(body.handedToOtherCarrier());
                        o.otherCarrier = body.otherCarrier();
                        o.leadBureau = lead.decision().bureau();
                        o.leadClause = lead.decision().clause();
                        o.leadEnd = lead.decision().end();
                        o.leadProxyFor = lead.decision().proxyFor();
                        o.leadUnitId = lead.unitId();
                        o.businessManagerId = bmId;
                        o.customerManagerId = cm[0];
                        o.networkOpsSupportManagerId = nosmId;
                        o.createdAt = now;
                        o.updatedAt = now;
                        setDueDate(o, body.requestedCompletionDate(), now);
                        return o;
                    });
                })
                .chain(o -> o.<ProvisioningOrder>persist())
                .call(o -> history(o, "create", null, null, o.leadUnitId,
                        "leadBureau=" + o.leadBureau + " (" + o.leadClause.ref() + ")"))
                .call(o -> event(o, "ServiceOrderCreateEvent"));
    }

    /** What P9 decided for the circuit and the unit that acts for the lead bureau. */
    record Lead(LeadBureau.Decision decision, UUID unitId) {
    }

    /**
     * P9: the lead bureau from the circuit's ends. At an end, that end's unit acts for it; otherwise (a gateway
     * for an overseas subsidiary, the group NOC) the given {@code leadUnitId}, else a LOCAL unit of the gateway
     * city, else the group control desk for the NOC.
     */
    private Uni<Lead> lead(FieldErrors errors, CreateOrderRequest body, Circuit c, UUID leadUnitId) {
        if (c == null) {
            return Uni.createFrom().nullItem();
        }
        LeadBureau.Place a = place(errors, c.aEnd, Boolean.TRUE.equals(body.aGateway()), "aGateway");
        LeadBureau.Place z = place(errors, c.zEnd, Boolean.TRUE.equals(body.zGateway()), "zGateway");
        if (a == null || z == null) {
            return Uni.createFrom().nullItem();
        }
        LeadBureau.Decision d = leadBureau.decide(a, z, c.businessType);
        if (d.end() != null) {
            UUID endUnit = d.end() == LeadBureau.End.A ? c.aEnd.unitId : c.zEnd.unitId;
            if (leadUnitId != null && !leadUnitId.equals(endUnit)) {
                errors.add("leadUnitId", "p9.leadAtEnd", d.bureau(), d.end());
            }
            return Uni.createFrom().item(new Lead(d, endUnit));
        }
        Uni<Unit> unit = leadUnitId != null ? Unit.findById(leadUnitId)
                : LeadBureau.GROUP_NOC.equals(d.bureau())
                ? Unit.<Unit>find("tier = ?1 and kind = ?2 order by createdAt, code", Tier.GROUP, UnitKind.CONTROL_DESK)
                .firstResult()
                : Unit.<Unit>find("tier = ?1 and city = ?2 order by createdAt, code", Tier.LOCAL, d.bureau())
                .firstResult();
        return unit.map(u -> {
            if (u == null && leadUnitId != null) {
                errors.add("leadUnitId", "field.unknownUnit", body.leadUnitId());
            } else if (u == null) {
                errors.add("leadUnitId", "p9.noLeadUnit", d.bureau());
            }
            return u == null ? null : new Lead(d, u.id);
        });
    }

    private static LeadBureau.Place place(FieldErrors errors, CircuitEnd end, boolean gateway, String gatewayField) {
        if (end.overseas && !LeadBureau.isOverseasSubsidiary(end.city)) {
            errors.add("circuitId", "p9.unknownOverseas", end.city);
            return null;
        }
        return LeadBureau.place(end.city, end.province, gateway, errors, "circuitId", "circuitId", gatewayField);
    }

    /** P5: an expedited order's cadence as the customer requires; only expedited orders have their own. */
    private static String cadence(FieldErrors errors, String raw, boolean expedited) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!expedited) {
            errors.add("progressReportInterval", "p5.cadenceOnlyExpedited");
            return null;
        }
        try {
            Duration d = Duration.parse(raw);
            if (d.isNegative() || d.isZero()) {
                errors.add("progressReportInterval", "field.duration", raw);
                return null;
            }
            return d.toString();
        } catch (DateTimeParseException e) {
            errors.add("progressReportInterval", "field.duration", raw);
            return null;
        }
    }

    /** P6: the due date and what follows from it (due instant, scheduled pool entry). */
    private void setDueDate(ProvisioningOrder o, LocalDate date, Instant takenAt) {
        o.dueDate = date;
        o.dueAt = schedule.endOf(date);
        o.poolEntryAt = schedule.poolEntry(o, takenAt);
    }

    /** The order keeps the ends as ordered: its lead bureau (P9) and segment tasks were decided on them. */
    private static CircuitEnd copy(CircuitEnd e) {
        CircuitEnd c = new CircuitEnd();
        c.station = e.station;
        c.city = e.city;
        c.province = e.province;
        c.capital = e.capital;
        c.overseas = e.overseas;
        c.unitId = e.unitId;
        return c;
    }

    // ---- review (P2) ----------------------------------------------------------------------------

    @WithTransaction
    public Uni<ProvisioningOrder> review(UUID id, ReviewRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        boolean approve = body.decision() == ReviewRequest.Decision.APPROVE;
        if (!approve && (body.reason() == null || body.reason().isBlank())) {
            throw FieldErrors.single("reason", "p2.reasonRequired");
        }
        return act(id, ifMatch, approve ? OrderAction.APPROVE : OrderAction.RETURN, actor, null,
                o -> personOf(actor, "personId").chain(p -> {
                    o.reviewedAt = clock.instant();
                    o.reviewedBy = p.id;
                    if (approve) {
                        o.returnReason = null;
                        o.step = OrderStep.SURVEY;
                        // P6/P8: the order is accepted; its due date is watched until full completion.
                        return timers.start(orderTimer(o, TimerKind.ORDER_DUE, o.leadUnitId).withDueAt(o.dueAt))
                                .map(t -> "approved");
                    }
                    // P2: a faulty order goes back to the business manager with the reason (退单).
                    o.returnReason = body.reason();
                    return notices.tell(o, List.of(new Recipient(o.businessManagerId, Role.BUSINESS_MANAGER)),
                            "p2.notify.returned", o.number, o.circuitCode, body.reason(), p.name)
                            .map(v -> "returned: " + body.reason());
                }));
    }

    @WithTransaction
    public Uni<ProvisioningOrder> resubmit(UUID id, ResubmitRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, OrderAction.RESUBMIT, actor, null, o -> {
            // P2: the business manager it went back to sends it again, corrected.
            if (!actor.equals(o.businessManagerId)) {
                throw DomainException.rule("P2", "p2.onlyBusinessManager");
            }
            LocalDate date = body.requestedCompletionDate();
            if (date != null) {
                if (!date.isAfter(schedule.today())) {
                    throw FieldErrors.single("requestedCompletionDate", "field.notAfterToday", schedule.today());
                }
                o.requestedCompletionDate = date;
                setDueDate(o, date, clock.instant());
            }
            return Uni.createFrom().item("resubmitted" + (date == null ? "" : " requestedCompletionDate=" + date)
                    + (body.note() == null ? "" : ": " + body.note()));
        });
    }

    // ---- survey (P3) ----------------------------------------------------------------------------

    @WithTransaction
    public Uni<ProvisioningOrder> nameProjectManager(UUID id, ProjectManagerRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID pmId = Ids.ref("person", body.projectManagerId());
        return act(id, ifMatch, OrderAction.NAME_PROJECT_MANAGER, actor, null, o -> personOf(actor, "personId")
                .chain(() -> personOf(pmId, "projectManagerId")).chain(pm -> {
                    if (!pm.roles.contains(Role.PROJECT_MANAGER)) {
                        throw DomainException.rule("P3", "p3.notProjectManager", pm.name);
                    }
                    UUID previous = o.projectManagerId;
                    o.projectManagerId = pm.id;
                    if (previous != null) {
                        return Uni.createFrom().item("projectManager from=" + previous + " to=" + pm.id);
                    }
                    // P3: once named, the project manager has the survey done within 2 working days.
                    return timers.start(orderTimer(o, TimerKind.SURVEY, pm.unitId)
                                    .withDueAt(schedule.surveyDue(clock.instant())))
                            .map(t -> "projectManager=" + pm.id + " surveyDue=" + t.dueAt);
                }));
    }

    @WithTransaction
    public Uni<ProvisioningOrder> survey(UUID id, SurveyRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        boolean property = Boolean.TRUE.equals(body.propertyIssue());
        if (property && (body.propertyNote() == null || body.propertyNote().isBlank())) {
            throw FieldErrors.single("propertyNote", "p3.propertyNoteRequired");
        }
        return act(id, ifMatch, OrderAction.SURVEY_DONE, actor, null, o -> {
            requireProjectManager(o, actor, "P3");
            return personOf(actor, "personId").chain(pm -> {
                Instant now = clock.instant();
                o.surveyDoneAt = now;
                o.surveySummary = body.summary();
                o.propertyIssue = property;
                o.propertyNote = body.propertyNote();
                o.step = OrderStep.PLAN;
                Uni<Void> tellCm = !property ? Uni.createFrom().voidItem()
                        // P3: a property 物业 problem: the project manager tells the customer manager at once.
                        : notices.tell(o, List.of(new Recipient(o.customerManagerId, Role.CUSTOMER_MANAGER)),
                        "p3.notify.property", o.number, o.circuitCode, body.propertyNote(), pm.name);
                return timers.stop(SubjectType.ORDER, o.id, TimerKind.SURVEY)
                        // P4: the plan within 12 working days (configurable) of the survey.
                        .chain(() -> timers.start(orderTimer(o, TimerKind.PLAN, pm.unitId)
                                .withDueAt(schedule.planDue(now))))
                        .call(() -> tellCm)
                        .map(t -> "survey done, planDue=" + t.dueAt + (property ? ", property issue: CM notified" : ""));
            });
        });
    }

    // ---- plan (P4) ------------------------------------------------------------------------------

    @WithTransaction
    public Uni<ProvisioningOrder> plan(UUID id, PlanRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, OrderAction.PLAN_DONE, actor, null, o -> {
            requireProjectManager(o, actor, "P4");
            List<PlanRequest.SegmentPlan> planned = body.segments() != null && !body.segments().isEmpty()
                    ? body.segments() : defaultSegments(o);
            return checkSegments(o, planned).chain(() -> personOf(actor, "personId")).chain(pm -> {
                Instant now = clock.instant();
                o.planDoneAt = now;
                o.planSummary = body.summary();
                o.step = OrderStep.CONSTRUCTION;
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (PlanRequest.SegmentPlan s : planned) {
                    chain = chain.chain(() -> task(o, s, body.summary()));
                }
                return chain
                        .chain(() -> timers.stop(SubjectType.ORDER, o.id, TimerKind.PLAN))
                        // P5: construction starts: the first progress report is due one cadence from now.
                        .chain(() -> o.progressReportsRequired()
                                ? timers.start(orderTimer(o, TimerKind.PROGRESS_REPORT, pm.unitId)
                                .withLimit(schedule.progressCadence(o))).replaceWithVoid()
                                : Uni.createFrom().voidItem())
                        .map(v -> "plan done, segments=" + planned.stream()
                                .map(s -> s.segment() + ":" + s.unitId() + "@" + s.dueDate())
                                .collect(Collectors.joining(",")));
            });
        });
    }

    /** P4 default: the circuit's own segments, each due on the order's due date. */
    private static List<PlanRequest.SegmentPlan> defaultSegments(ProvisioningOrder o) {
        List<PlanRequest.SegmentPlan> list = new ArrayList<>();
        list.add(new PlanRequest.SegmentPlan(Segment.A_ACCESS, o.aEnd.unitId.toString(), o.dueDate));
        if (o.backboneUnitId != null) {
            list.add(new PlanRequest.SegmentPlan(Segment.BACKBONE, o.backboneUnitId.toString(), o.dueDate));
        }
        list.add(new PlanRequest.SegmentPlan(Segment.Z_ACCESS, o.zEnd.unitId.toString(), o.dueDate));
        return list;
    }

    /** Every bad segment is named at once: unknown unit, a date after the order's or before today, a repeat. */
    private Uni<Void> checkSegments(ProvisioningOrder o, List<PlanRequest.SegmentPlan> planned) {
        FieldErrors errors = new FieldErrors();
        Set<String> seen = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        LocalDate today = schedule.today();
        for (int i = 0; i < planned.size(); i++) {
            PlanRequest.SegmentPlan s = planned.get(i);
            String field = "segments[" + i + "]";
            if (s.dueDate().isAfter(o.dueDate)) {
                errors.add(field + ".dueDate", "p4.segmentAfterDue", o.dueDate);
            } else if (s.dueDate().isBefore(today)) {
                errors.add(field + ".dueDate", "field.beforeToday", today);
            }
            if (!seen.add(s.segment() + "/" + s.unitId())) {
                errors.add(field, "p4.segmentRepeated", s.segment());
            }
            UUID unitId = errors.uuid(field + ".unitId", s.unitId());
            if (unitId != null) {
                chain = chain.chain(() -> Unit.<Unit>findById(unitId).invoke(u -> {
                    if (u == null) {
                        errors.add(field + ".unitId", "field.unknownUnit", s.unitId());
                    }
                }).replaceWithVoid());
            }
        }
        return chain.invoke(errors::throwIfAny);
    }

    /** P4: one segment task: an ORDER_TASK work order to its unit, with its own due date watched by a timer. */
    private Uni<Void> task(ProvisioningOrder o, PlanRequest.SegmentPlan s, String instructions) {
        UUID unitId = UUID.fromString(s.unitId());
        return workOrders.create(new WorkOrderService.Dispatch(WorkOrderType.ORDER_TASK, SUBJECT, o.id, unitId,
                        s.segment(), 1, instructions), scope(o))
                .chain(w -> {
                    OrderSegment seg = new OrderSegment();
                    seg.id = UUID.randomUUID();
                    seg.orderId = o.id;
                    seg.segment = s.segment();
                    seg.unitId = unitId;
                    seg.workOrderId = w.id;
                    seg.dueDate = s.dueDate();
                    seg.dueAt = schedule.endOf(s.dueDate());
                    return seg.persist().chain(() -> timers.start(TimerSpec.of(TimerKind.ORDER_DUE,
                                    SubjectType.WORK_ORDER, w.id).withDueAt(seg.dueAt)
                            .withScope(unitId, o.customerId, province(o))));
                }).replaceWithVoid();
    }

    // ---- construction: progress reports (P5) ----------------------------------------------------

    @WithTransaction
    public Uni<OrderProgress> progressReport(UUID id, ProgressReportRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        OrderProgress[] made = new OrderProgress[1];
        return act(id, ifMatch, OrderAction.PROGRESS_REPORT, actor, unitId, o -> memberOf(actor, unitId, "P5")
                .chain(p -> {
                    OrderProgress r = new OrderProgress();
                    r.id = UUID.randomUUID();
                    r.orderId = o.id;
                    r.unitId = unitId;
                    r.personId = p.id;
                    r.reportedAt = clock.instant();
                    r.thisWeek = body.thisWeek();
                    r.nextWeek = body.nextWeek();
                    r.warningItems = body.warningItems();
                    o.lastProgressReportAt = r.reportedAt;
                    made[0] = r;
                    return r.persist().chain(() -> !o.progressReportsRequired() ? Uni.createFrom().voidItem()
                            // P5: each report restarts the cadence (weekly, or the customer's for expedited orders).
                            : projectManagerUnit(o).chain(pmUnit -> timers.restart(
                                    orderTimer(o, TimerKind.PROGRESS_REPORT, pmUnit)
                                            .withLimit(schedule.progressCadence(o)))).replaceWithVoid())
                            .map(v -> "progress report " + r.id);
                })).map(o -> made[0]);
    }

    // ---- warnings (P6) --------------------------------------------------------------------------

    @WithTransaction
    public Uni<OrderWarning> warn(UUID id, WarningRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        boolean extension = Boolean.TRUE.equals(body.requestExtension());
        OrderWarning[] made = new OrderWarning[1];
        return act(id, ifMatch, OrderAction.WARN, actor, unitId, o -> {
            FieldErrors errors = new FieldErrors();
            if (body.reason() == OrderWarning.Reason.OTHER && (body.text() == null || body.text().isBlank())) {
                errors.add("text", "p6.otherNeedsText");
            }
            if (extension && body.reason() == OrderWarning.Reason.CUSTOMER) {
                if (body.requestedDueDate() == null) {
                    errors.add("requestedDueDate", "p6.requestedDateRequired");
                } else if (!body.requestedDueDate().isAfter(o.dueDate)) {
                    errors.add("requestedDueDate", "p6.notLater", o.dueDate);
                }
            }
            errors.throwIfAny();
            // P6: only customer reasons may request an extension.
            if (extension && body.reason() != OrderWarning.Reason.CUSTOMER) {
                throw DomainException.rule("P6", "p6.extensionCustomerOnly");
            }
            // P6: a warning is due at least 5 working days (3 for expedited orders) before the due date.
            int lead = schedule.warningLead(o);
            int left = schedule.workingDaysLeft(o);
            if (left < lead) {
                throw DomainException.rule("P6", "p6.tooLate", lead, o.dueDate, left);
            }
            return memberOf(actor, unitId, "P6").chain(p -> Unit.<Unit>findById(unitId).chain(unit -> {
                OrderWarning w = new OrderWarning();
                w.id = UUID.randomUUID();
                w.orderId = o.id;
                w.unitId = unitId;
                w.personId = p.id;
                w.reason = body.reason();
                w.text = body.text();
                w.filedAt = clock.instant();
                w.dueDateAtFiling = o.dueDate;
                w.extensionRequested = extension;
                w.requestedDueDate = extension ? body.requestedDueDate() : null;
                made[0] = w;
                o.warningCount++;
                // P6: the customer manager, the business manager and the network-ops support manager hear of it.
                return w.persist()
                        .chain(() -> notices.tell(o, List.of(
                                        new Recipient(o.customerManagerId, Role.CUSTOMER_MANAGER),
                                        new Recipient(o.businessManagerId, Role.BUSINESS_MANAGER),
                                        new Recipient(o.networkOpsSupportManagerId, Role.NETWORK_OPS_SUPPORT_MANAGER)),
                                "p6.notify.warning", o.number, o.circuitCode, unit.name, reasonLabel(w.reason),
                                w.text == null ? "-" : w.text, o.dueDate,
                                extension ? w.requestedDueDate.toString() : "-"))
                        .map(v -> "warning " + w.reason + (extension ? " extension to " + w.requestedDueDate : ""));
            }));
        }, JEOPARDY).call(o -> outbox.append(Outbox.Topic.orders, JEOPARDY, SUBJECT, o.id, scope(o),
                new Jeopardy(views.of(o), WarningView.of(made[0])))).map(o -> made[0]);
    }

    /** The payload of a ServiceOrderJeopardyEvent: the order and the warning that put it in jeopardy. */
    public record Jeopardy(OrderView order, WarningView warning) {
    }

    private static String reasonLabel(OrderWarning.Reason r) {
        return Messages.text(Locale.SIMPLIFIED_CHINESE, "p6.reason." + r);
    }

    @WithTransaction
    public Uni<OrderWarning> grantExtension(UUID id, UUID warningId, GrantExtensionRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        OrderWarning[] made = new OrderWarning[1];
        return act(id, ifMatch, OrderAction.GRANT_EXTENSION, actor, null, o -> warning(o, warningId).chain(w -> {
            if (!w.extensionRequested) {
                throw DomainException.rule("P6", "p6.noExtensionRequested");
            }
            if (w.grantedAt != null) {
                throw DomainException.conflict("EXTENSION_GRANTED", "p6.alreadyGranted", w.grantedDueDate);
            }
            // P6: the customer manager (or business manager) explains to the customer and extends 按流程进行延期.
            if (!actor.equals(o.customerManagerId) && !actor.equals(o.businessManagerId)) {
                throw DomainException.rule("P6", "p6.grantBy");
            }
            LocalDate date = body.dueDate() != null ? body.dueDate() : w.requestedDueDate;
            if (!date.isAfter(o.dueDate)) {
                throw FieldErrors.single("dueDate", "p6.notLater", o.dueDate);
            }
            LocalDate previous = o.dueDate;
            Instant now = clock.instant();
            w.grantedAt = now;
            w.grantedBy = actor;
            w.grantedDueDate = date;
            made[0] = w;
            setDueDate(o, date, o.createdAt);
            // P6: the due timer now runs to the new date.
            return timers.restart(orderTimer(o, TimerKind.ORDER_DUE, o.leadUnitId).withDueAt(o.dueAt))
                    .map(t -> "extension granted: dueDate " + previous + " -> " + date);
        })).map(o -> made[0]);
    }

    private static Uni<OrderWarning> warning(ProvisioningOrder o, UUID warningId) {
        return OrderWarning.<OrderWarning>findById(warningId).map(w -> {
            if (w == null || !w.orderId.equals(o.id)) {
                throw DomainException.notFound("warning", warningId);
            }
            return w;
        });
    }

    // ---- testing and completion (P7, P8) --------------------------------------------------------

    @WithTransaction
    public Uni<OrderSegment> completeSegment(UUID id, SegmentCompletionRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        OrderSegment[] made = new OrderSegment[1];
        return act(id, ifMatch, OrderAction.SEGMENT_COMPLETION, actor, unitId, o -> OrderSegment
                .<OrderSegment>list("orderId = ?1 order by segment, id", o.id).chain(segments -> {
                    OrderSegment seg = segments.stream()
                            .filter(s -> s.unitId.equals(unitId) && s.segment == body.segment()).findFirst()
                            // P8: each involved location reports its own segment.
                            .orElseThrow(() -> DomainException.forbidden("P8", "p8.notInvolved", body.segment()));
                    if (seg.complete()) {
                        throw DomainException.conflict("SEGMENT_COMPLETE", "p8.segmentComplete", seg.segment);
                    }
                    // P7: a segment is reported complete after its test passed (测试合格后, 分段填报竣工).
                    if (body.testResult() != OrderTest.Result.PASSED) {
                        throw DomainException.rule("P7", "p7.segmentTestFailed");
                    }
                    return memberOf(actor, unitId, "P8").chain(p -> {
                        seg.completedAt = clock.instant();
                        seg.completedBy = p.id;
                        seg.testResult = body.testResult();
                        seg.testReportRef = body.testReport().reference();
                        seg.testReportText = body.testReport().summary();
                        made[0] = seg;
                        boolean all = segments.stream().allMatch(OrderSegment::complete);
                        if (all) {
                            // Every location reported: the lead bureau organises the full test.
                            o.step = OrderStep.TESTING;
                        }
                        return workOrders.completeForSubject(seg.workOrderId,
                                        "segment complete, test report " + seg.testReportRef, scope(o))
                                .chain(() -> timers.stop(SubjectType.WORK_ORDER, seg.workOrderId, TimerKind.ORDER_DUE))
                                .map(t -> "segment " + seg.segment + " complete" + (all ? "; all segments complete" : ""));
                    });
                })).map(o -> made[0]);
    }

    @WithTransaction
    public Uni<OrderTest> test(UUID id, TestRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        OrderTest[] made = new OrderTest[1];
        return act(id, ifMatch, OrderAction.TEST, actor, unitId, o -> {
            // P9: the lead bureau organises the test of the whole circuit.
            if (!unitId.equals(o.leadUnitId)) {
                throw DomainException.rule("P7", "p7.leadTests", o.leadBureau);
            }
            // P7: A端电路, MSTP, other-carrier orders and orders asking for it need an end-to-end test.
            if (body.kind() == OrderTest.Kind.SEAMLESS && o.endToEndTestMandatory()) {
                throw DomainException.rule("P7", "p7.endToEndRequired", String.join(", ", o.endToEndTestBecause()));
            }
            if (body.result() == OrderTest.Result.PASSED && body.report() == null) {
                throw DomainException.rule("P7", "p7.reportRequired");
            }
            return memberOf(actor, unitId, "P7").chain(p -> OrderTest.count(
                    "orderId = ?1 and result = ?2 and reportRef is not null", o.id, OrderTest.Result.PASSED)
                    .chain(earlier -> {
                        OrderTest t = new OrderTest();
                        t.id = UUID.randomUUID();
                        t.orderId = o.id;
                        t.kind = body.kind();
                        t.result = body.result();
                        t.unitId = unitId;
                        t.personId = p.id;
                        t.reportRef = body.report() == null ? null : body.report().reference();
                        t.reportText = body.report() == null ? null : body.report().summary();
                        t.testedAt = clock.instant();
                        made[0] = t;
                        // P8: a cross-domain circuit goes into the long-distance resource system within 2 working
                        // days of the (first) passed test report.
                        boolean register = t.passedWithReport() && earlier == 0 && o.crossProvince;
                        return t.persist().chain(() -> register
                                        ? timers.start(orderTimer(o, TimerKind.RESOURCE_SYSTEM_ENTRY, o.leadUnitId)
                                        .withDueAt(schedule.resourceSystemDue(t.testedAt))).replaceWithVoid()
                                        : Uni.createFrom().voidItem())
                                .map(v -> "test " + t.kind + " " + t.result
                                        + (t.reportRef == null ? "" : " report " + t.reportRef));
                    }));
        }).map(o -> made[0]);
    }

    @WithTransaction
    public Uni<ProvisioningOrder> complete(UUID id, CompletionRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        UUID unitId = Ids.ref("unit", body.unitId());
        UUID testId = body.testId() == null ? null : Ids.ref("test", body.testId());
        return act(id, ifMatch, OrderAction.COMPLETE, actor, unitId, o -> {
            // P8: the lead bureau alone reports full completion 全程报竣.
            if (!unitId.equals(o.leadUnitId)) {
                throw DomainException.forbidden("P8", "p8.onlyLead", o.leadBureau);
            }
            return OrderSegment.<OrderSegment>list("orderId = ?1 order by segment, id", o.id).chain(segments -> {
                // P8: only after every involved location reported its segment complete.
                List<String> open = segments.stream().filter(s -> !s.complete())
                        .map(s -> s.segment.name()).toList();
                if (segments.isEmpty() || !open.isEmpty()) {
                    throw DomainException.rule("P8", "p8.segmentsOpen",
                            segments.isEmpty() ? "-" : String.join(", ", open));
                }
                return OrderTest.<OrderTest>list("orderId = ?1 order by testedAt desc, id", o.id);
            }).chain(tests -> {
                OrderTest test = qualifyingTest(o, tests, testId);
                return memberOf(actor, unitId, "P8").chain(p -> {
                    Instant now = clock.instant();
                    // P8: the service's completion time is this moment.
                    o.completedAt = now;
                    o.completedBy = p.id;
                    o.signOff = body.signOff();
                    o.completionTestId = test.id;
                    o.step = OrderStep.COMPLETION;
                    Uni<Void> notSigned = body.signOff() == ProvisioningOrder.SignOff.SIGNED
                            ? Uni.createFrom().voidItem()
                            // P8: not signed: the customer manager is told and sorts it out with the customer.
                            : notices.tell(o, List.of(new Recipient(o.customerManagerId, Role.CUSTOMER_MANAGER)),
                            "p8.notify.notSigned", o.number, o.circuitCode, signOffLabel(body.signOff()));
                    return timers.stop(SubjectType.ORDER, o.id, TimerKind.ORDER_DUE)
                            .chain(() -> timers.stop(SubjectType.ORDER, o.id, TimerKind.PROGRESS_REPORT))
                            // P8: the CRM delivery note within 1 working day of completion.
                            .chain(() -> timers.start(orderTimer(o, TimerKind.CRM_DELIVERY_NOTE, o.leadUnitId)
                                    .withDueAt(schedule.crmNoteDue(now))))
                            .call(() -> notSigned)
                            .map(t -> "full completion, test " + test.id + " report " + test.reportRef
                                    + ", signOff=" + body.signOff() + (body.note() == null ? "" : ": " + body.note()));
                });
            });
        });
    }

    /**
     * P7: the passed full test with its report that completion rests on: an end-to-end test when one is
     * mandatory, else an end-to-end or seamless test. The given one, or else the latest.
     */
    private static OrderTest qualifyingTest(ProvisioningOrder o, List<OrderTest> tests, UUID testId) {
        boolean e2e = o.endToEndTestMandatory();
        Optional<OrderTest> chosen;
        if (testId != null) {
            OrderTest given = tests.stream().filter(t -> t.id.equals(testId)).findFirst()
                    .orElseThrow(() -> FieldErrors.single("testId", "p7.unknownTest", testId));
            chosen = Optional.of(given).filter(t -> qualifies(t, e2e));
        } else {
            chosen = tests.stream().filter(t -> qualifies(t, e2e)).max(Comparator.comparing(t -> t.testedAt));
        }
        return chosen.orElseThrow(() -> e2e
                ? DomainException.rule("P7", "p7.noEndToEnd", String.join(", ", o.endToEndTestBecause()))
                : DomainException.rule("P7", "p7.noPassedTest"));
    }

    private static boolean qualifies(OrderTest t, boolean endToEndRequired) {
        return t.passedWithReport() && (!endToEndRequired || t.kind == OrderTest.Kind.END_TO_END);
    }

    private static String signOffLabel(ProvisioningOrder.SignOff s) {
        return Messages.text(Locale.SIMPLIFIED_CHINESE, "p8.signOff." + s);
    }

    @WithTransaction
    public Uni<ProvisioningOrder> registerResources(UUID id, RecordRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, OrderAction.REGISTER_RESOURCES, actor, null, o -> {
            if (o.resourceRegisteredAt != null) {
                throw DomainException.conflict("ALREADY_REGISTERED", "p8.alreadyRegistered", o.resourceRegistrationRef);
            }
            return OrderTest.count("orderId = ?1 and result = ?2 and reportRef is not null", o.id,
                    OrderTest.Result.PASSED).chain(passed -> {
                // P8: registration follows the full test report.
                if (passed == 0) {
                    throw DomainException.rule("P8", "p8.noTestReport");
                }
                return personOf(actor, "personId");
            }).chain(p -> {
                o.resourceRegisteredAt = clock.instant();
                o.resourceRegistrationRef = body.reference();
                return timers.stop(SubjectType.ORDER, o.id, TimerKind.RESOURCE_SYSTEM_ENTRY)
                        .map(t -> "registered in the long-distance resource system: " + body.reference());
            });
        });
    }

    @WithTransaction
    public Uni<ProvisioningOrder> deliveryNote(UUID id, RecordRequest body, String ifMatch) {
        UUID actor = Ids.ref("person", body.personId());
        return act(id, ifMatch, OrderAction.DELIVERY_NOTE, actor, null, o -> {
            if (o.deliveryNoteAt != null) {
                throw DomainException.conflict("ALREADY_ISSUED", "p8.noteIssued", o.deliveryNoteRef);
            }
            return personOf(actor, "personId").chain(p -> {
                o.deliveryNoteAt = clock.instant();
                o.deliveryNoteRef = body.reference();
                return timers.stop(SubjectType.ORDER, o.id, TimerKind.CRM_DELIVERY_NOTE)
                        .map(t -> "CRM delivery note issued: " + body.reference());
            });
        });
    }

    // ---- cancel ---------------------------------------------------------------------------------

    @WithTransaction
    public Uni<ProvisioningOrder> cancel(UUID id, String personId, String note, String ifMatch) {
        UUID actor = Ids.ref("person", personId);
        return act(id, ifMatch, OrderAction.CANCEL, actor, null, o -> personOf(actor, "personId")
                .chain(p -> {
                    o.cancelledAt = clock.instant();
                    return workOrders.closeOpen(o.id, WorkOrderAction.CANCEL, "order cancelled", scope(o));
                })
                .chain(() -> timers.cancelAll(SubjectType.ORDER, o.id))
                .chain(() -> OrderSegment.<OrderSegment>list("orderId", o.id))
                .chain(segments -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (OrderSegment s : segments) {
                        chain = chain.chain(() -> timers.cancelAll(SubjectType.WORK_ORDER, s.workOrderId))
                                .replaceWithVoid();
                    }
                    return chain;
                })
                .map(v -> "cancelled" + (note == null ? "" : ": " + note)));
    }

    // ---- the one home of every command ----------------------------------------------------------

    Uni<ProvisioningOrder> act(UUID id, String ifMatch, OrderAction action, UUID actorId, UUID unitId,
                               Function<ProvisioningOrder, Uni<String>> change) {
        return act(id, ifMatch, action, actorId, unitId, change, null);
    }

    /**
     * Loads the order, checks If-Match and the state machine, applies the change, then writes the history row
     * and the feed event, all in the caller's transaction. {@code eventType} set: the caller publishes its own
     * event instead of the state / attribute change. The version bump (updatedAt always changes) makes
     * concurrent commands on one order conflict instead of overwriting each other.
     */
    Uni<ProvisioningOrder> act(UUID id, String ifMatch, OrderAction action, UUID actorId, UUID unitId,
                               Function<ProvisioningOrder, Uni<String>> change, String eventType) {
        return Commands.lock(ProvisioningOrder.class, id, "order")
                .chain(o -> {
                    Versions.check(ifMatch, o.version);
                    OrderStatus from = o.status;
                    OrderStep fromStep = o.step;
                    OrderStatus to = action.check(o.status, o.step);
                    return change.apply(o).chain(detail -> {
                        o.status = to;
                        o.updatedAt = clock.instant();
                        boolean stateChanged = from != to || fromStep != o.step;
                        return history(o, action.wire(), from, actorId, unitId, detail)
                                .chain(() -> eventType != null ? Uni.createFrom().voidItem()
                                        : event(o, stateChanged ? STATE_CHANGE : ATTRIBUTE_CHANGE))
                                .replaceWith(o);
                    });
                });
    }

    Uni<Void> history(ProvisioningOrder o, String action, OrderStatus from, UUID actorId, UUID unitId,
                      String detail) {
        OrderHistory h = new OrderHistory();
        h.orderId = o.id;
        h.at = clock.instant();
        h.action = action;
        h.actorId = actorId;
        h.unitId = unitId;
        h.fromStatus = from;
        h.toStatus = o.status;
        h.step = o.step;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    Uni<Void> event(ProvisioningOrder o, String eventType) {
        return outbox.append(Outbox.Topic.orders, eventType, SUBJECT, o.id, scope(o), views.of(o));
    }

    static Outbox.Scope scope(ProvisioningOrder o) {
        return new Outbox.Scope(o.customerId, o.leadUnitId, province(o));
    }

    /** The lead bureau's province, when the lead is at an end. */
    private static String province(ProvisioningOrder o) {
        return o.leadEnd == null ? null : o.leadEnd == LeadBureau.End.A ? o.aEnd.province : o.zEnd.province;
    }

    private static TimerSpec orderTimer(ProvisioningOrder o, TimerKind kind, UUID unitId) {
        return TimerSpec.of(kind, SubjectType.ORDER, o.id).withScope(unitId, o.customerId, province(o));
    }

    private static void requireProjectManager(ProvisioningOrder o, UUID actor, String rule) {
        if (o.projectManagerId == null) {
            throw DomainException.rule(rule, "p3.noProjectManager");
        }
        if (!o.projectManagerId.equals(actor)) {
            throw DomainException.rule(rule, "o.onlyProjectManager");
        }
    }

    private static Uni<UUID> projectManagerUnit(ProvisioningOrder o) {
        return o.projectManagerId == null ? Uni.createFrom().item(o.leadUnitId)
                : Person.<Person>findById(o.projectManagerId).map(p -> p == null ? o.leadUnitId : p.unitId);
    }

    private static Uni<Person> personOf(UUID id, String field) {
        return Person.<Person>findById(id).map(p -> {
            if (p == null) {
                throw FieldErrors.single(field, "field.unknownPerson", id);
            }
            return p;
        });
    }

    /** The person acting for a unit must belong to it (422 under the rule of the action). */
    private static Uni<Person> memberOf(UUID personId, UUID unitId, String rule) {
        return Unit.<Unit>findById(unitId).chain(u -> {
            if (u == null) {
                throw FieldErrors.single("unitId", "field.unknownUnit", unitId);
            }
            return personOf(personId, "personId").map(p -> {
                if (!p.unitId.equals(unitId)) {
                    throw DomainException.rule(rule, "o.notOfUnit", p.name, u.name);
                }
                return p;
            });
        });
    }

    /** An optional person reference that must exist and hold one of the roles; problems go to {@code errors}. */
    private static Uni<Void> hasRole(FieldErrors errors, String field, UUID id, Role... roles) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return Person.<Person>findById(id).invoke(p -> {
            if (p == null) {
                errors.add(field, "field.unknownPerson", id);
            } else if (Arrays.stream(roles).noneMatch(p.roles::contains)) {
                errors.add(field, "o.role", p.name, roles[0]);
            }
        }).replaceWithVoid();
    }
}
