package cn.onepoint.sla;

import cn.onepoint.directory.Tier;
import cn.onepoint.notify.Notification;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.dto.EscalationView;
import cn.onepoint.sla.dto.TimerView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Warns, breaches and escalates due timers (T13), with plain SQL on the reactive PostgreSQL client.
 *
 * <p><b>Exactly once.</b> Each batch is one transaction that claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, changes their state (warned_at set / state breached / escalation level
 * raised) and writes the breach record, the escalation and notification rows and the outbox events. The
 * claim only matches rows still in the "not yet done" state, and the row lock makes a second sweeper (another
 * instance on the same database) skip rows being handled, so two sweepers never take the same row. A
 * sweeper that dies between claim and commit rolls back: its locks go, nothing was written, and the rows
 * are still due for the next sweep. A committed transaction leaves the rows in a state the claim no longer
 * matches. So each timer is warned, breached and escalated to each level at most once, and — since a due
 * row stays claimable until a sweep commits — at least once: exactly once. The unique keys on
 * timer_breach(timer_id) and escalation(timer_id, level) hold the database to it as well.
 *
 * <p><b>Timeliness.</b> The schedule ({@code onepoint.sla.sweep-interval}) is a safety net: after each
 * sweep the next due time is read from the partial indexes and a one-shot wake-up is set for it, so
 * detection lag does not depend on the interval. Timers that fell due while the service was down are due
 * rows like any other: the first sweep after start takes them, once.
 */
@ApplicationScoped
public class TimerSweep {

    private static final Logger LOG = Logger.getLogger(TimerSweep.class);
    /** When something is still due right after a sweep (newly due, or locked by a caller), look again this soon. */
    private static final long BUSY_RETRY_MILLIS = 10;

    static final String BREACH_EVENT = "TimerBreachEvent";
    static final String WARNING_EVENT = "TimerWarningEvent";

    /**
     * Claims due rows (locking them, skipping rows another sweeper holds) and, in the same statement, finds
     * where each escalates next (T13): the first escalation to the timer's own unit, each further one to the
     * parent of the last unit (LOCAL → PROVINCE → GROUP; a province without a parent goes to the group
     * control desk), nothing above GROUP; with that unit's supervisors and the customer's CCE and CM.
     */
    private static final String CLAIM = """
            with claimed as (
                select * from timer
                 where %s
                 order by %s
                 limit $2
                 for update skip locked
            )
            select c.*, tu.id as target_unit_id, tu.tier as target_tier, tu.name as target_name,
                   array(select p.id from person p
                          where p.unit_id = tu.id and p.roles like '%%SUPERVISOR%%'
                          order by p.created_at, p.id) as supervisors,
                   cu.cce_id, cu.cm_id
              from claimed c
              left join unit cur on cur.id = case when c.escalation_level = 0 then c.unit_id
                                                  else c.escalation_unit_id end
              left join unit tu on tu.id = case
                    when c.escalation_level = 0 then c.unit_id
                    when cur.tier = 'GROUP' then null
                    else coalesce(cur.parent_id, (select g.id from unit g
                                                   where g.tier = 'GROUP' and g.kind = 'CONTROL_DESK'
                                                   order by g.created_at, g.id limit 1))
                  end
              left join customer cu on cu.id = c.customer_id""";

    /** Running timers past their due time (partial index timer_due_idx). */
    static final String CLAIM_BREACHES = CLAIM.formatted("state = 'running' and due_at <= $1", "due_at");

    /** Breached timers, still not stopped, whose next escalation tier is due (timer_escalate_idx). */
    static final String CLAIM_ESCALATIONS = CLAIM.formatted(
            "next_escalation_at is not null and next_escalation_at <= $1 and state = 'breached'",
            "next_escalation_at");

