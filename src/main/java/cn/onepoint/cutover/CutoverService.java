package cn.onepoint.cutover;

import cn.onepoint.auth.Scope;
import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Messages;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.common.Versions;
import cn.onepoint.cutover.dto.AcknowledgementRequest;
import cn.onepoint.cutover.dto.CancelRequest;
import cn.onepoint.cutover.dto.CompleteRequest;
import cn.onepoint.cutover.dto.CreateCutoverRequest;
import cn.onepoint.cutover.dto.CutoverHistoryView;
import cn.onepoint.cutover.dto.CutoverView;
import cn.onepoint.cutover.dto.StartRequest;
import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Unit;
import cn.onepoint.feed.Outbox;
import cn.onepoint.notify.Notification;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.SlaPolicy;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimedSubject;
import cn.onepoint.sla.Timer;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A1 cutover notices 割接通知: planned work on circuits, the affected customers found from the circuits, each told
 * before the lead time runs out and its acknowledgement timed. Every command is one transaction: the change, its
 * history row, notifications, timers and feed events commit together or not at all. Which action is allowed when
 * lives in {@link CutoverAction}; every A1 refusal is decided here.
 */
@ApplicationScoped
public class CutoverService {

    static final String SUBJECT = "CUTOVER";
    static final String CREATE_EVENT = "CutoverCreateEvent";
    static final String STATE_CHANGE_EVENT = "CutoverStateChangeEvent";
    static final String NOTICE_EVENT = "CutoverNoticeEvent";
    static final String ACKNOWLEDGEMENT_EVENT = "CutoverAcknowledgementEvent";

    /** O2: the people who face the customer record its acknowledgement. */
    static final Set<Role> ACKNOWLEDGERS = EnumSet.of(Role.CUSTOMER_MANAGER, Role.CHIEF_CUSTOMER_MANAGER,
            Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER);

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> SORTS = List.of("plannedStart", "createdAt", "number");

    private final Clock clock;
    private final Numbers numbers;
    private final SlaPolicy policy;
    private final TimerService timers;
    private final Outbox outbox;
    private final Notifications notifications;
    private final DateTimeFormatter local;
    private final ScopedReads scoped;

    public CutoverService(Clock clock, Numbers numbers, SlaPolicy policy, TimerService timers, Outbox outbox,
                          Notifications notifications, ScopedReads scoped,
                          @ConfigProperty(name = "onepoint.zone", defaultValue = "Asia/Shanghai") String zone) {
        this.scoped = scoped;
        this.clock = clock;
        this.numbers = numbers;
        this.policy = policy;
        this.timers = timers;
        this.outbox = outbox;
        this.notifications = notifications;
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
    }

    /** Publishes the cutover's scope predicate to the timer engine (its CUTOVER_WINDOW timer). */
    @Produces
    @Singleton
    static TimedSubject timed() {
        return new TimedSubject(SubjectType.CUTOVER, "Cutover", "cutover", CutoverService::involves);
    }

    /** A customer's notice (its CUTOVER_ACK timer) is seen by whoever sees its cutover. */
    @Produces
    @Singleton
    static TimedSubject noticeTimed() {
        return new TimedSubject(SubjectType.CUTOVER_NOTICE, "CutoverNotice", "cutover notice",
                scope -> "cutoverId in (select co.id from Cutover co where " + involves(scope) + ")");
    }

    /**
     * Scoping (docs/security.md): the cutovers whose executing unit, a unit at either end or on the backbone of one of
     * its circuits, or the unit of a person told for one of its customers (who records the acknowledgement) lies in
     * the caller's scope. Unqualified names are the cutover's (TimerScope embeds this in a subquery).
     */
    static String involves(Scope scope) {
        return scope.anyIn(List.of("executingUnitId"),
                "id in (select cc.cutoverId from CutoverCircuit cc where cc.circuitId in (select ci.id from Circuit ci "
                        + "where " + scope.anyIn(List.of("ci.aEnd.unitId", "ci.zEnd.unitId", "ci.backboneUnitId")) + "))",
                "id in (select cn.cutoverId from CutoverNotice cn where " + scope.personIn("cn.recipientId", "cp") + ")");
    }

    // ---- planning: the affected customers from the circuits -------------------------------------------

