package cn.onepoint.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay: gives committed outbox rows their feed position {@code seq}. One per database: every instance
 * runs one, and the one holding the PostgreSQL advisory lock (session level, on a connection of its own)
 * assigns; the others retry the lock now and then and take over when the holder's connection goes away.
 *
 * <p>Each round, in one transaction: lock the counter row, number the unsequenced rows whose transaction is
 * older than every transaction still in flight ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}) in
 * (txid, id) order from the counter on, move the counter, NOTIFY the instances. docs/feed.md has the argument
 * why no event can be lost or doubled. The counter lock, not the advisory lock, is what keeps seq gap-free
 * and unique: the advisory lock only keeps the other instances from queueing behind it.
 */
public class SequenceRelay {

    /** Writers' commits notify here (trigger in V6): "the outbox has something". */
    public static final String OUTBOX_CHANNEL = "onepoint_outbox";
    /** The relay notifies here after it sequenced rows; the payload is the last seq, a nudge only. */
    public static final String FEED_CHANNEL = "onepoint_feed";

    private static final Logger LOG = Logger.getLogger(SequenceRelay.class);

    /*
     * The round's statements run only inside its transaction. Closing a Vert.x connection (stop, a lost leadership)
     * rolls the open transaction back at once, and a statement the round sends after that would run on its own and
     * commit: rows numbered while the counter stays behind, and then every later round fails on a duplicate seq.
     * So the first statement marks the transaction (a setting that ends with it), and the numbering and the counter
     * update do nothing without the mark.
     *
     * oldest: the event_time of the first unsequenced row in commit order, for the lag gauge (one index entry).
     */
    private static final String LOCK_COUNTER = """
            select last,
                   (select event_time from event_outbox where seq is null order by txid, id limit 1) as oldest,
                   set_config('onepoint.relay_round', 'on', true) as round
              from feed_sequence where id = 1 for update""";
    private static final String IN_ROUND = "current_setting('onepoint.relay_round', true) = 'on'";

    /*
     * Run once by a new leader, before its first round: a counter behind a seq already given (what an earlier
     * version could leave, see above) catches up. Such rows were numbered last+1, last+2, ... without a gap, so
     * moving the counter to the highest seq skips nothing.
     */
    private static final String REPAIR_COUNTER = """
            update feed_sequence set last = greatest(last, coalesce((select max(seq) from event_outbox), 0))
             where id = 1""";

    /*
     * Settings of the relay's own session.
     *
     * Bitmap scans off: every row leaves the partial index of unsequenced rows when it gets its seq, so until vacuum the index holds
     * mostly dead entries. A plain index scan marks them dead once and skips them afterwards; a bitmap scan (which
     * the planner picks for its small row estimate) visits every dead heap tuple again in every round, and a round
     * then costs milliseconds per thousand rows written since the last vacuum.
     *
     * Timeouts: the session holds the advisory lock, so it must not outlive a relay that can no longer reach it.
     * If the network fails without closing the connection, the server ends the session after `timeout` of
     * silence (the leader runs a round every poll interval, a standby tries the lock every election interval, so
     * a live relay is never that quiet), and checks during a long statement whether the client is still there.
     * Both settings exist from PostgreSQL 14 on.
     */
    private static String session(Duration timeout) {
        long ms = timeout.toMillis();
        return """
                set enable_bitmapscan = off;
                set idle_in_transaction_session_timeout = %1$d;
                do $$ begin
                  if current_setting('server_version_num')::int >= 140000 then
                    perform set_config('idle_session_timeout', '%1$d', false);
                    perform set_config('client_connection_check_interval', '%2$d', false);
                  end if;
                end $$""".formatted(ms, Math.max(100, ms / 4));
    }

    // Runs after LOCK_COUNTER in the same transaction, so its snapshot sees every earlier round's commit.
    private static final String SEQUENCE = """
            with ready as (
                select id, row_number() over (order by txid, id) as n
                  from (select id, txid from event_outbox
                         where seq is null and txid < pg_snapshot_xmin(pg_current_snapshot()) and %s
                         order by txid, id
                         limit $1) r
            )
            update event_outbox e
               set seq = $2 + ready.n
              from ready
             where e.id = ready.id and e.seq is null
            returning e.seq""".formatted(IN_ROUND);

    private static final String ADVANCE = """
            with moved as (update feed_sequence set last = $1 where id = 1 and %s returning last)
            select moved.last from moved, lateral (select pg_notify('%s', moved.last::text)) n"""
            .formatted(IN_ROUND, FEED_CHANNEL);

