package cn.onepoint.sla;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import cn.onepoint.directory.UnitKind;
import cn.onepoint.feed.Outbox;
import cn.onepoint.notify.Notification;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.dto.EscalationView;
import cn.onepoint.sla.dto.TimerView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The timer API features call. Write methods join the caller's {@code @WithTransaction} (Hibernate
 * Reactive runs nested work in the transaction already open on the session), so a timer starts or stops
 * together with the change that caused it. Rows are locked while changed, so a stop and a concurrent
 * sweep never both win: whichever comes second sees the other's result.
 */
@ApplicationScoped
public class TimerService {

    public static final String STATE_CHANGE_EVENT = "TimerStateChangeEvent";
    public static final String ESCALATION_EVENT = "EscalationEvent";

    private static final List<TimerState> OPEN = List.of(TimerState.running, TimerState.paused);

    private final Clock clock;
    private final SlaPolicy policy;
    private final Outbox outbox;
    private final EscalationPlanner planner;
    private final Notifications notifications;
    private final TimerScope scope;

    public TimerService(Clock clock, SlaPolicy policy, Outbox outbox, EscalationPlanner planner,
                        Notifications notifications, TimerScope scope) {
        this.scope = scope;
        this.clock = clock;
        this.policy = policy;
        this.outbox = outbox;
        this.planner = planner;
        this.notifications = notifications;
    }

    // ---- the feature API ---------------------------------------------------------------------------

    /**
     * Starts a timer now. 409 when one of the same kind is already running or paused for the subject
     * (use {@link #restart}).
     */
    @WithTransaction
    public Uni<Timer> start(TimerSpec spec) {
        Instant now = now();
        Timer t = new Timer();
        t.id = Uuids.timeOrdered(now);
        t.kind = spec.kind();
        t.rule = spec.kind().rule();
        t.subjectType = spec.subjectType();
        t.subjectId = spec.subjectId();
        t.state = TimerState.running;
        t.startedAt = now;
        Duration limit;
        if (spec.dueAt() != null) {
            t.dueAt = micros(spec.dueAt());
            limit = Duration.between(now, t.dueAt);
        } else {
            limit = spec.limit() != null ? spec.limit() : policy.fixedLimit(spec.kind()).orElseThrow(
                    () -> new IllegalArgumentException("A " + spec.kind() + " timer needs a limit or a due time"));
            t.dueAt = micros(now.plus(limit));
        }
        t.limitSeconds = limit.toSeconds();
        if (spec.warnAt() != null) {
            t.warnAt = micros(spec.warnAt());
        } else if (spec.kind().warns() && !limit.isNegative() && !limit.isZero()) {
            t.warnAt = micros(now.plusNanos((long) (limit.toNanos() * policy.warnShare())));
        }
        t.unitId = spec.unitId();
        t.customerId = spec.customerId();
        t.province = spec.province();
        t.createdAt = now;
        return Timer.count("subjectType = ?1 and subjectId = ?2 and kind = ?3 and state in ?4",
                        t.subjectType, t.subjectId, t.kind, OPEN)
                .chain(open -> {
                    if (open > 0) {
                        throw DomainException.conflict("TIMER_RUNNING", "sla.timerRunning", t.kind, t.subjectType,
                                t.subjectId);
                    }
                    return t.<Timer>persist();
                })
                .call(saved -> event(saved, now));
    }

    /**
     * Stops the subject's timer of that kind: met if in time; a breached one stays breached and is
     * recorded as stopped late (which also ends its escalation). Null item when nothing was open.
     */
    @WithTransaction
    public Uni<Timer> stop(SubjectType subjectType, UUID subjectId, TimerKind kind) {
        Instant now = now();
        return openForUpdate(subjectType, subjectId, kind).chain(list -> {
            for (Timer t : list) {
                if (t.state.isOpen()) {
                    closePause(t, now);
                    t.state = t.state.moveTo(TimerState.met, "stop");
                } else {
                    t.nextEscalationAt = null;
                }
                t.stoppedAt = now;
            }
            return events(list, now).replaceWith(primary(list));
        });
    }

    /** Stop + start again: the cycles of handler progress (T9) and customer updates (T10). */
    @WithTransaction
    public Uni<Timer> restart(TimerSpec spec) {
        // Flush the stop first: the one-open-timer index must see it before the new row is inserted.
        return stop(spec.subjectType(), spec.subjectId(), spec.kind())
                .chain(() -> Panache.flush())
                .chain(() -> start(spec));
    }

    /**
     * Stops the clock (T8 suspension). A paused timer is not swept. No-op when already paused, or when
     * breached: the breach has happened, and whether a suspension is exempt is decided at close (T8).
     */
    @WithTransaction
    public Uni<Timer> pause(SubjectType subjectType, UUID subjectId, TimerKind kind) {
        Instant now = now();
        return current(subjectType, subjectId, kind).chain(t -> {
            if (t == null || t.state != TimerState.running) {
                return Uni.createFrom().item(t);
            }
            t.state = t.state.moveTo(TimerState.paused, "pause");
            t.pausedAt = now;
            return event(t, now).replaceWith(t);
        });
    }