    @WithTransaction
    public Uni<CutoverView> create(CreateCutoverRequest body) {
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        Instant start = micros(body.plannedStart());
        Instant end = micros(body.plannedEnd());
        if (!end.isAfter(start)) {
            errors.add("plannedEnd", "field.notAfter", start);
        }
        UUID unitId = errors.uuid("executingUnitId", body.executingUnitId());
        UUID plannerId = errors.uuid("plannerId", body.plannerId());
        Map<UUID, Integer> circuitIds = new LinkedHashMap<>();
        for (int i = 0; i < body.circuitIds().size(); i++) {
            String raw = body.circuitIds().get(i);
            if (raw == null || raw.isBlank()) {
                errors.add("circuitIds[" + i + "]", "field.required");
            }
            UUID id = errors.uuid("circuitIds[" + i + "]", raw);
            if (id != null) {
                circuitIds.putIfAbsent(id, i);
            }
        }
        return errors.find("executingUnitId", Unit.class, unitId, "field.unknownUnit").chain(unit ->
                errors.find("plannerId", Person.class, plannerId, "field.unknownPerson").chain(planner ->
                (circuitIds.isEmpty() ? Uni.createFrom().item(List.<Circuit>of())
                        : Circuit.<Circuit>list("id in ?1", circuitIds.keySet())).chain(found -> {
                    Map<UUID, Circuit> byId = found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                    circuitIds.forEach((id, i) -> {
                        if (!byId.containsKey(id)) {
                            errors.add("circuitIds[" + i + "]", "field.unknownCircuit", id);
                        }
                    });
                    errors.throwIfAny();
                    requireMember(planner, unit);
                    requireLeadTime(start, now);
                    List<Circuit> circuits = circuitIds.keySet().stream().map(byId::get).toList();
                    return numbers.next("CO").chain(number -> plan(body, number, start, end, unit, planner, circuits, now));
                })));
    }

    private Uni<CutoverView> plan(CreateCutoverRequest body, String number, Instant start, Instant end, Unit unit,
                                  Person planner, List<Circuit> circuits, Instant now) {
        Cutover c = new Cutover();
        c.id = UUID.randomUUID();
        c.number = number;
        c.status = CutoverStatus.PLANNED;
        c.title = body.title();
        c.description = body.description();
        c.impact = body.impact();
        c.plannedStart = start;
        c.plannedEnd = end;
        c.executingUnitId = unit.id;
        c.province = unit.province;
        c.plannerId = planner.id;
        c.createdAt = now;
        c.updatedAt = now;
        List<CutoverCircuit> rows = new ArrayList<>();
        List<CutoverNotice> notices = new ArrayList<>();
        Set<UUID> affected = new LinkedHashSet<>();
        for (Circuit circuit : circuits) {
            CutoverCircuit row = new CutoverCircuit();
            row.id = UUID.randomUUID();
            row.cutoverId = c.id;
            row.circuitId = circuit.id;
            row.circuitCode = circuit.code;
            row.customerId = circuit.customerId;
            rows.add(row);
            // A1: every customer of a circuit worked on is affected, once however many of its circuits are.
            if (affected.add(circuit.customerId)) {
                CutoverNotice n = new CutoverNotice();
                n.id = UUID.randomUUID();
                n.cutoverId = c.id;
                n.customerId = circuit.customerId;
                notices.add(n);
            }
        }
        return Customer.<Customer>list("id in ?1", affected)
                .chain(customers -> c.persist()
                        .chain(() -> CutoverCircuit.persist(rows))
                        .chain(() -> CutoverNotice.persist(notices))
                        .chain(() -> history(c, "create", null, planner.id, affected.size() + " customer(s)"))
                        .map(v -> view(data(c, rows, notices, customers)))
                        .call(view -> event(c, CREATE_EVENT, view)));
    }

    // ---- the actions ----------------------------------------------------------------------------------

