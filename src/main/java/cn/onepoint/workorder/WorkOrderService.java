package cn.onepoint.workorder;

import cn.onepoint.common.DomainException;
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
import cn.onepoint.workorder.dto.CompleteRequest;
import cn.onepoint.workorder.dto.FindingsRequest;
import cn.onepoint.workorder.dto.ProgressRequest;
import cn.onepoint.workorder.dto.WorkOrderView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Work orders: dispatch to a unit, accept, report, complete (TMF697 states, W1, T4, T9, T16). */
@ApplicationScoped
public class WorkOrderService {

    private final Clock clock;
    private final Numbers numbers;
    private final DirectoryService directory;
    private final Outbox outbox;
    private final Instance<WorkOrderListener> listeners;

    public WorkOrderService(Clock clock, Numbers numbers, DirectoryService directory, Outbox outbox,
                            Instance<WorkOrderListener> listeners) {
        this.clock = clock;
        this.numbers = numbers;
        this.directory = directory;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /** What a dispatching feature asks for: one work order to one unit. */
    public record Dispatch(WorkOrderType type, String subjectType, UUID subjectId, UUID unitId, Segment segment,
                           int stage, String instructions) {
    }

    /** Creates a work order in the caller's transaction. */
    public Uni<WorkOrder> create(Dispatch d, Outbox.Scope scope) {
        Instant now = clock.instant();
        return numbers.next("WO").chain(number -> {
            WorkOrder w = new WorkOrder();
            w.id = UUID.randomUUID();
            w.number = number;
            w.type = d.type();
            w.status = WorkOrderStatus.ACKNOWLEDGED;
            w.subjectType = d.subjectType();
            w.subjectId = d.subjectId();
            w.unitId = d.unitId();
            w.customerId = scope.customerId();
            w.segment = d.segment();
            w.stage = (short) d.stage();
            w.instructions = d.instructions();
            w.dispatchedAt = now;
            w.createdAt = now;
            w.updatedAt = now;
            return w.<WorkOrder>persist();
        }).call(w -> event(w, scope));
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

    @WithSession
    public Uni<Page<WorkOrder>> list(String subjectId, String unitId, List<WorkOrderStatus> status,
                                     WorkOrderType type, PageParams page) {
        Query q = new Query()
                .eq("subjectId", subjectId == null ? null : Ids.ref("subject", subjectId))
                .eq("unitId", unitId == null ? null : Ids.ref("unit", unitId))
                .in("status", status).eq("type", type)
                .orderBy("dispatchedAt desc, id");
        return Paging.fetch(q, page, (w, p) -> WorkOrder.count(w, p), (w, p) -> WorkOrder.find(w, p));
    }

    /** Work orders of one subject, oldest first, in the caller's session. */
    public Uni<List<WorkOrder>> ofSubject(UUID subjectId) {
        return WorkOrder.list("subjectId = ?1 order by dispatchedAt, number", subjectId);
    }

    public Uni<List<ProgressReport>> progressOf(UUID subjectId) {
        return ProgressReport.list("subjectId = ?1 order by reportedAt, id", subjectId);
    }

    @WithTransaction
    public Uni<WorkOrder> accept(UUID id, String personId, String ifMatch) {
        // T4: the handling position it was dispatched to confirms (接单确认).
        return act(id, WorkOrderAction.ACCEPT, personId, "T4", ifMatch, (w, person, now) -> {
            w.acceptedAt = now;
            w.acceptedBy = person.id;
            return Uni.createFrom().nullItem();
        });
    }

    @WithTransaction
    public Uni<WorkOrder> decline(UUID id, String personId, String note, String ifMatch) {
        return act(id, WorkOrderAction.DECLINE, personId, "T4", ifMatch, (w, person, now) -> {
            w.result = note;
            w.completedAt = now;
            return Uni.createFrom().nullItem();
        });
    }

    @WithTransaction
    public Uni<WorkOrder> findings(UUID id, FindingsRequest body, String ifMatch) {
        return act(id, WorkOrderAction.FINDINGS, body.personId(), "T16", ifMatch, (w, person, now) -> {
            w.alarmFound = body.alarm();
            w.configChangeFound = body.configChange();
            w.findingsNote = body.note();
            w.findingsAt = now;
            return Uni.createFrom().nullItem();
        });
    }

    @WithTransaction
    public Uni<ProgressReport> progress(UUID id, ProgressRequest body) {
        ProgressReport[] made = new ProgressReport[1];
        return act(id, WorkOrderAction.PROGRESS, body.reporterId(), "T9", null, (w, person, now) -> {
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
            return p.persist().replaceWith(p);
        }).map(w -> made[0]);
    }

    @WithTransaction
    public Uni<WorkOrder> complete(UUID id, CompleteRequest body, String ifMatch) {
        return act(id, WorkOrderAction.COMPLETE, body.personId(), "T4", ifMatch, (w, person, now) -> {
            w.completedAt = now;
            w.result = body.result();
            return Uni.createFrom().nullItem();
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
                    w.status = how.apply(w.status);
                    w.completedAt = now;
                    w.result = result;
                    w.updatedAt = now;
                    return event(w, scope);
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
            w.status = WorkOrderStatus.COMPLETED;
            w.completedAt = now;
            w.result = result;
            w.updatedAt = now;
            return event(w, scope).replaceWith(w);
        });
    }

    @FunctionalInterface
    private interface Change {
        Uni<?> apply(WorkOrder w, Person actor, Instant now);
    }

    /** One home for every work-order action: state check, actor check, change, listener, event. */
    private Uni<WorkOrder> act(UUID id, WorkOrderAction action, String personId, String rule, String ifMatch,
                               Change change) {
        UUID actorId = Ids.ref("person", personId);
        return WorkOrder.<WorkOrder>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("work order", id))
                .chain(w -> {
                    Versions.check(ifMatch, w.version);
                    WorkOrderStatus next = action.apply(w.status);
                    return directory.person(actorId).chain(person -> {
                        if (!person.unitId.equals(w.unitId)) {
                            throw DomainException.rule(rule, "wo.notOfUnit", person.name);
                        }
                        Instant now = clock.instant();
                        return change.apply(w, person, now).chain(made -> {
                            w.status = next;
                            w.updatedAt = now;
                            ProgressReport report = made instanceof ProgressReport p ? p : null;
                            return notifyListeners(w, action, report, person.id)
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

    private Uni<Void> event(WorkOrder w, Outbox.Scope scope) {
        Outbox.Scope s = new Outbox.Scope(w.customerId, w.unitId, scope.province());
        // Root = the ticket or order dispatched, so the event shows on that ticket's live feed.
        return outbox.append(Outbox.Topic.workorders, "WorkOrderStateChangeEvent", "WORK_ORDER", w.id, w.subjectId,
                s, WorkOrderView.of(w));
    }
}
