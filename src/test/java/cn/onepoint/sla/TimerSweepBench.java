package cn.onepoint.sla;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (surefire runs it only with {@code -Pbench}): detection lag of the scheduled sweep
 * for 10,000 timers due within one second, among 1,000,000 running timers and then among 10,000. See
 * docs/performance.md for the figures and how to read them.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
class TimerSweepBench {

    private static final int UNITS = 300;
    private static final int CUSTOMERS = 1000;

    @Inject
    Pool pool;
    @Inject
    TimerSweep sweep;
    @Inject
    MutableClock clock;
    @Inject
    BreachRecorder recorder;

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    /** One due second: lag percentiles, first due → last breach commit, breach transactions. */
    record Round(double p50Ms, double p99Ms, double maxMs, double spanMs, int transactions) {
    }

    record Result(int running, int due, double loadSeconds, double idleSweepMs, List<Round> rounds,
                  double catchUpMs, int catchUpBreached, String claimPlan) {
        double medianP99() {
            return rounds.stream().mapToDouble(Round::p99Ms).sorted().toArray()[rounds.size() / 2];
        }

        double medianP50() {
            return rounds.stream().mapToDouble(Round::p50Ms).sorted().toArray()[rounds.size() / 2];
        }
    }

    @Test
    void detectionLagWithOneMillionAndWithTenThousandRunningTimers() throws Exception {
        int total = Integer.getInteger("bench.timers", 1_000_000);
        int due = Integer.getInteger("bench.due", 10_000);
        directory();
        warmUp(due);
        Result big = run(total, due);
        Result small = run(due, due);
        String report = report(big, small);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bench-report.md"), report);
    }

    private Result run(int total, int due) throws InterruptedException {
        exec("truncate timer_breach, notification, escalation, timer, event_outbox");

        long t0 = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (total > due) {
            exec("""
                    with u as (select array_agg(id order by code) ids from unit where tier = 'LOCAL'),
                         c as (select array_agg(id order by code) ids from customer)
                    insert into timer (id, kind, subject_type, subject_id, rule, state, started_at, due_at, warn_at,
                                       limit_seconds, unit_id, customer_id, province, created_at)
                    select gen_random_uuid(), 'RESOLUTION', 'TICKET', gen_random_uuid(), 'T5', 'running', $1,
                           $1 + interval '1 hour' + g * interval '2 second',
                           $1 + (interval '1 hour' + g * interval '2 second') * 0.8,
                           3600 + 2 * g, u.ids[1 + g % array_length(u.ids, 1)],
                           c.ids[1 + g % array_length(c.ids, 1)], 'bench', $1
                      from generate_series(1, $2) g, u, c""", odt(now), total - due);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        exec("vacuum analyze timer");

        // The sweep alone, with nothing due: what the running timers cost a sweep.
        sweep.pauseSchedule();
        while (sweep.isSweeping()) {
            Thread.sleep(5);
        }
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long s = System.nanoTime();
            sweep.sweepOnce().await().indefinitely();
            idle.add((System.nanoTime() - s) / 1e6);
        }
        idle.sort(Double::compare);
        String plan = explainClaim();
        sweep.resumeSchedule();

        // Live: `due` timers fall due within one second, 3 s from now; the scheduled sweep finds them.
        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            rounds.add(liveRound(due));
        }

        // Catch-up: `due` timers already overdue (as after downtime), one sweepOnce() alone.
        sweep.pauseSchedule();
        while (sweep.isSweeping()) {
            Thread.sleep(5);
        }
        insertDue(due, clock.instant().minus(Duration.ofMinutes(10)), "bench-catch-up");
        long s = System.nanoTime();
        SweepResult caughtUp = sweep.sweepOnce().await().indefinitely();
        double catchUpMs = (System.nanoTime() - s) / 1e6;
        sweep.resumeSchedule();