    /**
     * A1: tells every affected customer, through its customer manager (else its CCE), and starts the timer of each
     * customer's acknowledgement: due the ack window after the notice, never later than the planned start.
     */
    @WithTransaction
    public Uni<CutoverView> announce(UUID id, String personId, String ifMatch) {
        return act(id, CutoverAction.ANNOUNCE, personId, ifMatch, (d, actor, now) -> {
            Cutover c = d.cutover();
            return requireMember(actor, c).chain(unit -> {
                requireLeadTime(c.plannedStart, now);
                List<CutoverNotice> unreachable = d.notices().stream()
                        .filter(n -> recipientOf(d.customers().get(n.customerId)) == null).toList();
                if (!unreachable.isEmpty()) {
                    throw DomainException.rule("A1", "a1.noRecipient", d.codesOf(unreachable));
                }
                Instant ackDue = min(now.plus(policy.cutoverAck()), c.plannedStart);
                c.announcedAt = now;
                c.announcedBy = actor.id;
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (CutoverNotice n : d.notices()) {
                    Customer customer = d.customers().get(n.customerId);
                    Recipient r = recipientOf(customer);
                    n.recipientId = r.personId();
                    n.recipientRole = r.role();
                    n.notifiedAt = now;
                    n.ackDueAt = ackDue;
                    String text = Messages.text(CHINESE, "a1.notify.announce", c.number, c.title, unit.name,
                            local.format(c.plannedStart), local.format(c.plannedEnd), customer.name, customer.code,
                            String.join("、", d.circuitCodesOf(customer.id)), c.description, c.impact,
                            local.format(ackDue));
                    chain = chain
                            .chain(() -> notifications.persist(List.of(notifications.message(n.recipientId,
                                    n.recipientRole, text, SubjectType.CUTOVER, c.id, null, now))))
                            .chain(() -> timers.start(TimerSpec.of(TimerKind.CUTOVER_ACK, SubjectType.CUTOVER_NOTICE, n.id)
                                    .withDueAt(ackDue).withScope(c.executingUnitId, customer.id, c.province)))
                            .chain(() -> noticeEvent(d, n, NOTICE_EVENT));
                }
                return chain.replaceWith(d.notices().size() + " customer(s) notified");
            });
        });
    }

    /** A1: records that one affected customer acknowledged the notice; its timer stops (late if it breached). */
    @WithTransaction
    public Uni<CutoverView> acknowledge(UUID id, AcknowledgementRequest body, String ifMatch) {
        UUID customerId = Ids.ref("customer", body.customerId());
        return act(id, CutoverAction.ACKNOWLEDGE, body.personId(), ifMatch, (d, actor, now) -> {
            if (actor.roles.stream().noneMatch(ACKNOWLEDGERS::contains)) {
                // the acting person (the token's) may not: 403
                throw DomainException.forbidden("A1", "a1.acknowledgerRole", actor.name);
            }
            CutoverNotice n = d.notices().stream().filter(x -> x.customerId.equals(customerId)).findFirst()
                    .orElseThrow(() -> FieldErrors.single("customerId", "a1.customerNotAffected", customerId));
            if (n.acknowledged()) {
                throw DomainException.conflict("ALREADY_ACKNOWLEDGED", "a1.alreadyAcknowledged",
                        d.customers().get(customerId).code, n.acknowledgedAt);
            }
            n.acknowledgedAt = now;
            n.acknowledgedBy = actor.id;
            n.contactName = body.contactName();
            n.ackNote = body.note();
            return timers.stop(SubjectType.CUTOVER_NOTICE, n.id, TimerKind.CUTOVER_ACK)
                    .chain(t -> noticeEvent(d, n, ACKNOWLEDGEMENT_EVENT))
                    .replaceWith(d.customers().get(customerId).code + " acknowledged (" + body.contactName() + ")");
        });
    }

    /**
     * A1: the work starts inside its announced window. A customer that has not acknowledged stops the start unless
     * the starter says to proceed (with a note): the work is the operator's to schedule, the notice went out in time,
     * and a customer that does not answer must not hold it up; the start then records who had not acknowledged.
     */
    @WithTransaction
    public Uni<CutoverView> start(UUID id, StartRequest body, String ifMatch) {
        boolean proceed = Boolean.TRUE.equals(body.proceedWithoutAcknowledgement());
        return act(id, CutoverAction.START, body.personId(), ifMatch, (d, actor, now) -> {
            Cutover c = d.cutover();
            return requireMember(actor, c).chain(unit -> {
                if (now.isBefore(c.plannedStart)) {
                    throw DomainException.rule("A1", "a1.beforeWindow", c.plannedStart);
                }
                if (!now.isBefore(c.plannedEnd)) {
                    throw DomainException.rule("A1", "a1.afterWindow", c.plannedEnd);
                }
                List<CutoverNotice> missing = d.unacknowledged();
                if (!missing.isEmpty() && !proceed) {
                    throw DomainException.rule("A1", "a1.unacknowledged", d.codesOf(missing));
                }
                if (!missing.isEmpty() && (body.note() == null || body.note().isBlank())) {
                    throw FieldErrors.single("note", "a1.noteRequired");
                }
                missing.forEach(n -> n.unacknowledgedAtStart = true);
                c.startedAt = now;
                c.startedBy = actor.id;
                c.startNote = body.note();
                return timers.start(TimerSpec.of(TimerKind.CUTOVER_WINDOW, SubjectType.CUTOVER, c.id)
                                .withDueAt(c.plannedEnd).withScope(c.executingUnitId, null, c.province))
                        .replaceWith(missing.isEmpty() ? "all acknowledged"
                                : "started without acknowledgement of " + d.codesOf(missing));
            });
        });
    }