    /** Tuning of one relay. */
    public record Settings(long lockKey, int batchSize, Duration pollInterval, Duration electionInterval,
                           Duration roundInterval, Duration timeout) {
        public Settings {
            Duration quietest = pollInterval.compareTo(electionInterval) > 0 ? pollInterval : electionInterval;
            if (timeout.compareTo(quietest.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("onepoint.feed.relay.timeout (" + timeout + ") must be at least"
                        + " three times the poll and election intervals (" + quietest + ")");
            }
        }
    }

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Settings settings;
    private final Clock clock;
    private final Runnable afterSequencing;
    private final Pacer pacer;

    private final String session;
    private final AtomicLong sequenced = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private volatile double lagSeconds = Double.NaN;
    private volatile boolean leader;

    // Guarded by this.
    private PgConnection conn;
    private boolean connecting;
    private boolean running;
    private boolean again;
    private boolean stopped = true;
    private long timer = -1;
    private long lastElection;
    /** Bumped by stop(): callbacks of an earlier life (a round still in flight) change nothing. */
    private long epoch;

    public SequenceRelay(Vertx vertx, PgConnectOptions options, Settings settings, Clock clock,
                         Runnable afterSequencing) {
        this.vertx = vertx;
        this.options = options;
        this.settings = settings;
        this.clock = clock;
        this.afterSequencing = afterSequencing;
        this.pacer = new Pacer(vertx, settings.roundInterval());
        this.session = session(settings.timeout());
    }

    public synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        connecting = false;
        lastElection = 0;
        timer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> tick());
        tick();
    }

    /** Stops and closes the connection, which releases the advisory lock for another instance. */
    public Uni<Void> stop() {
        PgConnection c;
        synchronized (this) {
            stopped = true;
            epoch++;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            c = conn;
            conn = null;
            leader = false;
            running = false;
        }
        lagSeconds = Double.NaN;
        return c == null ? Uni.createFrom().voidItem() : c.close().onFailure().recoverWithNull();
    }

    public boolean isLeader() {
        return leader;
    }

    /** Rows this relay has given a seq to. */
    public long sequenced() {
        return sequenced.get();
    }

    /** Times PostgreSQL did not answer within {@code timeout} and the connection was given up. */
    public long timeouts() {
        return timeouts.get();
    }

    /** Now minus the oldest unsequenced event_time at the last round (0 when none); NaN unless leader. */
    public double lagSeconds() {
        return lagSeconds;
    }

    /**
     * Runs rounds until nothing is left; a wake during a round makes one more round. Rounds start at most one
     * {@code round-interval} apart ({@link Pacer}): every committing writer wakes the relay, and one round can
     * number all of them.
     */
    public void wake() {
        long life;
        synchronized (this) {
            if (!leader || stopped) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            if (!pacer.mayStart(this::wake)) {
                return;
            }
            running = true;
            again = false;
            life = epoch;
        }
        loop(life);
    }

    private void tick() {
        boolean elect;
        synchronized (this) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            elect = !leader && !connecting
                    && (lastElection == 0 || now - lastElection >= settings.electionInterval().toNanos());
            if (elect) {
                lastElection = now;
            }
        }
        if (elect) {
            elect();
        } else {
            wake();
        }
    }

    private void elect() {
        PgConnection c;
        long life;
        synchronized (this) {
            life = epoch;
            c = conn;
            // Until this attempt is over, not another one (on the same session it would take the lock twice).
            connecting = true;
        }
        Uni<PgConnection> connection = c != null ? Uni.createFrom().item(c) : PgConnection.connect(vertx, options)
                .invoke(pc -> opened(pc, life));
        connection.chain(pc -> pc.query(session).execute().replaceWith(pc))
                .chain(pc -> pc.preparedQuery("select pg_try_advisory_lock($1) as won")
                        .execute(Tuple.of(settings.lockKey()))
                        .map(rows -> rows.iterator().next().getBoolean("won"))
                        .chain(won -> won ? pc.query(REPAIR_COUNTER).execute()
                                .chain(() -> pc.query("LISTEN " + OUTBOX_CHANNEL).execute()).replaceWith(true)
                                : Uni.createFrom().item(false)))
                .ifNoItem().after(settings.timeout()).failWith(() -> new TimeoutException("no answer from PostgreSQL"))
                .map(won -> {
                    synchronized (this) {
                        if (!won || stopped || life != epoch) {
                            return false;
                        }
                        leader = true; // before the attempt counts as over: no tick in between elects again
                        return true;
                    }
                })
                .eventually(() -> {
                    synchronized (this) {
                        if (life == epoch) {
                            connecting = false;
                        }
                    }
                })
                .subscribe().with(elected -> {
                    if (elected) {
                        LOG.infof("Feed relay elected (advisory lock %d held by this instance)", settings.lockKey());
                        wake();
                    }
                }, failure -> {
                    LOG.warnf("Feed relay election failed: %s", failure.getMessage());
                    if (failure instanceof TimeoutException) {
                        giveUp(life);
                    }
                });
    }

    private void opened(PgConnection c, long life) {
        boolean keep;
        synchronized (this) {
            // A connection opened for an earlier life (stop, then start, while it was connecting) must not
            // linger: it could win the lock and then hold it without ever sequencing.
            keep = !stopped && life == epoch && conn == null;
            if (keep) {
                conn = c;
            }
        }
        if (!keep) {
            c.closeAndForget();
            return;
        }
        c.notificationHandler(n -> wake());
        c.closeHandler(() -> {
            synchronized (this) {
                if (conn == c) {
                    conn = null;
                    if (leader) {
                        LOG.warn("Feed relay lost its connection; the advisory lock is released");
                    }
                    leader = false;
                    running = false;
                }
            }
        });
    }

    private void loop(long life) {
        PgConnection c;
        synchronized (this) {
            c = life == epoch ? conn : null;
            if (c == null) {
                if (life == epoch) {
                    running = false;
                }
                return;
            }
        }
        round(c).ifNoItem().after(settings.timeout()).failWith(() -> new TimeoutException("no answer from PostgreSQL"))
                .subscribe().with(n -> {
            if (n > 0) {
                afterSequencing.run();
            }
            boolean backlog;
            boolean woken;
            synchronized (this) {
                if (life != epoch) {
                    return;
                }
                backlog = leader && !stopped && n == settings.batchSize();
                woken = again;
                again = false;
                running = backlog;
            }
            if (backlog) {
                pacer.started();
                loop(life);
            } else if (woken) {
                wake();
            }
        }, failure -> {
            synchronized (this) {
                if (life != epoch) {
                    return;
                }
                running = false;
            }
            LOG.warnf("Feed relay round failed, retrying on the next tick: %s", failure.getMessage());
            if (failure instanceof TimeoutException) {
                giveUp(life);
            }
        });
    }

    /**
     * PostgreSQL did not answer within the timeout: the connection is given up (and with it, once the server
     * notices, the advisory lock), and the next election starts on a new one.
     */
    private void giveUp(long life) {
        PgConnection c;
        synchronized (this) {
            if (life != epoch || conn == null) {
                return;
            }
            c = conn;
            conn = null;
            leader = false;
            running = false;
        }
        timeouts.incrementAndGet();
        lagSeconds = Double.NaN;
        LOG.warnf("Feed relay: no answer from PostgreSQL within %s; connection given up", settings.timeout());
        c.closeAndForget();
    }

    /** One transaction: lock the counter, number ready rows, move the counter and notify. */
    private Uni<Integer> round(PgConnection c) {
        return c.begin().chain(tx -> c.query(LOCK_COUNTER).execute()
                .chain(counter -> {
                    Row row = counter.iterator().next();
                    long last = row.getLong("last");
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    lagSeconds = oldest == null ? 0.0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
                    return c.preparedQuery(SEQUENCE).execute(Tuple.of(settings.batchSize(), last))
                            .chain(rows -> {
                                int n = rows.rowCount();
                                if (n == 0) {
                                    return tx.rollback().replaceWith(0);
                                }
                                long max = last;
                                for (RowIterator<Row> it = rows.iterator(); it.hasNext(); ) {
                                    max = Math.max(max, it.next().getLong(0));
                                }
                                if (max - last != n) {
                                    // Only possible if something else assigned seqs meanwhile: never leave a gap.
                                    return tx.rollback().replaceWith(Uni.createFrom().<Integer>failure(
                                            new IllegalStateException("seq numbering would leave a gap: " + last
                                                    + " + " + n + " != " + max)));
                                }
                                long next = max;
                                return c.preparedQuery(ADVANCE).execute(Tuple.of(next))
                                        .chain(moved -> moved.size() == 1 ? tx.commit()
                                                : Uni.createFrom().failure(new IllegalStateException(
                                                        "the round's transaction ended before the counter moved")))
                                        .invoke(() -> sequenced.addAndGet(n))
                                        .replaceWith(n);
                            });
                })
                .onFailure().call(() -> rollbackQuietly(tx)));
    }

    private static Uni<Void> rollbackQuietly(Transaction tx) {
        return tx.rollback().onFailure().recoverWithNull();
    }
}
