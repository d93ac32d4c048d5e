package cn.onepoint.feed.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load generator for the live feed (not a test): N WebSocket subscribers on /ws/feed of a running OnePoint,
 * events written into event_outbox at a fixed rate for a fixed time, each in its own transaction, as the
 * services and the timer engine write them. Measures commit → receipt latency per message, gaps and
 * duplicates per connection, and lost messages. Run it through bench/feed-bench.sh.
 *
 * <p>Arguments (key=value): host, port, db (JDBC-less PostgreSQL URI), subscribers, rate (events/s),
 * seconds, payload (bytes).
 */
public final class FeedBench {

    /** 100 µs buckets up to 120 s. */
    private static final int BUCKETS = 1_200_000;
    private static final long BUCKET_NANOS = 100_000;

    private final String host;
    private final int port;
    private final String db;
    private final int subscribers;
    private final int rate;
    private final int seconds;
    private final int payloadBytes;

    private final Map<Thread, long[]> histograms = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicInteger closedForGood = new AtomicInteger();
    private final Map<Integer, String> closeCodes = new ConcurrentHashMap<>();
    private Vertx vertx;
    private AtomicLongArray commitNanos;
    private AtomicLongArray sendNanos;

    private FeedBench(Map<String, String> args) {
        host = args.getOrDefault("host", "127.0.0.1");
        port = Integer.parseInt(args.getOrDefault("port", "18080"));
        db = args.getOrDefault("db", "postgresql://postgres@127.0.0.1:5432/onepoint_feed_bench");
        subscribers = Integer.parseInt(args.getOrDefault("subscribers", "2000"));
        rate = Integer.parseInt(args.getOrDefault("rate", "500"));
        seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
        payloadBytes = Integer.parseInt(args.getOrDefault("payload", "1000"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new ConcurrentHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new FeedBench(args).run();
        System.exit(0);
    }

    /** One subscriber: the seqs it expects next, reconnecting with since after a close. */
    private final class Subscriber {
        final WebSocketClient client;
        volatile long lastSeq;
        volatile long count;
        volatile boolean done;

        Subscriber(WebSocketClient client, long since) {
            this.client = client;
            this.lastSeq = since;
        }

        Future<WebSocket> connect() {
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(host).setPort(port)
                    .setURI("/ws/feed?since=" + lastSeq);
            return client.connect(o).map(ws -> {
                ws.textMessageHandler(this::onMessage);
                ws.closeHandler(v -> {
                    if (done) {
                        return;
                    }
                    Short code = ws.closeStatusCode();
                    closeCodes.merge(code == null ? 1006 : (int) code, "x", String::concat);
                    reconnects.incrementAndGet();
                    // As a well-behaved client: back off a little (with jitter) before resuming with since.
                    vertx.setTimer(500 + (long) (Math.random() * 1000),
                            id -> connect().onFailure(f -> closedForGood.incrementAndGet()));
                });
                return ws;
            });
        }

        void onMessage(String text) {
            long now = System.nanoTime();
            long seq = number(text, "{\"seq\":");
            if (seq <= lastSeq) {
                duplicates.incrementAndGet();
                return;
            }
            if (seq != lastSeq + 1) {
                gaps.addAndGet(seq - lastSeq - 1);
            }
            lastSeq = seq;
            count++;
            received.incrementAndGet();
            int n = (int) number(text, "\"bench\":");
            long at = commitNanos.get(n);
            if (at == 0) {
                // Seen before the writer saw its commit acknowledged: measure from before the insert (longer).
                at = sendNanos.get(n);
            }
            long[] h = histograms.computeIfAbsent(Thread.currentThread(), t -> new long[BUCKETS]);
            h[(int) Math.min(BUCKETS - 1, Math.max(0, now - at) / BUCKET_NANOS)]++;
        }
    }

    private static long number(String text, String key) {
        int i = text.indexOf(key) + key.length();
        // jsonb renders "key": value with a space.
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        long v = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void run() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Pool pool = Pool.pool(vertx, PgConnectOptions.fromUri(db), new PoolOptions().setMaxSize(8));
        long total = (long) rate * seconds;
        commitNanos = new AtomicLongArray((int) total + 1);
        sendNanos = new AtomicLongArray((int) total + 1);
        long since = pool.query("select last from feed_sequence where id = 1").execute()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).iterator().next().getLong(0);

        System.out.printf(Locale.ROOT, "connecting %d subscribers to ws://%s:%d/ws/feed?since=%d%n",
                subscribers, host, port, since);
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(subscribers + 10).setConnectTimeout(30_000));
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Subscriber s = new Subscriber(client, since);
            subs.add(s);
            s.connect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        System.out.println("connected; writing " + total + " events at " + rate + "/s for " + seconds + " s");

        String filler = "x".repeat(Math.max(0, payloadBytes - 200));
        String insert = """
                insert into event_outbox (topic, event_type, subject_type, subject_id, payload, event_time)
                values ('tickets', 'TroubleTicketStatusChangeEvent', 'TICKET', $1, $2::text::jsonb, $3)""";
        CountDownLatch written = new CountDownLatch((int) total);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        // A paced loop on its own thread: event n is due at start + n / rate.
        Thread writer = new Thread(() -> {
            for (int n = 1; n <= total; n++) {
                long due = start + n * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int id = n;
                UUID subject = UUID.randomUUID();
                String payload = "{\"bench\":" + id + ",\"id\":\"" + subject + "\",\"status\":\"inProgress\","
                        + "\"note\":\"" + filler + "\"}";
                sendNanos.set(id, System.nanoTime());
                pool.preparedQuery(insert).execute(Tuple.of(subject, payload, OffsetDateTime.now(ZoneOffset.UTC)))
                        .onComplete(r -> {
                            if (r.succeeded()) {
                                commitNanos.set(id, System.nanoTime());
                            } else {
                                failures.incrementAndGet();
                            }
                            written.countDown();
                        });
            }
        }, "bench-writer");
        writer.start();
        writer.join();
        written.await(60, TimeUnit.SECONDS);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (total - failures.get()) * subscribers;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9 - writeSeconds;
        for (Subscriber s : subs) {
            s.done = true;
        }

        long[] merged = new long[BUCKETS];
        for (long[] h : histograms.values()) {
            for (int i = 0; i < BUCKETS; i++) {
                merged[i] += h[i];
            }
        }
        long lost = 0;
        for (Subscriber s : subs) {
            lost += (total - failures.get()) - s.count;
        }
        System.out.printf(Locale.ROOT, "events written: %d (%d failed) in %.1f s (%.0f/s)%n",
                total - failures.get(), failures.get(), writeSeconds, (total - failures.get()) / writeSeconds);
        System.out.printf(Locale.ROOT, "messages expected: %d, received: %d, lost: %d, gaps: %d, duplicates: %d%n",
                expected, received.get(), lost, gaps.get(), duplicates.get());
        System.out.printf(Locale.ROOT, "drain after last write: %.1f s; reconnects: %d %s; given up: %d%n",
                drainSeconds, reconnects.get(), closeCodes.keySet(), closedForGood.get());
        System.out.printf(Locale.ROOT, "latency commit->receipt: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                pct(merged, 0.50), pct(merged, 0.90), pct(merged, 0.99), pct(merged, 0.999), pct(merged, 1.0));
        client.close();
        pool.close();
        vertx.close();
    }

    private static String pct(long[] h, double q) {
        long n = 0;
        for (long c : h) {
            n += c;
        }
        if (n == 0) {
            return "-";
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (seen >= rank) {
                return String.format(Locale.ROOT, "%.1f ms", (i + 1) * BUCKET_NANOS / 1e6);
            }
        }
        return "-";
    }
}