    /** Restarts the clock: due and warning times move later by exactly the paused time, which is recorded. */
    @WithTransaction
    public Uni<Timer> resume(SubjectType subjectType, UUID subjectId, TimerKind kind) {
        Instant now = now();
        return current(subjectType, subjectId, kind).chain(t -> {
            if (t == null || t.state != TimerState.paused) {
                return Uni.createFrom().item(t);
            }
            closePause(t, now);
            t.state = t.state.moveTo(TimerState.running, "resume");
            return event(t, now).replaceWith(t);
        });
    }

    /** Cancels every open timer of the subject (ticket cancelled, order withdrawn); breached ones stop escalating. */
    @WithTransaction
    public Uni<Integer> cancelAll(SubjectType subjectType, UUID subjectId) {
        Instant now = now();
        return Timer.<Timer>find("subjectType = ?1 and subjectId = ?2"
                                + " and (state in ?3 or (state = ?4 and stoppedAt is null)) order by createdAt",
                        subjectType, subjectId, OPEN, TimerState.breached)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(list -> {
                    for (Timer t : list) {
                        if (t.state.isOpen()) {
                            closePause(t, now);
                            t.state = t.state.moveTo(TimerState.cancelled, "cancel");
                        } else {
                            t.nextEscalationAt = null;
                        }
                        t.stoppedAt = now;
                    }
                    return events(list, now).replaceWith(list.size());
                });
    }

    /** Every timer of a subject, oldest first. */
    @WithSession
    public Uni<List<Timer>> forSubject(SubjectType subjectType, UUID subjectId) {
        return Timer.list("subjectType = ?1 and subjectId = ?2 order by createdAt, id", subjectType, subjectId);
    }

    /** Every timer of some subjects (a cutover and its customers' notices), oldest first. */
    @WithSession
    public Uni<List<Timer>> forSubjects(Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Timer.list("subjectId in ?1 order by createdAt, id", subjectIds);
    }

    /**
     * T13 / A2: escalates a subject at once (total outage, major fault, assurance period, external) to the
     * supervisor of {@code unitId} and the customer's CCE; the CM is notified. Either id may be null.
     */
    @WithTransaction
    public Uni<Escalation> escalateNow(SubjectType subjectType, UUID subjectId, EscalationReason reason,
                                       UUID unitId, UUID customerId) {
        return escalateNow(subjectType, subjectId, reason, unitId, customerId, 1);
    }

    /** As above, to {@code level} (1 = the first tier) at {@code unitId}. */
    public Uni<Escalation> escalateNow(SubjectType subjectType, UUID subjectId, EscalationReason reason,
                                       UUID unitId, UUID customerId, int level) {
        Instant now = now();
        Uni<Unit> unit = unitId == null ? Uni.createFrom().nullItem()
                : Unit.<Unit>findById(unitId).onItem().ifNull().failWith(() -> DomainException.notFound("unit", unitId));
        Uni<Customer> customer = customerId == null ? Uni.createFrom().nullItem()
                : Customer.<Customer>findById(customerId).onItem().ifNull()
                .failWith(() -> DomainException.notFound("customer", customerId));
        return unit.chain(u -> supervisors(u).chain(supervisors -> customer.chain(c -> {
            EscalationPlanner.Target target = new EscalationPlanner.Target(u == null ? null : u.id,
                    u == null ? null : u.tier, u == null ? null : u.name, supervisors,
                    c == null ? null : c.cceId, c == null ? null : c.cmId);
            EscalationPlanner.Plan plan = planner.forReason(subjectType, subjectId, customerId, reason, level, target,
                    now);
            return plan.escalation().persist()
                    // nobody to notify (a unit without supervisor, a customer without CCE or CM) still escalates
                    .chain(() -> notifications.persist(plan.notifications()))
                    .chain(() -> outbox.append(Outbox.Topic.timers, ESCALATION_EVENT, subjectType.name(), subjectId,
                            new Outbox.Scope(customerId, unitId, u == null ? null : u.province),
                            EscalationView.event(plan.escalation(), plan.notifications())))
                    .replaceWith(plan.escalation());
        })));
    }

    /**
     * T13: the unit one tier above {@code unitId}, as the sweep escalates a breach: its parent (LOCAL → PROVINCE →
     * GROUP), the group control desk for a province without a parent; a GROUP unit has nothing above it and
     * stays where it is.
     */
    public Uni<UUID> unitAbove(UUID unitId) {
        return Unit.<Unit>findById(unitId).chain(u -> {
            if (u == null || u.tier == Tier.GROUP) {
                return Uni.createFrom().item(unitId);
            }
            if (u.parentId != null) {
                return Uni.createFrom().item(u.parentId);
            }
            return Unit.<Unit>find("tier = ?1 and kind = ?2 order by createdAt, id", Tier.GROUP, UnitKind.CONTROL_DESK)
                    .firstResult().map(g -> g == null ? unitId : g.id);
        });
    }

