package cn.onepoint.servicerecord;

import cn.onepoint.auth.Scope;
import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.common.Transition;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Unit;
import cn.onepoint.feed.Outbox;
import cn.onepoint.servicerecord.dto.CreateServiceRecordRequest;
import cn.onepoint.servicerecord.dto.ServiceRecordHistoryView;
import cn.onepoint.servicerecord.dto.ServiceRecordView;
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

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A3: visits, campaigns, crisis interventions, service-tracking warnings and drills as records with due dates, each
 * watched by a SERVICE_RECORD timer of the engine (warned at the warn share, breached and escalated when overdue).
 * Every command is one transaction with its history row, timer and feed event.
 */
@ApplicationScoped
public class ServiceRecordService {

    static final String SUBJECT = "SERVICE_RECORD";
    static final String CREATE_EVENT = "ServiceRecordCreateEvent";
    static final String STATE_CHANGE_EVENT = "ServiceRecordStateChangeEvent";

    private static final List<String> SORTS = List.of("dueAt", "createdAt", "number");

    private final Clock clock;
    private final Numbers numbers;
    private final TimerService timers;
    private final Outbox outbox;
    private final ScopedReads scoped;

    public ServiceRecordService(Clock clock, Numbers numbers, TimerService timers, Outbox outbox, ScopedReads scoped) {
        this.scoped = scoped;
        this.clock = clock;
        this.numbers = numbers;
        this.timers = timers;
        this.outbox = outbox;
    }

    /** Publishes this scope predicate to the timer engine (the SERVICE_RECORD timer). */
    @Produces
    @Singleton
    static TimedSubject timed() {
        return new TimedSubject(SubjectType.SERVICE_RECORD, "ServiceRecord", "service record",
                ServiceRecordService::involves);
    }

    /**
     * Scoping (docs/security.md): the records of a unit of the caller's scope (the assignee's unit when it was
     * taken), or whose assignee or creator is now a person of such a unit. Unqualified names are the record's.
     */
    static String involves(Scope scope) {
        return scope.anyIn(List.of("unitId"),
                scope.personIn("assigneeId", "sp"), scope.personIn("createdBy", "sc"));
    }

    @WithTransaction
    public Uni<ServiceRecordView> create(CreateServiceRecordRequest body) {
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        Instant due = body.dueAt().truncatedTo(ChronoUnit.MICROS);
        if (!due.isAfter(now)) {
            errors.add("dueAt", "field.notAfter", now);
        }
        UUID customerId = errors.uuid("customerId", body.customerId());
        UUID assigneeId = errors.uuid("assigneeId", body.assigneeId());
        UUID creatorId = errors.uuid("createdBy", body.createdBy());
        return errors.find("customerId", Customer.class, customerId, "field.unknownCustomer").chain(customer ->
                errors.find("assigneeId", Person.class, assigneeId, "field.unknownPerson").chain(assignee ->
                errors.find("createdBy", Person.class, creatorId, "field.unknownPerson").chain(creator -> {
                    errors.throwIfAny();
                    // A3: who may take a record depends on its kind (O2).
                    if (!body.kind().mayBeTakenBy(assignee.roles)) {
                        throw DomainException.rule("A3", "a3.assigneeRole", assignee.name, body.kind(),
                                body.kind().assigneeRoles().stream().map(Role::name).collect(Collectors.joining(", ")));
                    }
                    return Unit.<Unit>findById(assignee.unitId).chain(unit -> numbers.next("SR").chain(number -> {
                        ServiceRecord r = new ServiceRecord();
                        r.id = UUID.randomUUID();
                        r.number = number;
                        r.kind = body.kind();
                        r.status = ServiceRecordStatus.OPEN;
                        r.customerId = customer.id;
                        r.unitId = unit.id;
                        r.province = unit.province;
                        r.assigneeId = assignee.id;
                        r.createdBy = creator.id;
                        r.title = body.title();
                        r.description = body.description();
                        r.dueAt = due;
                        r.createdAt = now;
                        r.updatedAt = now;
                        return r.<ServiceRecord>persist()
                                // A3: overdue warns and breaches through the timer engine, escalating from the unit.
                                .call(() -> timers.start(TimerSpec.of(TimerKind.SERVICE_RECORD, SubjectType.SERVICE_RECORD,
                                        r.id).withDueAt(due).withScope(r.unitId, r.customerId, r.province)))
                                .call(() -> history(r, "create", null, creator.id, r.kind.name()))
                                .map(x -> view(r, now))
                                .call(v -> event(r, CREATE_EVENT, v));
                    }));
                })));
    }

    @WithTransaction
    public Uni<ServiceRecordView> complete(UUID id, String personId, String outcome, String ifMatch) {
        return act(id, ServiceRecordAction.COMPLETE, personId, ifMatch, (r, actor) -> {
            r.completedAt = clock.instant();
            r.completedBy = actor.id;
            r.outcome = outcome;
            return timers.stop(SubjectType.SERVICE_RECORD, r.id, TimerKind.SERVICE_RECORD).replaceWith(outcome);
        });
    }

    @WithTransaction
    public Uni<ServiceRecordView> cancel(UUID id, String personId, String reason, String ifMatch) {
        return act(id, ServiceRecordAction.CANCEL, personId, ifMatch, (r, actor) -> {
            r.cancelledAt = clock.instant();
            r.cancelledBy = actor.id;
            r.cancelReason = reason;
            return timers.cancelAll(SubjectType.SERVICE_RECORD, r.id).replaceWith(reason);
        });
    }

    public record Filter(List<String> kind, List<String> status, String customerId, String unitId, String assigneeId,
                         String overdue, String dueBefore, String sort) {
    }