    private static final String CLAIM_WARNINGS = """
            with claimed as (
                select id from timer
                 where state = 'running' and warned_at is null and warn_at <= $1 and due_at > $1
                 order by warn_at
                 limit $2
                 for update skip locked
            )
            update timer t
               set warned_at = $1, version = t.version + 1
              from claimed c
             where t.id = c.id and t.state = 'running' and t.warned_at is null
            returning t.*""";

    private static final String OUTBOX_ROWS = """
            select 'timers', o.event_type, o.subject_type, o.subject_id, o.customer_id, o.unit_id, o.province,
                   o.payload::jsonb, $1
              from unnest(%s::text[], %s::text[], %s::uuid[], %s::uuid[], %s::uuid[], %s::text[], %s::text[])
                   with ordinality as o(event_type, subject_type, subject_id, customer_id, unit_id, province, payload, ord)
             order by o.ord""";
    private static final String OUTBOX_COLUMNS =
            "insert into event_outbox (topic, event_type, subject_type, subject_id, customer_id, unit_id, province,"
                    + " payload, event_time)\n";

    private static final String INSERT_OUTBOX = OUTBOX_COLUMNS
            + OUTBOX_ROWS.formatted("$2", "$3", "$4", "$5", "$6", "$7", "$8");

    /**
     * Everything a batch decided, in one statement: breach records, escalations, notifications, outbox
     * events, and each timer's new state (breached and/or one escalation level up) in a single update.
     */
    private static final String WRITE = """
            with breach as (
                insert into timer_breach (timer_id, kind, rule, subject_type, subject_id, unit_id, customer_id,
                                          province, due_at, breached_at)
                select t.id, t.kind, t.rule, t.subject_type, t.subject_id, t.unit_id, t.customer_id, t.province,
                       t.due_at, $1
                  from timer t where t.id = any($2::uuid[])
            ), esc as (
                insert into escalation (id, timer_id, subject_type, subject_id, customer_id, level, tier, unit_id,
                                        reason, escalated_at)
                select e.*, $1
                  from unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::int[], $9::text[],
                              $10::uuid[], $11::text[])
                       as e(id, timer_id, subject_type, subject_id, customer_id, level, tier, unit_id, reason)
            ), ntf as (
                insert into notification (id, escalation_id, recipient_id, role, channel, text, subject_type,
                                          subject_id, created_at)
                select n.*, $1
                  from unnest($12::uuid[], $13::uuid[], $14::uuid[], $15::text[], $16::text[], $17::text[],
                              $18::text[], $19::uuid[])
                       as n(id, escalation_id, recipient_id, role, channel, text, subject_type, subject_id)
            ), evt as (
            """ + OUTBOX_COLUMNS + OUTBOX_ROWS.formatted("$20", "$21", "$22", "$23", "$24", "$25", "$26") + """
            )
            update timer t
               set state = case when u.breach then 'breached' else t.state end,
                   breached_at = case when u.breach then $1 else t.breached_at end,
                   escalation_level = u.level, escalation_tier = u.tier, escalation_unit_id = u.unit_id,
                   next_escalation_at = u.next_at, version = t.version + 1
              from unnest($27::uuid[], $28::bool[], $29::int[], $30::text[], $31::uuid[], $32::timestamptz[])
                   as u(id, breach, level, tier, unit_id, next_at)
             where t.id = u.id""";

    private static final String EARLIEST_DUE = """
            select least((select min(due_at) from timer where state = 'running'),
                         (select min(warn_at) from timer where state = 'running' and warned_at is null),
                         (select min(next_escalation_at) from timer where next_escalation_at is not null)) as earliest""";

    private final Pool pool;
    private final Clock clock;
    private final SlaPolicy policy;
    private final EscalationPlanner planner;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Event<BreachesCommitted> committed;
    private final Duration interval;

    private final Counter warnings;
    private final Counter breaches;
    private final Counter escalations;
    private final io.micrometer.core.instrument.Timer detectionLag;
    private final io.micrometer.core.instrument.Timer sweepTime;
    private final AtomicLong lagMillis = new AtomicLong();

    private final AtomicBoolean scheduled;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long wakeUpId = -1;
    private Instant wakeUpAt;

