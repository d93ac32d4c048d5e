package cn.onepoint.order;

import cn.onepoint.auth.Scope;
import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.notify.Notification;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimedSubject;
import cn.onepoint.workorder.WorkOrder;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The read side of orders: one order, lists with TMF630 filters, the warning pool, and each sub-resource. */
@ApplicationScoped
public class OrderQueries {

    /** P6: 到期未完成且又未事先预警. */
    public static final String OVERDUE_WITHOUT_WARNING = "overdueWithoutWarning";

    private static final List<String> SORTS = List.of("createdAt", "dueDate", "number", "updatedAt");

    private final Clock clock;

    private final ScopedReads scoped;

    public OrderQueries(Clock clock, ScopedReads scoped) {
        this.clock = clock;
        this.scoped = scoped;
    }

    /** Publishes this scope predicate to the timer engine, which scopes the timers by their subject. */
    @Produces
    @Singleton
    static TimedSubject timed() {
        return new TimedSubject(SubjectType.ORDER, "ProvisioningOrder", "provisioning order", OrderQueries::involves);
    }

    /**
     * Scoping (docs/security.md): the orders whose lead bureau, circuit ends, backbone or a segment's unit lies in
     * the caller's scope.
     */
    static String involves(Scope scope) {
        return scope.anyIn(List.of("leadUnitId", "aEnd.unitId", "zEnd.unitId", "backboneUnitId"),
                "id in (select s.orderId from OrderSegment s where " + scope.unitIn("s.unitId") + ")");
    }

    /** An order the caller may see, else 404. */
    public Uni<ProvisioningOrder> visible(ProvisioningOrder o) {
        return scoped.visible(o, o.id, "ProvisioningOrder", "order", OrderQueries::involves);
    }

    public record Filter(List<String> status, List<String> step, String customerId, String circuitId, String flag,
                         String sort) {
    }

    /** A segment with its work order, for the segments list. */
    public record SegmentWithTask(OrderSegment segment, WorkOrder workOrder) {
    }

    @WithSession
    public Uni<ProvisioningOrder> get(UUID id) {
        return ProvisioningOrder.<ProvisioningOrder>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("order", id));
    }

    /** By id or by number (SO202612010001). */
    @WithSession
    public Uni<ProvisioningOrder> get(String idOrNumber) {
        return Ids.byIdOrNumber("order", idOrNumber, id -> ProvisioningOrder.<ProvisioningOrder>findById(id),
                n -> ProvisioningOrder.<ProvisioningOrder>find("number", n).firstResult());
    }

    @WithSession
    public Uni<Page<ProvisioningOrder>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<OrderStatus> statuses = errors.enums("status", f.status(), OrderStatus.class);
        List<OrderStep> steps = errors.enums("step", f.step(), OrderStep.class);
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID circuit = errors.uuid("circuitId", f.circuitId());
        boolean overdue = false;
        if (f.flag() != null && !f.flag().isBlank()) {
            if (OVERDUE_WITHOUT_WARNING.equals(f.flag())) {
                overdue = true;
            } else {
                errors.add("flag", "unknownEnum", f.flag(), OVERDUE_WITHOUT_WARNING);
            }
        }
        String order = errors.sort(f.sort(), SORTS, "createdAt desc");
        errors.throwIfAny();
        Query q = new Query().in("status", statuses).in("step", steps).eq("customerId", customer)
                .eq("circuitId", circuit).orderBy(order + ", id");
        if (overdue) {
            // P6: still open, past its due time, and no warning filed.
            q.in("status", List.copyOf(OrderStatus.OPEN))
                    .where("warningCount = 0 and dueAt < :now", "now", clock.instant());
        }
        scoped.restrict(q, OrderQueries::involves);
        return Paging.fetch(q, page, (w, p) -> ProvisioningOrder.count(w, p), (w, p) -> ProvisioningOrder.find(w, p));
    }

    /**
     * P6: the warning pool 电路预警: open orders that filed a warning, or whose scheduled entry (10 working days
     * before the due date; at once for expedited orders with fewer) has come. Soonest due first.
     */
    @WithSession
    public Uni<Page<ProvisioningOrder>> pool(PageParams page) {
        Query q = new Query().in("status", List.copyOf(OrderStatus.OPEN))
                .where("(warningCount > 0 or poolEntryAt <= :now)", "now", clock.instant())
                .orderBy("dueDate asc, number");
        scoped.restrict(q, OrderQueries::involves);
        return Paging.fetch(q, page, (w, p) -> ProvisioningOrder.count(w, p), (w, p) -> ProvisioningOrder.find(w, p));
    }

    @WithSession
    public Uni<List<OrderHistory>> history(UUID id) {
        return get(id).chain(o -> OrderHistory.list("orderId = ?1 order by id", id));
    }

    @WithSession
    public Uni<List<SegmentWithTask>> segments(UUID id) {
        return get(id).chain(o -> OrderSegment.<OrderSegment>list("orderId = ?1 order by segment, id", id))
                .chain(segments -> segments.isEmpty() ? Uni.createFrom().item(List.<SegmentWithTask>of())
                        : WorkOrder.<WorkOrder>list("id in ?1", segments.stream().map(s -> s.workOrderId).toList())
                        .map(wos -> {
                            Map<UUID, WorkOrder> byId = wos.stream()
                                    .collect(Collectors.toMap(w -> w.id, Function.identity()));
                            return segments.stream().map(s -> new SegmentWithTask(s, byId.get(s.workOrderId)))
                                    .toList();
                        }));
    }

    @WithSession
    public Uni<List<OrderTest>> tests(UUID id) {
        return get(id).chain(o -> OrderTest.list("orderId = ?1 order by testedAt, id", id));
    }

    @WithSession
    public Uni<List<OrderProgress>> progressReports(UUID id) {
        return get(id).chain(o -> OrderProgress.list("orderId = ?1 order by reportedAt, id", id));
    }

    @WithSession
    public Uni<List<OrderWarning>> warnings(UUID id) {
        return get(id).chain(o -> OrderWarning.list("orderId = ?1 order by filedAt, id", id));
    }

    /** Who was told about the order (P2, P3, P6, P8), oldest first. */
    @WithSession
    public Uni<List<Notification>> notifications(UUID id) {
        return get(id).chain(o -> Notification.list("subjectType = ?1 and subjectId = ?2 order by createdAt, id",
                SubjectType.ORDER, id));
    }
}
