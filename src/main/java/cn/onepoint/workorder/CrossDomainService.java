package cn.onepoint.workorder;

import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Messages;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.DirectoryService;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Unit;
import cn.onepoint.feed.Outbox;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.SlaPolicy;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.workorder.dto.CrossDomainCreateRequest;
import cn.onepoint.workorder.dto.CrossDomainDispatchRequest;
import cn.onepoint.workorder.dto.ReplyRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * W1 cross-domain coordination work orders 跨域协同工单: the customer engineer takes the customer manager's request
 * (one point), dispatches tasks to the teams of other domains, tracks them, and replies once to the customer
 * manager when every task is done. Tasks are ordinary work orders dispatched for the request: their teams accept,
 * report, complete or reject them on {@code /work-orders/{id}/…} like any dispatch.
 */
@ApplicationScoped
public class CrossDomainService {

    private static final Set<Role> ENGINEERS = Set.of(Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER);
    private static final Set<Role> MANAGERS = Set.of(Role.CUSTOMER_MANAGER, Role.CHIEF_CUSTOMER_MANAGER);

    private final Clock clock;
    private final SlaPolicy policy;
    private final DirectoryService directory;
    private final WorkOrderService workOrders;
    private final CrossDomainTimers timers;
    private final Notifications notifications;

    public CrossDomainService(Clock clock, SlaPolicy policy, DirectoryService directory, WorkOrderService workOrders,
                              CrossDomainTimers timers, Notifications notifications) {
        this.clock = clock;
        this.policy = policy;
        this.directory = directory;
        this.workOrders = workOrders;
        this.timers = timers;
        this.notifications = notifications;
    }