    /** The work is done (or rolled back): the window timer stops, open acknowledgement timers end, customers told. */
    @WithTransaction
    public Uni<CutoverView> complete(UUID id, CompleteRequest body, String ifMatch) {
        return act(id, CutoverAction.COMPLETE, body.personId(), ifMatch, (d, actor, now) -> {
            Cutover c = d.cutover();
            return requireMember(actor, c).chain(unit -> {
                c.completedAt = now;
                c.completedBy = actor.id;
                c.outcome = body.outcome();
                c.resultNote = body.note();
                String outcome = Messages.text(CHINESE, "a1.outcome." + body.outcome());
                return timers.stop(SubjectType.CUTOVER, c.id, TimerKind.CUTOVER_WINDOW)
                        .chain(() -> endAcknowledgementTimers(d))
                        .chain(() -> tellEveryCustomer(d, now, customer -> Messages.text(CHINESE,
                                "a1.notify.completed", c.number, c.title, local.format(now), outcome, customer.name,
                                String.join("、", d.circuitCodesOf(customer.id)), body.note() == null ? "" : body.note())))
                        .replaceWith(body.outcome().name());
            });
        });
    }

    /** Called off before it starts; customers already told hear that it is off. */
    @WithTransaction
    public Uni<CutoverView> cancel(UUID id, CancelRequest body, String ifMatch) {
        return act(id, CutoverAction.CANCEL, body.personId(), ifMatch, (d, actor, now) -> {
            Cutover c = d.cutover();
            return requireMember(actor, c).chain(unit -> {
                c.cancelledAt = now;
                c.cancelledBy = actor.id;
                c.cancelReason = body.reason();
                return endAcknowledgementTimers(d)
                        .chain(() -> tellEveryCustomer(d, now, customer -> Messages.text(CHINESE,
                                "a1.notify.cancelled", c.number, c.title, local.format(c.plannedStart),
                                local.format(c.plannedEnd), body.reason(), customer.name,
                                String.join("、", d.circuitCodesOf(customer.id)))))
                        .replaceWith(body.reason());
            });
        });
    }

    // ---- the read side --------------------------------------------------------------------------------

    public record Filter(List<String> status, String circuitId, String customerId, String executingUnitId,
                         String from, String to, String sort) {
    }

    @WithSession
    public Uni<CutoverView> get(UUID id) {
        return cutover(id).chain(this::load).map(this::view);
    }