    /** T13: the supervisors of a unit (people with the SUPERVISOR role). */
    private static Uni<List<UUID>> supervisors(Unit u) {
        if (u == null) {
            return Uni.createFrom().item(List.of());
        }
        return Person.<Person>list("unitId = ?1 order by createdAt, id", u.id)
                .map(people -> people.stream().filter(p -> p.roles.contains(Role.SUPERVISOR)).map(p -> p.id).toList());
    }

    // ---- the read side: what the caller's scope lets them see (TimerScope) ----------------------------

    @WithSession
    public Uni<Timer> timer(UUID id) {
        return scope.find(id);
    }

    @WithSession
    public Uni<Page<Timer>> timers(Query q, PageParams page) {
        Query scoped = scope.restrict(q);
        return Paging.fetch(scoped, page, (w, p) -> Timer.count(w, p), (w, p) -> Timer.find(w, p));
    }

    /** The timers of a subject the caller may see (404 for one that does not exist or lies outside the scope). */
    @WithSession
    public Uni<List<Timer>> ofSubject(SubjectType subjectType, UUID subjectId) {
        return scope.subjectVisible(subjectType, subjectId).chain(() -> forSubject(subjectType, subjectId));
    }

    /** A timer's escalations, lowest level first, each with the people told. */
    @WithSession
    public Uni<List<EscalationView>> escalations(UUID timerId) {
        return withNotifications(Escalation.<Escalation>list("timerId = ?1 order by level", timerId));
    }

    /** Escalations of some subjects (a ticket and its work orders), oldest first, with who was notified. */
    public Uni<List<EscalationView>> escalationsOf(List<UUID> subjectIds) {
        return withNotifications(Escalation.<Escalation>list(
                "subjectId in ?1 order by escalatedAt, level, id", subjectIds));
    }

    private static Uni<List<EscalationView>> withNotifications(Uni<List<Escalation>> found) {
        return found.chain(escalations -> escalations.isEmpty() ? Uni.createFrom().item(List.<EscalationView>of())
                        : Notification.<Notification>list("escalationId in ?1 order by createdAt, role, id",
                                escalations.stream().map(e -> e.id).toList())
                        .map(ns -> {
                            Map<UUID, List<Notification>> by = ns.stream()
                                    .collect(Collectors.groupingBy(n -> n.escalationId));
                            return escalations.stream()
                                    .map(e -> EscalationView.of(e, by.getOrDefault(e.id, List.of()))).toList();
                        }));
    }

    public Instant now() {
        return micros(clock.instant());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** PostgreSQL keeps microseconds; so do we, so a value read back equals the value written. */
    static Instant micros(Instant i) {
        return i.truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<List<Timer>> openForUpdate(SubjectType subjectType, UUID subjectId, TimerKind kind) {
        return Timer.<Timer>find("subjectType = ?1 and subjectId = ?2 and kind = ?3"
                                + " and (state in ?4 or (state = ?5 and stoppedAt is null)) order by createdAt desc",
                        subjectType, subjectId, kind, OPEN, TimerState.breached)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The open timer of that kind if any, else a breached one still running late, else null. */
    private Uni<Timer> current(SubjectType subjectType, UUID subjectId, TimerKind kind) {
        return openForUpdate(subjectType, subjectId, kind).map(TimerService::primary);
    }

    private static Timer primary(List<Timer> list) {
        return list.stream().filter(t -> t.state.isOpen()).findFirst().orElse(list.isEmpty() ? null : list.get(0));
    }

    private static void closePause(Timer t, Instant now) {
        if (t.pausedAt == null) {
            return;
        }
        Duration paused = Duration.between(t.pausedAt, now);
        t.dueAt = t.dueAt.plus(paused);
        if (t.warnAt != null) {
            t.warnAt = t.warnAt.plus(paused);
        }
        List<PausedInterval> intervals = new ArrayList<>(t.pausedIntervals);
        intervals.add(new PausedInterval(t.pausedAt, now));
        t.pausedIntervals = intervals;
        t.pausedSeconds = intervals.stream().map(PausedInterval::length).reduce(Duration.ZERO, Duration::plus)
                .toSeconds();
        t.pausedAt = null;
    }

    private Uni<Void> event(Timer t, Instant now) {
        return outbox.append(Outbox.Topic.timers, STATE_CHANGE_EVENT, t.subjectType.name(), t.subjectId,
                new Outbox.Scope(t.customerId, t.unitId, t.province), TimerView.of(t, now));
    }

    private Uni<Void> events(Collection<Timer> timers, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Timer t : timers) {
            chain = chain.chain(() -> event(t, now));
        }
        return chain;
    }
}
