package cn.onepoint.workorder;

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
import cn.onepoint.common.Versions;
import cn.onepoint.directory.DirectoryService;
import cn.onepoint.directory.Person;
import cn.onepoint.feed.Outbox;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimedSubject;
import cn.onepoint.workorder.dto.CompleteRequest;
import cn.onepoint.workorder.dto.FindingsRequest;
import cn.onepoint.workorder.dto.NoticeView;
import cn.onepoint.workorder.dto.ProgressRequest;
import cn.onepoint.workorder.dto.WorkOrderView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Work orders: dispatch to a unit, accept, report, complete (TMF697 states, T4, T9, T16, cross-domain tasks). */
@ApplicationScoped
public class WorkOrderService {

    private final ScopedReads scoped;

    /** Publishes this scope predicate to the timer engine, which scopes the timers by their subject. */
    @Produces
    @Singleton
    static TimedSubject timed() {
        return new TimedSubject(SubjectType.WORK_ORDER, "WorkOrder", "work order", WorkOrderService::involves);
    }

    /**
     * Scoping (docs/security.md): the work orders of a unit of the caller's scope, the tasks of such a unit's
     * cross-domain request, and those of a ticket taken or dispatched by such a unit.
     */
    public static String involves(Scope scope) {
        return scope.anyIn(List.of("unitId"),
                "subjectId in (select r.id from WorkOrder r where " + scope.unitIn("r.unitId") + ")",
                "subjectId in (select t.id from Ticket t where " + scope.unitIn("t.acceptanceUnitId") + " or "
                        + scope.unitIn("t.dispatcherUnitId") + ")");
    }

    /** A work order the caller may see, else 404. */
    public Uni<WorkOrder> visible(WorkOrder w) {
        return scoped.visible(w, w.id, "WorkOrder", "work order", WorkOrderService::involves);
    }

    /** A work order's unit was told something (new information, the customer-facing wording). */
    public static final String NOTICE_EVENT = "WorkOrderNoticeEvent";

    private final Clock clock;
    private final Numbers numbers;
    private final DirectoryService directory;
    private final Outbox outbox;
    private final Instance<WorkOrderListener> listeners;

    public WorkOrderService(Clock clock, Numbers numbers, DirectoryService directory, Outbox outbox,
                            Instance<WorkOrderListener> listeners, ScopedReads scoped) {
        this.scoped = scoped;
        this.clock = clock;
        this.numbers = numbers;
        this.directory = directory;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /**
     * What a dispatching feature asks for: one work order to one unit; {@code dueAt} and the dispatching
     * {@code actorId} when known (cross-domain tasks).
     */
    public record Dispatch(WorkOrderType type, String subjectType, UUID subjectId, UUID unitId, Segment segment,
                           int stage, String instructions, Instant dueAt, UUID actorId) {

        public Dispatch(WorkOrderType type, String subjectType, UUID subjectId, UUID unitId, Segment segment,
                        int stage, String instructions) {
            this(type, subjectType, subjectId, unitId, segment, stage, instructions, null, null);
        }
    }

    /** Creates a work order in the caller's transaction. */
    public Uni<WorkOrder> create(Dispatch d, Outbox.Scope scope) {
        WorkOrder w = new WorkOrder();
        w.type = d.type();
        w.subjectType = d.subjectType();
        w.subjectId = d.subjectId();
        w.unitId = d.unitId();
        w.customerId = scope.customerId();
        w.segment = d.segment();
        w.stage = (short) d.stage();
        w.instructions = d.instructions();
        w.dueAt = d.dueAt();
        return insert(w, d.actorId(), scope);
    }

    /** Numbers, stamps and stores a new work order (acknowledged), with its history row and event. */
    Uni<WorkOrder> insert(WorkOrder w, UUID actorId, Outbox.Scope scope) {
        Instant now = clock.instant();
        return numbers.next("WO").chain(number -> {
            w.id = UUID.randomUUID();
            w.number = number;
            w.status = WorkOrderStatus.ACKNOWLEDGED;
            w.dispatchedAt = now;
            w.createdAt = now;
            w.updatedAt = now;
            return w.<WorkOrder>persist();
        }).call(saved -> history(saved, "create", null, actorId, saved.unitId,
                        saved.request() ? saved.title : saved.instructions))
                .call(saved -> event(saved, scope));
    }

    @WithSession
    public Uni<WorkOrder> get(UUID id) {
        return WorkOrder.<WorkOrder>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("work order", id));
    }

