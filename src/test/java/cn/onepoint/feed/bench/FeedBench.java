package cn.onepoint.feed.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * seconds (measured), warmup (seconds of the same load before them, not measured: JIT compilation of
 * service and client), payload (bytes), storm (second of the run at which every client drops its connection
 * and resumes with since; 0 = never).
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
    private final int warmup;
    /** Seconds into the run at which every client drops its connection at once and resumes with since; 0 = never. */
    private final int storm;
    /** Events 1..warmupEvents are the warm-up: delivered and checked like the rest, not in the latency figures. */
    private long warmupEvents;
    private final int payloadBytes;

    private final Map<Thread, long[]> histograms = new ConcurrentHashMap<>();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicInteger closedForGood = new AtomicInteger();
    private final Map<Integer, String> closeCodes = new ConcurrentHashMap<>();
    private NioEventLoopGroup group;
    private AtomicLongArray commitNanos;
    private AtomicLongArray sendNanos;

    private FeedBench(Map<String, String> args) {
        host = args.getOrDefault("host", "127.0.0.1");
        port = Integer.parseInt(args.getOrDefault("port", "18080"));
        db = args.getOrDefault("db", "postgresql://postgres@127.0.0.1:5432/onepoint_feed_bench");
        subscribers = Integer.parseInt(args.getOrDefault("subscribers", "2000"));
        rate = Integer.parseInt(args.getOrDefault("rate", "500"));
        seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
        warmup = Integer.parseInt(args.getOrDefault("warmup", "10"));
        storm = Integer.parseInt(args.getOrDefault("storm", "0"));
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

    /**
     * One subscriber: a minimal RFC 6455 client on plain Netty (handshake, unmasked server frames across read
     * boundaries, fragments, ping → masked pong, close). It looks only at the first bytes of each message, where
     * the seq and the bench number are, and skips the rest without copying it: the generator shares the
     * service's two cores, and a client that spends microseconds per message would measure itself. It resumes
     * with since after a close, as the wallboard does.
     */
    private final class Subscriber {
        // Written by the connection's event loop only; the progress thread's racy reads are good enough for a
        // progress line, and the final figures are read after the load has stopped.
        long lastSeq;
        long count;
        volatile boolean done;
        /** The current connection, for the storm (dropping every client at once). */
        volatile io.netty.channel.Channel channel;

        Subscriber(long since) {
            this.lastSeq = since;
        }

        /** Completes when the server has answered 101. */
        CompletableFuture<Void> connect() {
            CompletableFuture<Void> open = new CompletableFuture<>();
            new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                    .handler(new Connection(open))
                    .connect(host, port).addListener(f -> {
                        if (!f.isSuccess()) {
                            open.completeExceptionally(f.cause());
                        }
                    });
            return open;
        }

        void message(byte[] head, int length) {
            long now = System.nanoTime();
            long seq = number(head, length, SEQ);
            if (seq <= lastSeq) {
                duplicates.incrementAndGet();
                return;
            }
            if (seq != lastSeq + 1) {
                gaps.addAndGet(seq - lastSeq - 1);
            }
            lastSeq = seq;
            count++;
            int n = (int) number(head, length, BENCH);
            long at = commitNanos.get(n);
            if (at == 0) {
                // Seen before the writer saw its commit acknowledged: measure from before the insert (longer).
                at = sendNanos.get(n);
            }
            long[] h = n > warmupEvents ? HISTOGRAM.get() : WARMUP_HISTOGRAM.get();
            h[(int) Math.min(BUCKETS - 1, Math.max(0, now - at) / BUCKET_NANOS)]++;
        }

        /** One TCP connection of this subscriber, with the parser's state. */
        private final class Connection extends ChannelInboundHandlerAdapter {
            private final CompletableFuture<Void> open;
            private boolean upgraded;
            private final StringBuilder response = new StringBuilder();
            private final byte[] header = new byte[14];
            private int headerHave;
            private int headerNeed = 2;
            private boolean inPayload;
            private int opcode;
            private long remaining;
            /** The first bytes of a text message or a control frame's payload. */
            private final byte[] head = new byte[PREFIX];
            private int headHave;
            private int headWant;

            Connection(CompletableFuture<Void> open) {
                this.open = open;
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                channel = ctx.channel();
                byte[] key = new byte[16];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(key);
                String request = "GET /ws/feed?since=" + lastSeq + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                        + "\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
                ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf in = (ByteBuf) msg;
                try {
                    if (!upgraded && !handshake(ctx, in)) {
                        return;
                    }
                    frames(ctx, in);
                } finally {
                    in.release();
                }
            }

            /** Reads the HTTP response; true once it is complete (101), with the frames that follow left in in. */
            private boolean handshake(ChannelHandlerContext ctx, ByteBuf in) {
                while (in.isReadable()) {
                    response.append((char) (in.readByte() & 0xFF));
                    int n = response.length();
                    if (n >= 4 && response.charAt(n - 4) == '\r' && response.charAt(n - 3) == '\n'
                            && response.charAt(n - 2) == '\r' && response.charAt(n - 1) == '\n') {
                        if (!response.toString().startsWith("HTTP/1.1 101")) {
                            open.completeExceptionally(new IllegalStateException(response.toString()));
                            ctx.close();
                            return false;
                        }
                        upgraded = true;
                        open.complete(null);
                        return true;
                    }
                }
                return false;
            }

            private void frames(ChannelHandlerContext ctx, ByteBuf in) {
                while (in.isReadable()) {
                    if (!inPayload) {
                        header[headerHave++] = in.readByte();
                        if (headerHave == 2) {
                            int len7 = header[1] & 0x7F;
                            headerNeed = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
                        }
                        if (headerHave < 2 || headerHave < headerNeed) {
                            continue;
                        }
                        int len7 = header[1] & 0x7F;
                        remaining = len7 < 126 ? len7 : len7 == 126
                                ? ((header[2] & 0xFF) << 8) | (header[3] & 0xFF)
                                : Unpooled.wrappedBuffer(header, 2, 8).readLong();
                        opcode = header[0] & 0x0F;
                        headHave = 0;
                        headWant = opcode == 0x1 || opcode >= 0x8 ? (int) Math.min(remaining, PREFIX) : 0;
                        headerHave = 0;
                        headerNeed = 2;
                        inPayload = true;
                    } else if (headHave < headWant) {
                        int n = Math.min(headWant - headHave, in.readableBytes());
                        in.readBytes(head, headHave, n);
                        headHave += n;
                        remaining -= n;
                    } else {
                        int n = (int) Math.min(remaining, in.readableBytes());
                        in.skipBytes(n);
                        remaining -= n;
                    }
                    if (inPayload && remaining == 0) {
                        inPayload = false;
                        frame(ctx);
                    }
                }
            }

            private void frame(ChannelHandlerContext ctx) {
                switch (opcode) {
                    case 0x1 -> message(head, headHave);
                    case 0x9 -> ctx.writeAndFlush(masked(0x8A, head, headHave));
                    case 0x8 -> {
                        int code = headHave >= 2 ? ((head[0] & 0xFF) << 8) | (head[1] & 0xFF) : 1005;
                        closeCodes.merge(code, "x", String::concat);
                        ctx.writeAndFlush(masked(0x88, head, Math.min(headHave, 2))).addListener(f -> ctx.close());
                    }
                    default -> {
                        // Continuation of a fragmented message: its seq came with the first fragment.
                    }
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                if (!open.isDone()) {
                    open.completeExceptionally(new IllegalStateException("closed during the handshake"));
                }
                if (!done) {
                    reconnects.incrementAndGet();
                    // As a well-behaved client: back off a little (with jitter) before resuming with since.
                    group.schedule(() -> connect().exceptionally(f -> {
                        closedForGood.incrementAndGet();
                        return null;
                    }), 500 + (long) (Math.random() * 1000), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        }
    }

    /** Bytes of each message the client looks at: enough for the seq and the bench number. */
    private static final int PREFIX = 256;
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BENCH = "\"bench\":".getBytes(StandardCharsets.US_ASCII);
    private final ThreadLocal<long[]> HISTOGRAM = ThreadLocal.withInitial(() -> {
        long[] h = new long[BUCKETS];
        histograms.put(Thread.currentThread(), h);
        return h;
    });
    private final Map<Thread, long[]> warmupHistograms = new ConcurrentHashMap<>();
    private final ThreadLocal<long[]> WARMUP_HISTOGRAM = ThreadLocal.withInitial(() -> {
        long[] h = new long[BUCKETS];
        warmupHistograms.put(Thread.currentThread(), h);
        return h;
    });

    /** A client frame: masked, as RFC 6455 requires of clients (the mask may be zero). */
    private static ByteBuf masked(int b0, byte[] payload, int length) {
        return Unpooled.buffer(6 + length).writeByte(b0).writeByte(0x80 | length).writeInt(0)
                .writeBytes(payload, 0, length);
    }

    /** The number after the first {@code key} in b[0, length) (jsonb writes "key": value with a space). */
    private static long number(byte[] b, int length, byte[] key) {
        int i = 0;
        outer:
        for (; i <= length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (b[i + k] != key[k]) {
                    continue outer;
                }
            }
            break;
        }
        i += key.length;
        while (i < length && b[i] == ' ') {
            i++;
        }
        long v = 0;
        for (; i < length; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void run() throws Exception {
        // The writer has its own event loop, so commit acknowledgements are not queued behind socket reads.
        Vertx writerVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Pool pool = Pool.pool(writerVertx, PgConnectOptions.fromUri(db), new PoolOptions().setMaxSize(8));
        warmupEvents = (long) rate * warmup;
        long total = (long) rate * (warmup + seconds);
        commitNanos = new AtomicLongArray((int) total + 1);
        sendNanos = new AtomicLongArray((int) total + 1);
        long since = pool.query("select last from feed_sequence where id = 1").execute()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).iterator().next().getLong(0);

        System.out.printf(Locale.ROOT, "connecting %d subscribers to ws://%s:%d/ws/feed?since=%d%n",
                subscribers, host, port, since);
        group = new NioEventLoopGroup(2);
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Subscriber s = new Subscriber(since);
            subs.add(s);
            s.connect().get(30, TimeUnit.SECONDS);
        }
        System.out.println("connected; writing " + total + " events at " + rate + "/s for " + warmup
                + " s of warm-up (not measured), then " + seconds + " s measured");

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
                        + "\"details\":\"" + filler + "\"}";
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
        // Progress every 5 s, so a run shows when (and whether) delivery falls behind.
        Thread progress = new Thread(() -> {
            long before = 0;
            long[] cpuBefore = cpu();
            long[] histBefore = new long[BUCKETS];
            try {
                while (true) {
                    Thread.sleep(5000);
                    long now = received(subs);
                    long[] cpuNow = cpu();
                    long[] histNow = merged();
                    long[] warm = merged(warmupHistograms);
                    for (int i = 0; i < BUCKETS; i++) {
                        histNow[i] += warm[i];
                    }
                    long[] interval = new long[BUCKETS];
                    for (int i = 0; i < BUCKETS; i++) {
                        interval[i] = histNow[i] - histBefore[i];
                    }
                    histBefore = histNow;
                    System.out.printf(Locale.ROOT, "  t=%3.0fs written %d, delivered %d (%.0f/s), p50 %s p99 %s, "
                                    + "reconnects %d, %s%n",
                            (System.nanoTime() - start) / 1e9, total - written.getCount(), now, (now - before) / 5.0,
                            pct(interval, 0.5), pct(interval, 0.99), reconnects.get(), cpuSplit(cpuBefore, cpuNow));
                    before = now;
                    cpuBefore = cpuNow;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-progress");
        progress.setDaemon(true);
        progress.start();
        if (storm > 0) {
            // A network blip in the NOC: every wallboard loses its connection at the same moment.
            group.schedule(() -> {
                System.out.printf(Locale.ROOT, "  t=%3.0fs storm: dropping all %d connections%n",
                        (System.nanoTime() - start) / 1e9, subs.size());
                for (Subscriber s : subs) {
                    io.netty.channel.Channel c = s.channel;
                    if (c != null) {
                        c.close();
                    }
                }
            }, storm, TimeUnit.SECONDS);
        }
        writer.join();
        written.await(60, TimeUnit.SECONDS);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (total - failures.get()) * subscribers;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (received(subs) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9 - writeSeconds;
        for (Subscriber s : subs) {
            s.done = true;
        }

        long[] merged = merged();
        long lost = 0;
        for (Subscriber s : subs) {
            lost += (total - failures.get()) - s.count;
        }
        System.out.printf(Locale.ROOT, "events written: %d (%d failed) in %.1f s (%.0f/s)%n",
                total - failures.get(), failures.get(), writeSeconds, (total - failures.get()) / writeSeconds);
        System.out.printf(Locale.ROOT, "messages expected: %d, received: %d, lost: %d, gaps: %d, duplicates: %d%n",
                expected, received(subs), lost, gaps.get(), duplicates.get());
        System.out.printf(Locale.ROOT, "drain after last write: %.1f s; reconnects: %d %s; given up: %d%n",
                drainSeconds, reconnects.get(), closeCodes.keySet(), closedForGood.get());
        long[] warm = merged(warmupHistograms);
        System.out.printf(Locale.ROOT, "latency commit->receipt over the measured %d s: p50 %s  p90 %s  p99 %s  p99.9 %s"
                        + "  max %s%n", seconds,
                pct(merged, 0.50), pct(merged, 0.90), pct(merged, 0.99), pct(merged, 0.999), pct(merged, 1.0));
        System.out.printf(Locale.ROOT, "(warm-up, first %d s, not in the figures above: p50 %s  p99 %s  max %s)%n",
                warmup, pct(warm, 0.50), pct(warm, 0.99), pct(warm, 1.0));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        pool.close();
        writerVertx.close();
    }

    /** The machine's CPU counters from /proc/stat: user+nice, system, softirq, idle+iowait, total. */
    private static long[] cpu() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            long user = Long.parseLong(f[1]) + Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long softirq = Long.parseLong(f[7]);
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[]{user, system, softirq, idle, total};
        } catch (Exception e) {
            return new long[5];
        }
    }

    private static String cpuSplit(long[] a, long[] b) {
        double t = Math.max(1, b[4] - a[4]);
        return String.format(Locale.ROOT, "machine CPU user %.0f%% sys %.0f%% softirq %.0f%% idle %.0f%%",
                100 * (b[0] - a[0]) / t, 100 * (b[1] - a[1]) / t, 100 * (b[2] - a[2]) / t, 100 * (b[3] - a[3]) / t);
    }

    /** The latency histograms of all client threads added up (read without locks: a snapshot, not exact). */
    private long[] merged() {
        return merged(histograms);
    }

    private static long[] merged(Map<Thread, long[]> histograms) {
        long[] merged = new long[BUCKETS];
        for (long[] h : histograms.values()) {
            for (int i = 0; i < BUCKETS; i++) {
                merged[i] += h[i];
            }
        }
        return merged;
    }

    private static long received(List<Subscriber> subs) {
        long n = 0;
        for (Subscriber s : subs) {
            n += s.count;
        }
        return n;
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