    @WithSession
    public Uni<ServiceRecordView> get(UUID id) {
        return record(id).map(r -> view(r, clock.instant()));
    }

    @WithSession
    public Uni<Page<ServiceRecordView>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<ServiceRecordKind> kinds = errors.enums("kind", f.kind(), ServiceRecordKind.class);
        List<ServiceRecordStatus> statuses = errors.enums("status", f.status(), ServiceRecordStatus.class);
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID unit = errors.uuid("unitId", f.unitId());
        UUID assignee = errors.uuid("assigneeId", f.assigneeId());
        Instant dueBefore = errors.instant("dueBefore", f.dueBefore());
        Boolean overdue = null;
        if (f.overdue() != null && !f.overdue().isBlank()) {
            overdue = switch (f.overdue().trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    errors.add("overdue", "unknownEnum", f.overdue(), "true, false");
                    yield null;
                }
            };
        }
        String order = errors.sort(f.sort(), SORTS, "dueAt asc");
        errors.throwIfAny();
        Instant now = clock.instant();
        Query q = new Query().in("kind", kinds).in("status", statuses).eq("customerId", customer).eq("unitId", unit)
                .eq("assigneeId", assignee).where("dueAt < :dueBefore", "dueBefore", dueBefore).orderBy(order + ", id");
        scoped.restrict(q, ServiceRecordService::involves);
        if (Boolean.TRUE.equals(overdue)) {
            q.where("status = :open", "open", ServiceRecordStatus.OPEN).where("dueAt < :now", "now", now);
        } else if (Boolean.FALSE.equals(overdue)) {
            q.where("(status <> :open or dueAt >= :now)", "now", now);
            q.params().and("open", ServiceRecordStatus.OPEN);
        }
        return Paging.fetch(q, page, (w, p) -> ServiceRecord.count(w, p), (w, p) -> ServiceRecord.<ServiceRecord>find(w, p))
                .map(p -> p.map(r -> view(r, now)));
    }

    @WithSession
    public Uni<List<ServiceRecordHistoryView>> history(UUID id) {
        return record(id).chain(r -> ServiceRecordHistory.<ServiceRecordHistory>list("serviceRecordId = ?1 order by id", id))
                .map(l -> l.stream().map(h -> new ServiceRecordHistoryView(h.id, h.at, h.action, s(h.actorId),
                        h.fromStatus, h.toStatus, h.detail, h.subject)).toList());
    }

    @WithSession
    public Uni<List<Timer>> timers(UUID id) {
        return record(id).chain(r -> timers.forSubject(SubjectType.SERVICE_RECORD, id));
    }

    /**
     * Loads the record, checks If-Match, the state machine and the actor (A3: the assignee, or a supervisor of the
     * assigned unit), applies the change, writes history and the state-change event.
     */
    private Uni<ServiceRecordView> act(UUID id, ServiceRecordAction action, String personId, String ifMatch,
                                       BiFunction<ServiceRecord, Person, Uni<String>> change) {
        UUID actorId = Ids.ref("person", personId);
        return Commands.lock(ServiceRecord.class, id, "service record").chain(r -> {
            Versions.check(ifMatch, r.version);
            ServiceRecordStatus from = r.status;
            ServiceRecordStatus to = action.apply(from);
            return Person.<Person>findById(actorId).chain(actor -> {
                if (actor == null) {
                    throw FieldErrors.single("personId", "field.unknownPerson", actorId);
                }
                boolean supervisor = actor.unitId.equals(r.unitId) && actor.roles.contains(Role.SUPERVISOR);
                if (!actor.id.equals(r.assigneeId) && !supervisor) {
                    // about the acting person (the token's): 403
                    throw DomainException.forbidden("A3", "a3.notAssignee", actor.name);
                }
                return change.apply(r, actor).chain(detail -> {
                    Instant now = clock.instant();
                    r.status = to;
                    r.updatedAt = now;
                    return history(r, action.wire(), from, actor.id, detail)
                            .chain(() -> Panache.flush())
                            .map(v -> view(r, now))
                            .call(v -> event(r, STATE_CHANGE_EVENT, v));
                });
            });
        });
    }

    /** A record the caller may see (404 otherwise): every read goes through it. */
    private Uni<ServiceRecord> record(UUID id) {
        return scoped.find(ServiceRecord.class, id, "service record", ServiceRecordService::involves);
    }

    private Uni<Void> history(ServiceRecord r, String action, ServiceRecordStatus from, UUID actorId, String detail) {
        ServiceRecordHistory h = new ServiceRecordHistory();
        h.serviceRecordId = r.id;
        h.at = clock.instant();
        h.action = action;
        h.actorId = actorId;
        h.fromStatus = from;
        h.toStatus = r.status;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    private Uni<Void> event(ServiceRecord r, String eventType, ServiceRecordView view) {
        return outbox.append(Outbox.Topic.aftersales, eventType, SUBJECT, r.id,
                new Outbox.Scope(r.customerId, r.unitId, r.province), view);
    }

    static ServiceRecordView view(ServiceRecord r, Instant now) {
        return new ServiceRecordView(r.id.toString(), "/api/v1/service-records/" + r.id, r.number, r.kind, r.status,
                s(r.customerId), s(r.unitId), s(r.assigneeId), s(r.createdBy), r.title, r.description, r.dueAt,
                r.overdue(now), r.completedAt, s(r.completedBy), r.outcome, r.cancelledAt, s(r.cancelledBy),
                r.cancelReason, r.createdAt, r.updatedAt, r.version,
                Transition.allowedIn(r.status, ServiceRecordAction.values()));
    }

    private static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