    public TimerSweep(Pool pool, Clock clock, SlaPolicy policy, EscalationPlanner planner, Notifications notifications,
                      ObjectMapper json, Vertx vertx, Event<BreachesCommitted> committed, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.policy = policy;
        this.planner = planner;
        this.notifications = notifications;
        this.json = json;
        this.vertx = vertx;
        this.committed = committed;
        this.interval = DurationConverter.parseDuration(policy.sweepInterval());
        this.scheduled = new AtomicBoolean(policy.sweepEnabled());
        registry.gauge("onepoint.sla.sweep.lag.seconds", lagMillis, v -> v.get() / 1000.0);
        this.warnings = registry.counter("onepoint.sla.warnings");
        this.breaches = registry.counter("onepoint.sla.breaches");
        this.escalations = registry.counter("onepoint.sla.escalations");
        this.detectionLag = io.micrometer.core.instrument.Timer.builder("onepoint.sla.detection.lag")
                .description("From a timer's due time to the commit of its breach")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.sweepTime = io.micrometer.core.instrument.Timer.builder("onepoint.sla.sweep.duration")
                .description("Time of one sweep (all batches)").register(registry);
    }

    // ---- schedule ------------------------------------------------------------------------------------

    @Scheduled(identity = "onepoint-timer-sweep", every = "${onepoint.sla.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SweepDisabled.class)
    Uni<Void> scheduledSweep() {
        return tick();
    }

    /**
     * Stops the schedule and the wake-ups on this instance (draining it, or measuring {@link #sweepOnce}
     * alone); a sweep under way finishes. Other instances keep sweeping.
     */
    public void pauseSchedule() {
        scheduled.set(false);
    }

    /** Undoes {@link #pauseSchedule()}; has no effect when {@code onepoint.sla.sweep-enabled} is false. */
    public void resumeSchedule() {
        scheduled.set(policy.sweepEnabled());
    }

    /** Whether the schedule runs on this instance. */
    public boolean isScheduled() {
        return scheduled.get();
    }

    /** Whether a scheduled sweep is under way. */
    public boolean isSweeping() {
        return sweeping.get();
    }

    /** One guarded sweep, then a wake-up at the next due time. */
    Uni<Void> tick() {
        if (!scheduled.get() || !sweeping.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return earliestDue().invoke(this::recordLag)
                .chain(ignored -> sweepOnce())
                .chain(result -> earliestDue())
                .onFailure().invoke(e -> LOG.error("Timer sweep failed; retrying at the next tick", e))
                .onFailure().recoverWithNull()
                .invoke(earliest -> {
                    sweeping.set(false);
                    recordLag(earliest);
                    armWakeUp(earliest);
                })
                .onTermination().invoke(() -> sweeping.set(false))
                .replaceWithVoid();
    }

    private synchronized void armWakeUp(Instant earliest) {
        if (earliest == null || !scheduled.get()) {
            return;
        }
        Instant now = clock.instant();
        long delay = Math.max(BUSY_RETRY_MILLIS, Duration.between(now, earliest).toMillis() + 1);
        if (delay >= interval.toMillis()) {
            return; // the schedule comes first
        }
        Instant at = now.plusMillis(delay);
        if (wakeUpId >= 0 && !wakeUpAt.isAfter(at)) {
            return; // an earlier wake-up is already set
        }
        if (wakeUpId >= 0) {
            vertx.cancelTimer(wakeUpId);
        }
        wakeUpAt = at;
        wakeUpId = vertx.setTimer(delay, id -> {
            synchronized (this) {
                if (wakeUpId == id) {
                    wakeUpId = -1;
                    wakeUpAt = null;
                }
            }
            tick().subscribe().with(ok -> { }, e -> LOG.error("Timer sweep wake-up failed", e));
        });
    }

    private void recordLag(Instant earliest) {
        Instant now = clock.instant();
        lagMillis.set(earliest == null || !earliest.isBefore(now) ? 0 : Duration.between(earliest, now).toMillis());
    }

    /** The earliest warning, due or escalation time not yet handled (null when there is none). */
    public Uni<Instant> earliestDue() {
        return pool.preparedQuery(EARLIEST_DUE).execute()
                .map(rows -> instant(rows.iterator().next(), "earliest"));
    }

    // ---- the sweep -----------------------------------------------------------------------------------

    /**
     * One sweep: breaches, then warnings, then further escalation tiers, each in batches of
     * {@code onepoint.sla.batch-size} (one transaction per batch) until nothing of the kind is due.
     * Safe to run concurrently with itself and on several instances (see the class comment).
     */
    public Uni<SweepResult> sweepOnce() {
        long started = System.nanoTime();
        // Breaches are the bulk at a busy second: several workers claim batches side by side (SKIP LOCKED
        // keeps them apart), so database and JSON work overlap.
        List<Uni<SweepResult>> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, policy.sweepWorkers()); i++) {
            workers.add(drain(this::breachBatch, SweepResult.NONE));
        }
        return Uni.join().all(workers).andFailFast()
                .map(results -> results.stream().reduce(SweepResult.NONE, SweepResult::plus))
                .chain(r -> drain(this::warningBatch, r))
                .chain(r -> drain(this::escalationBatch, r))
                .invoke(r -> sweepTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    private record Batch(int claimed, SweepResult result) {
    }

    private Uni<SweepResult> drain(Supplier<Uni<Batch>> batch, SweepResult soFar) {
        return batch.get().chain(b -> b.claimed() < policy.batchSize()
                ? Uni.createFrom().item(soFar.plus(b.result()))
                : drain(batch, soFar.plus(b.result())));
    }

    private Uni<Batch> breachBatch() {
        return claimAndWrite(CLAIM_BREACHES, true);
    }

    private Uni<Batch> warningBatch() {
        Instant now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(CLAIM_WARNINGS)
                        .execute(Tuple.of(odt(now), policy.batchSize()))
                        .chain(rows -> {
                            List<OutboxRow> events = new ArrayList<>();
                            rows.forEach(r -> {
                                Timer t = timer(r);
                                events.add(outboxRow(WARNING_EVENT, t, TimerView.of(t, now)));
                            });
                            if (events.isEmpty()) {
                                return Uni.createFrom().item(0);
                            }
                            return conn.preparedQuery(INSERT_OUTBOX).execute(outboxTuple(events, odt(now)))
                                    .replaceWith(events.size());
                        }))
                .invoke(n -> warnings.increment(n))
                .map(n -> new Batch(n, new SweepResult(n, 0, 0)));
    }

    private Uni<Batch> escalationBatch() {
        return claimAndWrite(CLAIM_ESCALATIONS, false);
    }

    /**
     * One batch in one transaction: claim (with escalation targets), decide in Java (texts, views), write
     * everything with one statement. {@code breach}: the claimed timers are due and breach now, and their
     * first escalation goes with it; otherwise they are breached timers due for their next tier.
     */
    private Uni<Batch> claimAndWrite(String claimSql, boolean breach) {
        Instant now = now();
        List<Timer> breached = new ArrayList<>();
        int[] claimed = new int[1];
        return pool.withTransaction(conn -> conn.preparedQuery(claimSql)
                        .execute(Tuple.of(odt(now), policy.batchSize()))
                        .chain(rows -> {
                            claimed[0] = rows.size();
                            if (claimed[0] == 0) {
                                return Uni.createFrom().item(0);
                            }
                            Decisions d = new Decisions();
                            for (Row r : rows) {
                                decide(d, timer(r), target(r), breach, now);
                            }
                            if (breach) {
                                breached.addAll(d.breached);
                            }
                            return conn.preparedQuery(WRITE).execute(d.tuple(now))
                                    .chain(() -> notifications.insert(conn, d.told, now))
                                    .replaceWith(d.raised.size());
                        }))
                .invoke(escalated -> {
                    escalations.increment(escalated);
                    afterBreaches(breached);
                })
                .map(escalated -> new Batch(claimed[0], new SweepResult(0, breached.size(), escalated)));
    }

    /** What a batch decided, as the arrays of {@link #WRITE}. */
    private static final class Decisions {
        final List<Timer> breached = new ArrayList<>();
        final List<Escalation> raised = new ArrayList<>();
        final List<Notification> told = new ArrayList<>();
        final List<OutboxRow> events = new ArrayList<>();
        final List<Timer> updated = new ArrayList<>();
        final List<Boolean> breaches = new ArrayList<>();

        Tuple tuple(Instant now) {
            List<Object> v = new ArrayList<>();
            v.add(odt(now));
            v.add(breached.stream().map(t -> t.id).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.id).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.timerId).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.subjectType.name()).toArray(String[]::new));
            v.add(raised.stream().map(e -> e.subjectId).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.customerId).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.level).toArray(Integer[]::new));
            v.add(raised.stream().map(e -> e.tier == null ? null : e.tier.name()).toArray(String[]::new));
            v.add(raised.stream().map(e -> e.unitId).toArray(UUID[]::new));
            v.add(raised.stream().map(e -> e.reason.name()).toArray(String[]::new));
            v.add(told.stream().map(n -> n.id).toArray(UUID[]::new));
            v.add(told.stream().map(n -> n.escalationId).toArray(UUID[]::new));
            v.add(told.stream().map(n -> n.recipientId).toArray(UUID[]::new));
            v.add(told.stream().map(n -> n.role.name()).toArray(String[]::new));
            v.add(told.stream().map(n -> n.channel).toArray(String[]::new));
            v.add(told.stream().map(n -> n.text).toArray(String[]::new));
            v.add(told.stream().map(n -> n.subjectType.name()).toArray(String[]::new));
            v.add(told.stream().map(n -> n.subjectId).toArray(UUID[]::new));
            addOutboxArrays(v, events);
            v.add(updated.stream().map(t -> t.id).toArray(UUID[]::new));
            v.add(breaches.toArray(Boolean[]::new));
            v.add(updated.stream().map(t -> t.escalationLevel).toArray(Integer[]::new));
            v.add(updated.stream().map(t -> t.escalationTier).toArray(String[]::new));
            v.add(updated.stream().map(t -> t.escalationUnitId).toArray(UUID[]::new));
            v.add(updated.stream().map(t -> t.nextEscalationAt == null ? null : odt(t.nextEscalationAt))
                    .toArray(OffsetDateTime[]::new));
            return Tuple.from(v);
        }
    }

    /** Breaches (when due) and raises one escalation level, applying both to {@code t} as the events show it. */
    private void decide(Decisions d, Timer t, EscalationPlanner.Target target, boolean breach, Instant now) {
        d.updated.add(t);
        d.breaches.add(breach);
        if (breach) {
            t.state = TimerState.running.moveTo(TimerState.breached, "breach");
            t.breachedAt = now;
            d.breached.add(t);
        }
        EscalationPlanner.Plan plan = null;
        if (t.escalationLevel == 0 || target.unitId() != null) {
            int level = t.escalationLevel + 1;
            plan = planner.forBreach(t, level, target, now);
            d.raised.add(plan.escalation());
            d.told.addAll(plan.notifications());
            t.escalationLevel = level;
            t.escalationTier = target.tier() == null ? null : target.tier().name();
            t.escalationUnitId = target.unitId();
            t.nextEscalationAt = target.unitId() == null || target.tier() == Tier.GROUP ? null
                    : now.plus(policy.escalationStep());
        } else {
            t.nextEscalationAt = null; // nothing above: the chain ends here
        }
        if (breach) {
            d.events.add(outboxRow(BREACH_EVENT, t, TimerView.of(t, now)));
        }
        if (plan != null) {
            d.events.add(outboxRow(TimerService.ESCALATION_EVENT, t,
                    EscalationView.event(plan.escalation(), plan.notifications())));
        }
    }

    private static EscalationPlanner.Target target(Row r) {
        String tier = r.getString("target_tier");
        UUID[] supervisors = r.getArrayOfUUIDs("supervisors");
        return new EscalationPlanner.Target(r.getUUID("target_unit_id"), tier == null ? null : Tier.valueOf(tier),
                r.getString("target_name"), supervisors == null ? List.of() : List.of(supervisors),
                r.getUUID("cce_id"), r.getUUID("cm_id"));
    }

    private void afterBreaches(List<Timer> breached) {
        if (breached.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        List<BreachesCommitted.Breach> list = new ArrayList<>(breached.size());
        for (Timer t : breached) {
            detectionLag.record(Duration.between(t.dueAt, at));
            list.add(new BreachesCommitted.Breach(t.id, t.kind, t.subjectType, t.subjectId, t.dueAt));
        }
        breaches.increment(breached.size());
        committed.fire(new BreachesCommitted(at, list));
    }

    // ---- mapping -------------------------------------------------------------------------------------

    private record OutboxRow(String eventType, Timer timer, String payload) {
    }

    private OutboxRow outboxRow(String eventType, Timer t, Object payload) {
        try {
            return new OutboxRow(eventType, t, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Tuple outboxTuple(List<OutboxRow> events, OffsetDateTime at) {
        List<Object> values = new ArrayList<>();
        values.add(at);
        addOutboxArrays(values, events);
        return Tuple.from(values);
    }

    private static void addOutboxArrays(List<Object> values, List<OutboxRow> events) {
        values.add(events.stream().map(OutboxRow::eventType).toArray(String[]::new));
        values.add(events.stream().map(e -> e.timer().subjectType.name()).toArray(String[]::new));
        values.add(events.stream().map(e -> e.timer().subjectId).toArray(UUID[]::new));
        values.add(events.stream().map(e -> e.timer().customerId).toArray(UUID[]::new));
        values.add(events.stream().map(e -> e.timer().unitId).toArray(UUID[]::new));
        values.add(events.stream().map(e -> e.timer().province).toArray(String[]::new));
        values.add(events.stream().map(OutboxRow::payload).toArray(String[]::new));
    }

    /** A timer row as read by the sweep (a detached entity, used as data). */
    static Timer timer(Row r) {
        Timer t = new Timer();
        t.id = r.getUUID("id");
        t.kind = TimerKind.valueOf(r.getString("kind"));
        t.subjectType = SubjectType.valueOf(r.getString("subject_type"));
        t.subjectId = r.getUUID("subject_id");
        t.rule = r.getString("rule");
        t.state = TimerState.valueOf(r.getString("state"));
        t.startedAt = instant(r, "started_at");
        t.dueAt = instant(r, "due_at");
        t.warnAt = instant(r, "warn_at");
        t.warnedAt = instant(r, "warned_at");
        t.breachedAt = instant(r, "breached_at");
        t.stoppedAt = instant(r, "stopped_at");
        t.pausedAt = instant(r, "paused_at");
        t.pausedSeconds = r.getLong("paused_seconds");
        t.pausedIntervals = new PausedIntervalsConverter().convertToEntityAttribute(r.getString("paused_intervals"));
        t.limitSeconds = r.getLong("limit_seconds");
        t.unitId = r.getUUID("unit_id");
        t.customerId = r.getUUID("customer_id");
        t.province = r.getString("province");
        t.escalationLevel = r.getInteger("escalation_level");
        t.escalationTier = r.getString("escalation_tier");
        t.escalationUnitId = r.getUUID("escalation_unit_id");
        t.nextEscalationAt = instant(r, "next_escalation_at");
        t.version = r.getLong("version");
        t.createdAt = instant(r, "created_at");
        return t;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime v = r.getOffsetDateTime(column);
        return v == null ? null : v.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return TimerService.micros(clock.instant());
    }
}