    /** Filters: status, a circuit worked on, an affected customer, the executing unit, a window the plan overlaps. */
    @WithSession
    public Uni<Page<CutoverView>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<CutoverStatus> statuses = errors.enums("status", f.status(), CutoverStatus.class);
        UUID circuit = errors.uuid("circuitId", f.circuitId());
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID unit = errors.uuid("executingUnitId", f.executingUnitId());
        Instant from = errors.instant("from", f.from());
        Instant to = errors.instant("to", f.to());
        String order = errors.sort(f.sort(), SORTS, "plannedStart desc");
        errors.throwIfAny();
        Query q = new Query().in("status", statuses).eq("executingUnitId", unit)
                .where("id in (select x.cutoverId from CutoverCircuit x where x.circuitId = :circuit)", "circuit", circuit)
                .where("id in (select n.cutoverId from CutoverNotice n where n.customerId = :customer)", "customer", customer)
                .where("plannedEnd > :from", "from", from)
                .where("plannedStart < :to", "to", to)
                .orderBy(order + ", id");
        scoped.restrict(q, CutoverService::involves);
        return Paging.fetch(q, page, (w, p) -> Cutover.count(w, p), (w, p) -> Cutover.<Cutover>find(w, p))
                .chain(p -> load(p.items()).map(all -> new Page<>(all.stream().map(this::view).toList(), p.total())));
    }

    @WithSession
    public Uni<List<CutoverHistoryView>> history(UUID id) {
        return cutover(id).chain(c -> CutoverHistory.<CutoverHistory>list("cutoverId = ?1 order by id", id))
                .map(l -> l.stream().map(CutoverViews::of).toList());
    }

    /** The window timer and every customer's acknowledgement timer, oldest first. */
    @WithSession
    public Uni<List<Timer>> timers(UUID id) {
        return cutover(id).chain(c -> CutoverNotice.<CutoverNotice>list("cutoverId", id))
                .chain(notices -> {
                    List<UUID> subjects = new ArrayList<>(notices.stream().map(n -> n.id).toList());
                    subjects.add(id);
                    return timers.forSubjects(subjects);
                });
    }

    /** Who was told (the notices, and completion or cancellation), oldest first. */
    @WithSession
    public Uni<List<Notification>> notifications(UUID id) {
        return cutover(id).chain(c -> Notification.list("subjectType = ?1 and subjectId = ?2 order by createdAt, id",
                SubjectType.CUTOVER, id));
    }

    // ---- the rules ------------------------------------------------------------------------------------

    /** A1: announced at least the lead time (72 h) before the planned start; exactly the lead time is in time. */
    private void requireLeadTime(Instant plannedStart, Instant now) {
        Instant latest = plannedStart.minus(policy.cutoverLead());
        if (now.isAfter(latest)) {
            throw DomainException.rule("A1", "a1.leadTime", policy.cutoverLead().toMinutes() / 60.0, latest, now);
        }
    }

    /**
     * A1: the executing unit plans and runs its cutover: the person acting (the planner, the announcer, starter,
     * completer or canceller: always the token's person) belongs to it, else 403.
     */
    private static void requireMember(Person person, Unit unit) {
        if (!person.unitId.equals(unit.id)) {
            throw DomainException.forbidden("A1", "a1.notOfUnit", person.name, unit.name);
        }
    }

    private static Uni<Unit> requireMember(Person person, Cutover c) {
        return Unit.<Unit>findById(c.executingUnitId).invoke(unit -> requireMember(person, unit));
    }

    /** Who is told for a customer: its customer manager, else its chief customer engineer; null when neither. */
    private record Recipient(UUID personId, Role role) {
    }

    private static Recipient recipientOf(Customer c) {
        return c.cmId != null ? new Recipient(c.cmId, Role.CUSTOMER_MANAGER)
                : c.cceId != null ? new Recipient(c.cceId, Role.CHIEF_CUSTOMER_ENGINEER) : null;
    }

    // ---- the one home of every action -----------------------------------------------------------------

    @FunctionalInterface
    private interface Change {
        /** Applies the action; the item is the history row's detail. */
        Uni<String> apply(CutoverData d, Person actor, Instant now);
    }

    /**
     * Loads the cutover, checks If-Match and the state machine, applies the change, then writes the history row and
     * (when the state moved) the state-change event. The version bump makes concurrent commands on one cutover
     * conflict (409 VERSION_CONFLICT) instead of overwriting each other.
     */
    private Uni<CutoverView> act(UUID id, CutoverAction action, String personId, String ifMatch, Change change) {
        UUID actorId = Ids.ref("person", personId);
        return Commands.lock(Cutover.class, id, "cutover").chain(c -> {
            Versions.check(ifMatch, c.version);
            CutoverStatus from = c.status;
            CutoverStatus to = action.apply(from);
            return Person.<Person>findById(actorId).chain(actor -> {
                if (actor == null) {
                    throw FieldErrors.single("personId", "field.unknownPerson", actorId);
                }
                return load(c).chain(d -> {
                    Instant now = clock.instant();
                    return change.apply(d, actor, now).chain(detail -> {
                        c.status = to;
                        c.updatedAt = now;
                        return history(c, action.wire(), from, actor.id, detail)
                                .chain(() -> Panache.flush())
                                .map(v -> view(d))
                                .call(view -> from == to ? Uni.createFrom().voidItem()
                                        : event(c, STATE_CHANGE_EVENT, view));
                    });
                });
            });
        });
    }

    /** Ends what still times an acknowledgement (a breached one stops escalating): the cutover is over. */
    private Uni<Void> endAcknowledgementTimers(CutoverData d) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CutoverNotice n : d.notices()) {
            chain = chain.chain(() -> timers.cancelAll(SubjectType.CUTOVER_NOTICE, n.id)).replaceWithVoid();
        }
        return chain;
    }

    /** One notification per customer already told, to the same person. */
    private Uni<Void> tellEveryCustomer(CutoverData d, Instant now, Function<Customer, String> text) {
        List<Notification> rows = d.notices().stream().filter(n -> n.recipientId != null)
                .map(n -> notifications.message(n.recipientId, n.recipientRole,
                        text.apply(d.customers().get(n.customerId)), SubjectType.CUTOVER, d.cutover().id, null, now))
                .toList();
        return notifications.persist(rows);
    }

    private Uni<Void> history(Cutover c, String action, CutoverStatus from, UUID actorId, String detail) {
        CutoverHistory h = new CutoverHistory();
        h.cutoverId = c.id;
        h.at = clock.instant();
        h.action = action;
        h.actorId = actorId;
        h.fromStatus = from;
        h.toStatus = c.status;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    private Uni<Void> event(Cutover c, String eventType, CutoverView view) {
        return outbox.append(Outbox.Topic.aftersales, eventType, SUBJECT, c.id,
                new Outbox.Scope(null, c.executingUnitId, c.province), view);
    }

    /** A per-customer event (notice, acknowledgement), so that ?customer= feeds show it; rooted at the cutover. */
    private Uni<Void> noticeEvent(CutoverData d, CutoverNotice n, String eventType) {
        Cutover c = d.cutover();
        return outbox.append(Outbox.Topic.aftersales, eventType, SubjectType.CUTOVER_NOTICE.name(), n.id, c.id,
                new Outbox.Scope(n.customerId, c.executingUnitId, c.province),
                new NoticeEvent(c.id.toString(), c.number, c.title, c.plannedStart, c.plannedEnd, CutoverViews.notice(d, n)));
    }

    /** The payload of a per-customer event: which cutover, and the customer's notice. */
    public record NoticeEvent(String cutoverId, String number, String title, Instant plannedStart, Instant plannedEnd,
                              CutoverView.CustomerNotice customer) {
    }

    // ---- loading --------------------------------------------------------------------------------------

    /** A cutover the caller may see (404 otherwise): every read goes through it. */
    private Uni<Cutover> cutover(UUID id) {
        return scoped.find(Cutover.class, id, "cutover", CutoverService::involves);
    }

    private Uni<CutoverData> load(Cutover c) {
        return load(List.of(c)).map(l -> l.get(0));
    }

    /** The parts of some cutovers in three queries, whatever their number. */
    private Uni<List<CutoverData>> load(List<Cutover> cutovers) {
        if (cutovers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = cutovers.stream().map(c -> c.id).toList();
        return CutoverCircuit.<CutoverCircuit>list("cutoverId in ?1 order by circuitCode", ids)
                .chain(circuits -> CutoverNotice.<CutoverNotice>list("cutoverId in ?1", ids)
                        .chain(notices -> Customer.<Customer>list("id in ?1",
                                        notices.stream().map(n -> n.customerId).collect(Collectors.toSet()))
                                .map(customers -> cutovers.stream().map(c -> data(c,
                                        circuits.stream().filter(x -> x.cutoverId.equals(c.id)).toList(),
                                        notices.stream().filter(n -> n.cutoverId.equals(c.id)).toList(),
                                        customers)).toList())));
    }

    /** Notices ordered by customer code, so the view reads the same every time. */
    private static CutoverData data(Cutover c, List<CutoverCircuit> circuits, List<CutoverNotice> notices,
                                    List<Customer> customers) {
        Map<UUID, Customer> byId = customers.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
        List<CutoverNotice> sorted = notices.stream()
                .sorted(Comparator.comparing(n -> byId.get(n.customerId).code)).toList();
        return new CutoverData(c, circuits, sorted, byId);
    }

    private CutoverView view(CutoverData d) {
        return CutoverViews.of(d, policy.cutoverLead());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant micros(Instant i) {
        return i.truncatedTo(ChronoUnit.MICROS);
    }
}