        assertEquals(due, caughtUp.breached());
        return new Result(total, due, loadSeconds, idle.get(idle.size() / 2), rounds, catchUpMs,
                caughtUp.breached(), plan);
    }

    private Round liveRound(int due) throws InterruptedException {
        exec("delete from timer where province like 'bench-%'");
        exec("truncate timer_breach, notification, escalation, event_outbox");
        exec("vacuum analyze timer");
        Instant first = clock.instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        recorder.start();
        insertDue(due, first, "bench-live");
        Instant deadline = Instant.now().plusSeconds(120);
        while (recorder.count() < due && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        recorder.stop();
        assertEquals(due, recorder.count(), "every due timer breached");
        assertEquals(due, count("select count(*) from timer_breach where province = 'bench-live'"));
        assertEquals(due, count("select count(*) from event_outbox where province = 'bench-live'"
                + " and event_type = 'TimerBreachEvent'"));
        List<Duration> lags = recorder.lags();
        lags.sort(Duration::compareTo);
        double spanMs = Duration.between(first, recorder.lastCommit()).toNanos() / 1e6;
        return new Round(ms(pct(lags, 0.50)), ms(pct(lags, 0.99)), ms(lags.get(lags.size() - 1)), spanMs,
                recorder.transactions());
    }

    /** A running service is warm: let the JIT compile the sweep's paths before anything is measured. */
    private void warmUp(int due) throws InterruptedException {
        sweep.pauseSchedule();
        while (sweep.isSweeping()) {
            Thread.sleep(5);
        }
        for (int i = 0; i < 5; i++) {
            insertDue(due, clock.instant().minus(Duration.ofMinutes(10)), "bench-warm-up");
            sweep.sweepOnce().await().indefinitely();
        }
        exec("truncate timer_breach, notification, escalation, timer, event_outbox");
        sweep.resumeSchedule();
    }

    private void insertDue(int due, Instant first, String tag) {
        int spacingMicros = 1_000_000 / due;
        exec("""
                with u as (select array_agg(id order by code) ids from unit where tier = 'LOCAL'),
                     c as (select array_agg(id order by code) ids from customer)
                insert into timer (id, kind, subject_type, subject_id, rule, state, started_at, due_at, warn_at,
                                   warned_at, limit_seconds, unit_id, customer_id, province, created_at)
                select gen_random_uuid(), 'ACCEPT', 'WORK_ORDER', gen_random_uuid(), 'T4', 'running',
                       $1 - interval '5 minute', $1 + (g - 1) * $3 * interval '1 microsecond',
                       $1 - interval '1 minute', $1 - interval '1 minute', 300,
                       u.ids[1 + g % array_length(u.ids, 1)], c.ids[1 + g % array_length(c.ids, 1)], $4,
                       $1 - interval '5 minute'
                  from generate_series(1, $2) g, u, c""", odt(first), due, spacingMicros, tag);
    }

    /** GROUP desk → 31 provinces → 300 local units, a supervisor each; 1000 customers with CCE and CM. */
    private void directory() {
        exec("""
                insert into unit (id, code, name, tier, kind, backbone, created_at)
                values (gen_random_uuid(), 'BENCH-G', '集团管控', 'GROUP', 'CONTROL_DESK', false, now())""");
        exec("""
                insert into unit (id, code, name, tier, kind, province, parent_id, backbone, created_at)
                select gen_random_uuid(), 'BENCH-P' || g, '省' || g, 'PROVINCE', 'CONTROL_DESK', 'P' || g,
                       (select id from unit where code = 'BENCH-G'), false, now()
                  from generate_series(1, 31) g""");
        exec("""
                insert into unit (id, code, name, tier, kind, province, city, parent_id, backbone, created_at)
                select gen_random_uuid(), 'BENCH-L' || g, '本地网' || g, 'LOCAL', 'HANDLING', 'P' || (1 + g % 31),
                       'C' || g, (select id from unit where code = 'BENCH-P' || (1 + g % 31)), false, now()
                  from generate_series(1, $1) g""", UNITS);
        exec("""
                insert into person (id, name, unit_id, roles, created_at)
                select gen_random_uuid(), '主管' || code, id, 'SUPERVISOR', now() from unit""");
        exec("""
                insert into person (id, name, unit_id, roles, created_at)
                select gen_random_uuid(), r || g, (select id from unit where code = 'BENCH-P1'), r, now()
                  from generate_series(1, $1) g, unnest(array['CHIEF_CUSTOMER_ENGINEER', 'CUSTOMER_MANAGER']) r""",
                CUSTOMERS);
        exec("""
                insert into customer (id, code, name, level, hq_province, hq_city, cce_id, cm_id, created_at)
                select gen_random_uuid(), 'BENCH-C' || g, '客户' || g,
                       case when g % 10 = 0 then 'GROUP' else 'PROVINCIAL' end, 'P1', 'C1',
                       (select id from person where name = 'CHIEF_CUSTOMER_ENGINEER' || g),
                       (select id from person where name = 'CUSTOMER_MANAGER' || g), now()
                  from generate_series(1, $1) g""", CUSTOMERS);
    }

    private String explainClaim() {
        StringBuilder sb = new StringBuilder();
        pool.preparedQuery("explain (analyze, buffers, costs off) select id from timer where state = 'running'"
                        + " and due_at <= $1 order by due_at limit 500")
                .execute(Tuple.of(odt(clock.instant()))).await().indefinitely()
                .forEach(r -> sb.append("    ").append(r.getString(0)).append('\n'));
        return sb.toString();
    }

    private void exec(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofMinutes(30));
    }

    private long count(String sql) {
        Row r = pool.query(sql).execute().await().indefinitely().iterator().next();
        return r.getLong(0);
    }

    private static Duration pct(List<Duration> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static java.time.OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String report(Result big, Result small) {
        StringBuilder sb = new StringBuilder();
        sb.append("| running timers | due in one second | round | lag p50 (ms) | lag p99 (ms) | lag max (ms) "
                + "| first due → last commit (ms) | breach transactions |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : List.of(big, small)) {
            for (int i = 0; i < r.rounds().size(); i++) {
                Round x = r.rounds().get(i);
                sb.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %.0f | %.0f | %.0f | %.0f | %d |%n",
                        r.running(), r.due(), i + 1, x.p50Ms(), x.p99Ms(), x.maxMs(), x.spanMs(), x.transactions()));
            }
        }
        sb.append("\n| running timers | load (s) | idle sweep, nothing due (ms) | median lag p50 (ms) "
                + "| median lag p99 (ms) | catch-up sweepOnce (ms) |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : List.of(big, small)) {
            sb.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.0f | %.0f | %.0f (%,d breached) |%n",
                    r.running(), r.loadSeconds(), r.idleSweepMs(), r.medianP50(), r.medianP99(), r.catchUpMs(),
                    r.catchUpBreached()));
        }
        sb.append(String.format(Locale.ROOT, "%nratio of median p99 (%,d / %,d running): %.2f%n", big.running(),
                small.running(), big.medianP99() / small.medianP99()));
        sb.append(String.format(Locale.ROOT, "ratio of catch-up sweep time: %.2f%n", big.catchUpMs() / small.catchUpMs()));
        sb.append("\nclaim plan with ").append(String.format(Locale.ROOT, "%,d", big.running()))
                .append(" running timers (nothing due):\n").append(big.claimPlan());
        return sb.toString();
    }
}