    /** By id or by number (WO202612010001). */
    @WithSession
    public Uni<WorkOrder> get(String idOrNumber) {
        return Ids.byIdOrNumber("work order", idOrNumber, id -> WorkOrder.<WorkOrder>findById(id),
                n -> WorkOrder.<WorkOrder>find("number", n).firstResult());
    }

    /** List filters (TMF630): ids, and status and type repeated or comma-separated for OR. */
    public record Filter(String subjectId, String parentId, String unitId, String customerId, List<String> status,
                         List<String> type, String sort) {
    }

    private static final List<String> SORTS = List.of("dispatchedAt", "dueAt", "number", "updatedAt");

    @WithSession
    public Uni<Page<WorkOrder>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        UUID subject = errors.uuid("subjectId", f.subjectId());
        UUID parent = errors.uuid("parentId", f.parentId());
        UUID unit = errors.uuid("unitId", f.unitId());
        UUID customer = errors.uuid("customerId", f.customerId());
        List<WorkOrderStatus> statuses = errors.enums("status", f.status(), WorkOrderStatus.class);
        List<WorkOrderType> types = errors.enums("type", f.type(), WorkOrderType.class);
        String order = errors.sort(f.sort(), SORTS, "dispatchedAt desc");
        errors.throwIfAny();
        Query q = new Query().eq("subjectId", subject)
                .where("subjectType = '" + WorkOrder.SUBJECT + "' and subjectId = :parent", "parent", parent)
                .eq("unitId", unit).eq("customerId", customer).in("status", statuses).in("type", types)
                .orderBy(order + ", id");
        scoped.restrict(q, WorkOrderService::involves);
        return Paging.fetch(q, page, (w, p) -> WorkOrder.count(w, p), (w, p) -> WorkOrder.find(w, p));
    }

    /** A work order's history, oldest first; a cross-domain request's includes its tasks'. */
    @WithSession
    public Uni<List<WorkOrderHistory>> history(UUID id) {
        return get(id).chain(w -> w.request()
                ? WorkOrderHistory.list("workOrderId = ?1 or workOrderId in (select t.id from WorkOrder t "
                + "where t.subjectType = ?2 and t.subjectId = ?1) order by id", id, WorkOrder.SUBJECT)
                : WorkOrderHistory.list("workOrderId = ?1 order by id", id));
    }

    /** Work orders of one subject, oldest first, in the caller's session. */
    public Uni<List<WorkOrder>> ofSubject(UUID subjectId) {
        return WorkOrder.list("subjectId = ?1 order by dispatchedAt, number", subjectId);
    }

    /** What a work order's unit was told, oldest first. */
    @WithSession
    public Uni<List<WorkOrderNotice>> notices(UUID id) {
        return get(id).chain(w -> WorkOrderNotice.list("workOrderId = ?1 order by at, id", id));
    }

    /** T9: the progress a work order's unit reported, oldest first. */
    @WithSession
    public Uni<List<ProgressReport>> progressReports(UUID id) {
        return get(id).chain(w -> ProgressReport.list("workOrderId = ?1 order by reportedAt, id", id));
    }

    /** T9: one progress report of a work order (the Location of the report just filed). */
    @WithSession
    public Uni<ProgressReport> progressReport(UUID id, UUID reportId) {
        return get(id).chain(w -> ProgressReport.<ProgressReport>findById(reportId)).map(p -> {
            if (p == null || !id.equals(p.workOrderId)) {
                throw DomainException.notFound("progress report", reportId);
            }
            return p;
        });
    }

    /** The work orders that received a record (an information item, a wording), in the caller's session. */
    public Uni<List<WorkOrderNotice>> noticesOf(List<UUID> refIds) {
        return refIds.isEmpty() ? Uni.createFrom().item(List.of())
                : WorkOrderNotice.list("refId in ?1 order by at, id", refIds);
    }

    /**
     * Gives a work order's unit something to know, in the caller's transaction: the notice on the work
     * order, a history row, and a {@code WorkOrderNoticeEvent} on the ticket's (or order's) feed.
     */
    public Uni<WorkOrderNotice> notice(WorkOrder w, WorkOrderNotice.Kind kind, UUID refId, String text, UUID personId,
                                       UUID unitId) {
        WorkOrderNotice n = new WorkOrderNotice();
        n.id = UUID.randomUUID();
        n.workOrderId = w.id;
        n.kind = kind;
        n.refId = refId;
        n.text = text;
        n.personId = personId;
        n.unitId = unitId;
        n.at = clock.instant();
        return n.persist().chain(() -> history(w, "notice", w.status, personId, unitId, kind + ": " + text))
                .chain(() -> outbox.append(Outbox.Topic.workorders, NOTICE_EVENT, "WORK_ORDER", w.id, w.subjectId,
                        new Outbox.Scope(w.customerId, w.unitId, null), NoticeView.of(n)))
                .replaceWith(n);
    }

    public Uni<List<ProgressReport>> progressOf(UUID subjectId) {
        return ProgressReport.list("subjectId = ?1 order by reportedAt, id", subjectId);
    }

    @WithTransaction
    public Uni<WorkOrder> accept(UUID id, String personId, String ifMatch) {
        // T4: the handling position it was dispatched to confirms (接单确认).
        return act(id, WorkOrderAction.ACCEPT, personId, ofUnit("T4"), ifMatch, (w, person, now) -> {
            w.acceptedAt = now;
            w.acceptedBy = person.id;
            return Made.detail(null);
        });
    }

    @WithTransaction
    public Uni<WorkOrder> decline(UUID id, String personId, String note, String ifMatch) {
        return act(id, WorkOrderAction.DECLINE, personId, ofUnit("T4"), ifMatch, (w, person, now) -> {
            CrossDomainService.declineReason(w, note); // a cross-domain task's rejection (W1)
            w.result = note;
            w.completedAt = now;
            return Made.detail(note);
        });
    }

    @WithTransaction
    public Uni<WorkOrder> findings(UUID id, FindingsRequest body, String ifMatch) {
        return act(id, WorkOrderAction.FINDINGS, body.personId(), ofUnit("T16"), ifMatch, (w, person, now) -> {
            w.alarmFound = body.alarm();
            w.configChangeFound = body.configChange();
            w.findingsNote = body.note();
            w.findingsAt = now;
            return Made.detail("alarm=" + body.alarm() + " configChange=" + body.configChange());
        });
    }

    @WithTransaction
    public Uni<ProgressReport> progress(UUID id, ProgressRequest body) {
        ProgressReport[] made = new ProgressReport[1];
        return act(id, WorkOrderAction.PROGRESS, body.reporterId(), ofUnit("T9"), null, (w, person, now) -> {
            ProgressReport p = new ProgressReport();
            p.id = UUID.randomUUID();
            p.workOrderId = w.id;
            p.subjectId = w.subjectId;
            p.unitId = w.unitId;
            p.reporterId = person.id;
            p.reportedAt = now;
            p.handlerName = body.handlerName();
            p.operation = body.operation();
            p.faultSegment = body.faultSegment();
            p.cause = body.cause();
            p.interim = body.interim();
            made[0] = p;
            return p.persist().replaceWith(new Made(p.operation, p));
        }).map(w -> made[0]);
    }

    @WithTransaction
    public Uni<WorkOrder> complete(UUID id, CompleteRequest body, String ifMatch) {
        return act(id, WorkOrderAction.COMPLETE, body.personId(), ofUnit("T4"), ifMatch, (w, person, now) -> {
            w.completedAt = now;
            w.result = body.result();
            return Made.detail(body.result());
        });
    }

    /** Closes what is still open on a subject (ticket closed or cancelled), in the caller's transaction. */
    public Uni<Void> closeOpen(UUID subjectId, WorkOrderAction how, String result, Outbox.Scope scope) {
        Instant now = clock.instant();
        return ofSubject(subjectId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WorkOrder w : list) {
                if (!w.status.open()) {
                    continue;
                }
                chain = chain.chain(() -> {
                    WorkOrderStatus from = w.status;
                    w.status = how.apply(w);
                    w.completedAt = now;
                    w.result = result;
                    w.updatedAt = now;
                    return history(w, how.wire(), from, null, w.unitId, result).chain(() -> event(w, scope));
                });
            }
            return chain;
        });
    }

    /**
     * Completes one work order on behalf of its subject, in the caller's transaction (an order's segment reported
     * complete on the order, P8). Listeners are not called: the subject is the caller. A work order no longer
     * open is left as it is.
     */
    public Uni<WorkOrder> completeForSubject(UUID id, String result, Outbox.Scope scope) {
        return get(id).chain(w -> {
            if (!w.status.open()) {
                return Uni.createFrom().item(w);
            }
            Instant now = clock.instant();
            WorkOrderStatus from = w.status;
            w.status = WorkOrderStatus.COMPLETED;
            w.completedAt = now;
            w.result = result;
            w.updatedAt = now;
            return history(w, WorkOrderAction.COMPLETE.wire(), from, null, w.unitId, result)
                    .chain(() -> event(w, scope)).replaceWith(w);
        });
    }

    /** What a change made: the detail for the history row, and the report of a PROGRESS. */
    record Made(String detail, ProgressReport progress) {
        static Uni<Made> detail(String detail) {
            return Uni.createFrom().item(new Made(detail, null));
        }
    }

    @FunctionalInterface
    interface Change {
        Uni<Made> apply(WorkOrder w, Person actor, Instant now);
    }

    /** Who may act on a work order; throws the refusal otherwise. */
    @FunctionalInterface
    interface MayAct {
        void check(WorkOrder w, Person actor);
    }

    /** A person of the unit the work order was dispatched to; refused citing {@code rule}. */
    static MayAct ofUnit(String rule) {
        return (w, person) -> {
            if (!person.unitId.equals(w.unitId)) {
                throw DomainException.rule(CrossDomainService.ruleOfUnit(w, rule), "wo.notOfUnit", person.name);
            }
        };
    }

    /**
     * One home for every work-order action: state check, actor check, change, history, listeners, event. The
     * version bump (updatedAt always changes) makes concurrent actions on one work order conflict.
     */
    Uni<WorkOrder> act(UUID id, WorkOrderAction action, String personId, MayAct mayAct, String ifMatch,
                       Change change) {
        UUID actorId = Ids.ref("person", personId);
        return Commands.lock(WorkOrder.class, id, "work order")
                .chain(w -> {
                    Versions.check(ifMatch, w.version);
                    WorkOrderStatus from = w.status;
                    WorkOrderStatus next = action.apply(w);
                    return directory.person(actorId).chain(person -> {
                        mayAct.check(w, person);
                        Instant now = clock.instant();
                        return change.apply(w, person, now).chain(made -> {
                            w.status = next;
                            w.updatedAt = now;
                            return history(w, action.wire(), from, person.id, person.unitId, made.detail())
                                    .chain(() -> notifyListeners(w, action, made.progress(), person.id))
                                    .chain(() -> action == WorkOrderAction.PROGRESS
                                            ? Uni.createFrom().voidItem() : event(w, Outbox.Scope.NONE))
                                    .replaceWith(w);
                        });
                    });
                });
    }

    private Uni<Void> notifyListeners(WorkOrder w, WorkOrderAction action, ProgressReport progress, UUID actorId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WorkOrderListener l : listeners) {
            if (l.handles(w.type)) {
                chain = chain.chain(() -> l.changed(w, action, progress, actorId));
            }
        }
        return chain;
    }

    private Uni<Void> history(WorkOrder w, String action, WorkOrderStatus from, UUID actorId, UUID unitId,
                              String detail) {
        WorkOrderHistory h = new WorkOrderHistory();
        h.workOrderId = w.id;
        h.at = clock.instant();
        h.action = action;
        h.actorId = actorId;
        h.unitId = unitId;
        h.fromStatus = from;
        h.toStatus = w.status;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    Uni<Void> event(WorkOrder w, Outbox.Scope scope) {
        Outbox.Scope s = new Outbox.Scope(w.customerId, w.unitId, scope.province());
        // Root = the ticket, order or cross-domain request dispatched for, so the event shows on that one's feed; a
        // request (no subject) is its own root (V6's trigger falls back to the subject itself).
        return outbox.append(Outbox.Topic.workorders, "WorkOrderStateChangeEvent", "WORK_ORDER", w.id, w.subjectId,
                s, WorkOrderView.of(w));
    }
}