    @WithTransaction
    public Uni<WorkOrder> create(CrossDomainCreateRequest body) {
        FieldErrors errors = new FieldErrors();
        Instant now = clock.instant();
        if (!body.type().crossDomain()) {
            errors.add("type", "unknownEnum", body.type(), Arrays.stream(WorkOrderType.values())
                    .filter(WorkOrderType::crossDomain).map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (body.dueAt() != null && !body.dueAt().isAfter(now)) {
            errors.add("dueAt", "field.notFuture");
        }
        UUID customerId = errors.uuid("customerId", body.customerId());
        UUID managerId = errors.uuid("customerManagerId", body.customerManagerId());
        UUID engineerId = errors.uuid("customerEngineerId", body.customerEngineerId());
        return find(customerId, i -> Customer.<Customer>findById(i), errors, "customerId", "field.unknownCustomer",
                body.customerId())
                .chain(customer -> find(managerId, i -> Person.<Person>findById(i), errors, "customerManagerId",
                        "field.unknownPerson", body.customerManagerId())
                        .chain(manager -> find(engineerId, i -> Person.<Person>findById(i), errors,
                                "customerEngineerId", "field.unknownPerson", body.customerEngineerId())
                                .chain(engineer -> {
                                    errors.throwIfAny();
                                    // W1: the customer engineer takes the request from the customer manager.
                                    if (engineer.roles.stream().noneMatch(ENGINEERS::contains)) {
                                        throw DomainException.rule("W1", "w1.notCustomerEngineer", engineer.name);
                                    }
                                    if (manager.roles.stream().noneMatch(MANAGERS::contains)) {
                                        throw DomainException.rule("W1", "w1.notCustomerManager", manager.name);
                                    }
                                    return directory.unit(engineer.unitId).chain(unit -> {
                                        WorkOrder w = new WorkOrder();
                                        w.type = body.type();
                                        w.unitId = unit.id;
                                        w.customerId = customer.id;
                                        w.title = body.title();
                                        w.description = body.description();
                                        w.requestedBy = manager.id;
                                        w.engineerId = engineer.id;
                                        w.dueAt = body.dueAt() != null ? body.dueAt()
                                                : now.plus(policy.crossDomain().reply());
                                        return workOrders.insert(w, engineer.id, scope(w, unit))
                                                .call(saved -> timers.requested(saved, unit.province));
                                    });
                                })));
    }

    @WithTransaction
    public Uni<List<WorkOrder>> dispatch(UUID id, CrossDomainDispatchRequest body, String ifMatch) {
        List<WorkOrder> created = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        return workOrders.act(id, WorkOrderAction.DISPATCH, body.personId(), CrossDomainService::isEngineer, ifMatch,
                (request, engineer, now) -> units(body, errors).chain(units -> {
                    // Every bad task at once: unknown units (above), due times in the past or after the request's.
                    List<Instant> due = new ArrayList<>();
                    for (int i = 0; i < units.size(); i++) {
                        CrossDomainDispatchRequest.Task task = body.tasks().get(i);
                        String field = "tasks[" + i + "]";
                        Instant at = task.dueAt() != null ? task.dueAt()
                                : min(now.plus(policy.crossDomain().task()), request.dueAt);
                        if (!at.isAfter(now)) {
                            errors.add(field + ".dueAt", "field.notFuture");
                        } else if (at.isAfter(request.dueAt)) {
                            errors.add(field + ".dueAt", "w1.dueAfterRequest", request.dueAt);
                        }
                        due.add(at);
                    }
                    errors.throwIfAny();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int i = 0; i < units.size(); i++) {
                        Unit unit = units.get(i);
                        // W1: the tasks go to the teams of other domains, not back to the engineer's own unit.
                        if (unit.id.equals(request.unitId)) {
                            throw DomainException.rule("W1", "w1.ownUnit", unit.name);
                        }
                        WorkOrderService.Dispatch d = new WorkOrderService.Dispatch(request.type, WorkOrder.SUBJECT,
                                request.id, unit.id, null, 1, body.tasks().get(i).instructions(), due.get(i),
                                engineer.id);
                        chain = chain.chain(() -> workOrders.create(d, scope(request, unit))
                                .invoke(created::add)
                                .chain(task -> timers.dispatched(task, unit.province)));
                    }
                    return chain.map(v -> new WorkOrderService.Made(
                            "tasks=" + created.stream().map(t -> t.number).collect(Collectors.joining(",")), null));
                })).map(request -> created);
    }

    @WithTransaction
    public Uni<WorkOrder> reply(UUID id, ReplyRequest body, String ifMatch) {
        return workOrders.act(id, WorkOrderAction.REPLY, body.personId(), CrossDomainService::isEngineer, ifMatch,
                (request, engineer, now) -> workOrders.ofSubject(request.id).chain(tasks -> {
                    // W1: one reply to the customer manager, once every task is done.
                    List<String> open = tasks.stream().filter(t -> t.status.open()).map(t -> t.number).toList();
                    if (!open.isEmpty()) {
                        throw DomainException.rule("W1", "w1.tasksOpen", String.join(", ", open));
                    }
                    request.repliedBy = engineer.id;
                    request.completedAt = now;
                    request.result = body.message();
                    return timers.replied(request).chain(() -> tellManager(request, now))
                            .replaceWith(new WorkOrderService.Made(body.message(), null));
                }));
    }

    /** Withdraws a request with its open tasks, or one task of it; only the request's customer engineer may. */
    @WithTransaction
    public Uni<WorkOrder> cancel(UUID id, String personId, String note, String ifMatch) {
        return Commands.lock(WorkOrder.class, id, "work order").chain(w -> {
            if (!w.type.crossDomain()) {
                throw DomainException.rule("W1", "w1.cancelNotCrossDomain");
            }
            Uni<WorkOrder> request = w.request() ? Uni.createFrom().item(w) : workOrders.get(w.parentId());
            return request.chain(r -> workOrders.act(id, WorkOrderAction.CANCEL, personId,
                    (x, person) -> isEngineer(r, person), ifMatch, (x, engineer, now) -> {
                        if (note == null || note.isBlank()) {
                            throw FieldErrors.single("note", "field.required");
                        }
                        x.result = note;
                        x.completedAt = now;
                        if (!x.request()) {
                            return WorkOrderService.Made.detail(note);
                        }
                        return workOrders.closeOpen(x.id, WorkOrderAction.CANCEL, note, Outbox.Scope.NONE)
                                .chain(() -> workOrders.ofSubject(x.id))
                                .chain(tasks -> {
                                    List<WorkOrder> all = new ArrayList<>(tasks);
                                    all.add(x);
                                    return timers.cancelled(all);
                                })
                                .replaceWith(new WorkOrderService.Made(note, null));
                    }));
        });
    }

    /** The rule a person outside the work order's unit is refused by; W1: a cross-domain task is worked by its team. */
    static String ruleOfUnit(WorkOrder w, String otherwise) {
        return w.type.crossDomain() ? "W1" : otherwise;
    }

    /** W1: a team of another domain that rejects a task says why, for the customer engineer to re-plan. */
    static void declineReason(WorkOrder w, String note) {
        if (w.type.crossDomain() && (note == null || note.isBlank())) {
            throw FieldErrors.single("note", "field.required");
        }
    }

    /** W1: the customer engineer who took the request dispatches, controls and replies (one point 一点). */
    private static void isEngineer(WorkOrder request, Person person) {
        if (!person.id.equals(request.engineerId)) {
            throw DomainException.forbidden("W1", "w1.notEngineer", person.name);
        }
    }

    /** The customer manager hears the reply through the notification channel. */
    private Uni<Void> tellManager(WorkOrder request, Instant now) {
        return notifications.persist(List.of(notifications.message(request.requestedBy, Role.CUSTOMER_MANAGER,
                Messages.text(Locale.SIMPLIFIED_CHINESE, "w1.notify.reply", request.number, request.title,
                        request.result), SubjectType.WORK_ORDER, request.id, null, now)));
    }

    /** Each task's unit in the order of the tasks; null, with the field recorded as bad, where it names none. */
    private static Uni<List<Unit>> units(CrossDomainDispatchRequest body, FieldErrors errors) {
        List<Unit> found = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < body.tasks().size(); i++) {
            String field = "tasks[" + i + "].unitId";
            String raw = body.tasks().get(i).unitId();
            UUID unitId = errors.uuid(field, raw);
            chain = chain.chain(() -> find(unitId, u -> Unit.<Unit>findById(u), errors, field, "field.unknownUnit", raw)
                    .invoke(found::add).replaceWithVoid());
        }
        return chain.replaceWith(found);
    }

    /** The record {@code id} names, or null with the field recorded as bad (null when no id was given). */
    private static <E> Uni<E> find(UUID id, Function<UUID, Uni<E>> lookup, FieldErrors errors, String field,
                                   String messageKey, String raw) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return lookup.apply(id).invoke(e -> {
            if (e == null) {
                errors.add(field, messageKey, raw);
            }
        });
    }

    private static Outbox.Scope scope(WorkOrder request, Unit unit) {
        return new Outbox.Scope(request.customerId, unit.id, unit.province);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
