package cn.onepoint.feed;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One feed connection: replays after {@code since}, then continues live, with no gap and no duplicate at
 * the seam, through a bounded buffer.
 *
 * <p>The seam: the connection is registered with the fan-out before the replay starts. Until the replay
 * reaches the end of the table, live events are held in {@code pending}. Anything the replay sent moves
 * {@code covered} on, and the live path drops every seq at or below it. An event missing from the replay's
 * last page was sequenced after that read, so the fan-out (already registered) delivers it live.
 *
 * <p>The buffer: messages queued or handed to the socket and not yet written. When a live round would exceed
 * {@code limit}, the connection is closed with 4408: memory stays bounded and the fan-out, which never waits for
 * a socket, is not slowed for the others. {@code pending} is bounded by {@code limit} too, but by letting go of
 * what it holds: the replay reads those events again.
 *
 * <p>Sending: messages are framed once ({@link FeedFrames}) and written as bytes straight to the Netty channel,
 * below the WebSocket encoder, on the connection's event loop, with one flush per round. The fan-out only
 * queues (under this connection's lock) and schedules one drain. With thousands of connections this is what
 * keeps the cost per message small: no re-encoding, no frame object or promise per message, and one system call
 * per round instead of one per message. websockets-next still owns the connection: handshake, pings, close.
 */
final class FeedSubscriber implements FeedSink {

    private static final Logger LOG = Logger.getLogger(FeedSubscriber.class);

    private final WebSocketConnection connection;
    private final FeedFilter filter;
    private final FeedStore store;
    /** The fan-out's recent events: a replay page when they cover the cursor, else null. */
    private final BiFunction<Long, Integer, FeedStore.Page> recent;
    private final int limit;
    private final int pageSize;
    private final Locale locale;
    private final Consumer<FeedSubscriber> onClose;
    private final Runnable onTooSlow;
    private final Consumer<Runnable> afterGrace;
    private final ReplayGate gate;
    private final Duration replayWriteTimeout;
    private final HttpConnection tcp;
    private final Channel channel;

    // Guarded by this.
    private final ArrayDeque<FeedEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<ByteBuf> queued = new ArrayDeque<>();
    private int queuedMessages;
    private boolean drainScheduled;
    /** Pending events were let go since the replay last read a page: it must read on before going live. */
    private boolean pendingDropped;
    private long covered;
    private boolean live;
    /** Messages handed to the socket whose write has not completed. */
    private int outstanding;
    private boolean closed;

    FeedSubscriber(WebSocketConnection connection, FeedFilter filter, FeedStore store,
                   BiFunction<Long, Integer, FeedStore.Page> recent, int limit, int pageSize,
                   Locale locale, Consumer<FeedSubscriber> onClose, Runnable onTooSlow, Consumer<Runnable> afterGrace,
                   ReplayGate gate, Duration replayWriteTimeout) {
        this.connection = connection;
        this.filter = filter;
        this.store = store;
        this.recent = recent;
        this.limit = limit;
        this.pageSize = Math.max(1, Math.min(pageSize, limit));
        this.locale = locale;
        this.onClose = onClose;
        this.onTooSlow = onTooSlow;
        this.afterGrace = afterGrace;
        this.gate = gate;
        this.replayWriteTimeout = replayWriteTimeout;
        this.tcp = connection.userData().get(FeedUpgradeCheck.TCP);
        if (!(tcp instanceof ConnectionBase base)) {
            throw new IllegalStateException("Feed connection " + connection.id() + " has no Netty channel");
        }
        this.channel = base.channel();
        this.live = filter.since() == null;
        this.covered = filter.since() == null ? -1 : filter.since();
    }

    String id() {
        return connection.id();
    }

    /** Replays after since (when given), then goes live. Call after registering with the fan-out. */
    void begin() {
        if (filter.since() != null) {
            replay(filter.since(), true);
        }
    }

    @Override
    public synchronized void offer(FeedBatch batch) {
        if (closed) {
            return;
        }
        List<FeedEvent> events = batch.events();
        if (!live) {
            for (FeedEvent e : events) {
                if (filter.matches(e)) {
                    if (pending.size() >= limit) {
                        // Still replaying: everything held here is sequenced, so the replay's next pages read it
                        // anyway. Let it go rather than the connection: a client waiting its turn to replay (after
                        // a reconnect storm) is not a slow client, and closing it would only start the wait again.
                        pending.clear();
                        pendingDropped = true;
                    }
                    pending.add(e);
                }
            }
            return;
        }
        if (takesAll(events)) {
            queue(batch.retainedFrames(), events.size(), events.get(events.size() - 1).seq());
            return;
        }
        for (FeedEvent e : events) {
            if (closed) {
                return;
            }
            sendLive(e);
        }
    }

    private boolean takesAll(List<FeedEvent> events) {
        if (events.isEmpty() || events.get(0).seq() <= covered) {
            return false;
        }
        for (FeedEvent e : events) {
            if (!filter.matches(e)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void expired(long cursor, long floor) {
        close(FeedClose.SINCE_TOO_OLD.reason(locale, cursor, floor));
    }

    @Override
    public void failed(Throwable cause) {
        close(CloseReason.INTERNAL_SERVER_ERROR); // 1011: the client resumes with since
    }

    /** The socket is gone (closed by either side). */
    synchronized void closed() {
        closed = true;
        discard();
    }

    private void sendLive(FeedEvent e) {
        if (e.seq() > covered && filter.matches(e)) {
            queue(e.frame().duplicate(), 1, e.seq());
        }
    }

    /** Under the lock: queue frames for the next drain, or close the connection when its buffer is full. */
    private void queue(ByteBuf frames, int messages, long lastSeq) {
        if (outstanding + queuedMessages + messages > limit) {
            frames.release();
            tooSlow();
            return;
        }
        covered = lastSeq;
        queued.add(frames);
        queuedMessages += messages;
        if (!drainScheduled) {
            drainScheduled = true;
            channel.eventLoop().execute(this::drain);
        }
    }

    /** On the channel's event loop: write everything queued, flush once, count it written when done. */
    private void drain() {
        ByteBuf[] batch;
        int n;
        synchronized (this) {
            drainScheduled = false;
            if (closed || queued.isEmpty()) {
                discard();
                return;
            }
            batch = queued.toArray(ByteBuf[]::new);
            n = queuedMessages;
            queued.clear();
            queuedMessages = 0;
            outstanding += n;
        }
        write(batch, ok -> {
            synchronized (this) {
                outstanding -= n;
            }
        });
    }

    /**
     * On the event loop: writes whole frames below the WebSocket encoder (they are already encoded), flushes,
     * and reports when the last is written. Netty completes writes in order, so then all of them are.
     */
    private void write(ByteBuf[] frames, Consumer<Boolean> done) {
        ChannelHandlerContext raw = channel.pipeline().context(WebSocketFrameEncoder.class);
        if (raw == null || frames.length == 0) {
            // The pipeline is gone (the connection closed) or there was nothing to send.
            for (ByteBuf f : frames) {
                f.release();
            }
            done.accept(raw != null);
            return;
        }
        ChannelFuture last = null;
        for (ByteBuf f : frames) {
            last = raw.write(f);
        }
        raw.flush();
        last.addListener(f -> done.accept(f.isSuccess()));
    }

    /** Under the lock: drop what was queued and not yet handed to the socket. */
    private void discard() {
        pending.clear();
        for (ByteBuf f : queued) {
            f.release();
        }
        queued.clear();
        queuedMessages = 0;
    }

    private void tooSlow() {
        if (closed) {
            return;
        }
        onTooSlow.run();
        LOG.debugf("Feed connection %s too slow (%d buffered): closing", connection.id(), limit);
        close(FeedClose.TOO_SLOW.reason(locale, limit));
        // The close frame waits behind what the client does not read; if it is still not through after the
        // grace period, drop the TCP connection (and with it the queued messages).
        afterGrace.accept(() -> FeedUpgradeCheck.drop(tcp));
    }

    private void close(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            discard();
        }
        onClose.accept(this);
        connection.close(reason).subscribe().with(ok -> {
        }, f -> LOG.debugf("Closing feed connection %s: %s", connection.id(), f.getMessage()));
    }

    private void replay(long cursor, boolean first) {
        gate.acquire(permit -> replayPage(cursor, first, permit));
    }

    /** One page, holding a gate permit until its messages are written (or the replay ends). */
    private void replayPage(long cursor, boolean first, ReplayGate.Permit permit) {
        if (isClosed()) {
            permit.release(); // gone while it waited for its turn: no read for it
            return;
        }
        // Pages end on multiples of the page size (only the first is shorter), so connections replaying the same
        // range ask for the same pages, which the store then reads and frames once for all of them.
        int want = pageSize - (int) Math.floorMod(cursor, (long) pageSize);
        FeedStore.Page cached = recent.apply(cursor, want);
        Uni<FeedStore.Page> read = cached != null ? Uni.createFrom().item(cached)
                : store.replayPage(cursor, want, filter.rootId());
        read.subscribe().with(page -> {
            if (first && filter.since() > page.last()) {
                permit.release();
                close(FeedClose.SINCE_AHEAD.reason(locale, filter.since(), page.last()));
                return;
            }
            if (cursor + 1 < page.floor()) {
                permit.release();
                close(FeedClose.SINCE_TOO_OLD.reason(locale, cursor, page.floor()));
                return;
            }
            List<ByteBuf> frames = new ArrayList<>();
            long next = cursor;
            synchronized (this) {
                if (closed) {
                    permit.release();
                    return;
                }
                for (FeedEvent e : page.events()) {
                    next = e.seq();
                    if (filter.matches(e)) {
                        frames.add(e.frame());
                    }
                }
                covered = Math.max(covered, next);
            }
            boolean end = page.events().size() < want;
            long after = next;
            try {
                channel.eventLoop().execute(() -> writePage(frames, permit, end, after));
            } catch (RuntimeException shutDown) {
                permit.release();
                throw shutDown;
            }
        }, failure -> {
            permit.release();
            LOG.warnf("Feed replay for connection %s failed: %s", connection.id(), failure.getMessage());
            close(CloseReason.INTERNAL_SERVER_ERROR);
        });
    }

    /**
     * On the event loop: writes one replay page and waits for it to reach the socket, so a slow reader slows its
     * own replay and nobody else's. A page not written within {@code replayWriteTimeout} means a client that
     * (almost) stopped reading: it is closed as too slow and its permit goes to the next connection at once,
     * rather than when its TCP connection finally dies.
     */
    private void writePage(List<ByteBuf> frames, ReplayGate.Permit permit, boolean end, long after) {
        if (isClosed()) {
            permit.release();
            return;
        }
        ScheduledFuture<?> stall = channel.eventLoop().schedule(() -> {
            permit.release();
            LOG.debugf("Feed connection %s: replay page not written within %s", connection.id(), replayWriteTimeout);
            synchronized (this) {
                tooSlow();
            }
        }, replayWriteTimeout.toMillis(), TimeUnit.MILLISECONDS);
        write(page(frames), ok -> {
            stall.cancel(false);
            permit.release();
            if (!ok || isClosed()) {
                return;
            }
            if (!end || !goLive()) {
                replay(after, false);
            }
        });
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** A replay page's frames in one direct buffer: one write, one copy, instead of one of each per message. */
    private ByteBuf[] page(List<ByteBuf> frames) {
        return frames.isEmpty() ? new ByteBuf[0] : new ByteBuf[]{FeedFrames.join(channel.alloc(), frames)};
    }

    /**
     * Goes live once the replay has read to the end, unless pending events were let go meanwhile: they may have
     * come after the replay's last read, so the replay reads on first (false).
     */
    private synchronized boolean goLive() {
        if (closed) {
            return true;
        }
        if (pendingDropped) {
            pendingDropped = false;
            return false;
        }
        live = true;
        while (!pending.isEmpty() && !closed) {
            sendLive(pending.poll());
        }
        return true;
    }
}
