package cn.onepoint.feed;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
 * <p>The buffer: {@code pending} plus messages handed to the socket and not yet written. When a live event
 * would exceed {@code limit}, the connection is closed with 4408: memory stays bounded and the fan-out, which
 * never waits for a socket, is not slowed for the others.
 *
 * <p>Live sending: the fan-out only queues (under this connection's lock) and schedules one drain on the
 * connection's event loop; the drain writes everything queued as WebSocket frames straight to the Netty channel,
 * sharing each event's encoded bytes with every other connection, and flushes once. With thousands of
 * connections this is what keeps the cost per message small: no re-encoding, no promise per message, one
 * system call per batch instead of one per message. (Replay uses websockets-next's own send; it is finished
 * and written before live sending starts, so the two never interleave.)
 */
final class FeedSubscriber implements FeedSink {

    private static final Logger LOG = Logger.getLogger(FeedSubscriber.class);
    /** Vert.x's default WebSocket frame size: clients built on it refuse larger frames. */
    private static final int MAX_FRAME = 65536;

    private final WebSocketConnection connection;
    private final FeedFilter filter;
    private final FeedStore store;
    private final int limit;
    private final int pageSize;
    private final Locale locale;
    private final Consumer<FeedSubscriber> onClose;
    private final Runnable onTooSlow;
    private final Consumer<Runnable> afterGrace;
    private final ReplayGate gate;
    /** The connection's Netty channel for the batched live path; null falls back to websockets-next sends. */
    private final Channel channel;

    // Guarded by this.
    private final ArrayDeque<FeedEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<FeedEvent> queued = new ArrayDeque<>();
    private boolean drainScheduled;
    private long covered;
    private boolean live;
    /** Messages handed to the socket (either path) whose write has not completed. */
    private int outstanding;
    private boolean closed;

    FeedSubscriber(WebSocketConnection connection, FeedFilter filter, FeedStore store, int limit, int pageSize,
                   Locale locale, Consumer<FeedSubscriber> onClose, Runnable onTooSlow, Consumer<Runnable> afterGrace,
                   ReplayGate gate) {
        this.connection = connection;
        this.filter = filter;
        this.store = store;
        this.limit = limit;
        this.pageSize = Math.max(1, Math.min(pageSize, limit));
        this.locale = locale;
        this.onClose = onClose;
        this.onTooSlow = onTooSlow;
        this.afterGrace = afterGrace;
        this.gate = gate;
        HttpConnection tcp = connection.userData().get(FeedUpgradeCheck.TCP);
        this.channel = tcp instanceof ConnectionBase base ? base.channel() : null;
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
    public synchronized void offer(FeedEvent e) {
        if (closed || !filter.matches(e)) {
            return;
        }
        if (!live) {
            if (pending.size() >= limit) {
                tooSlow();
                return;
            }
            pending.add(e);
            return;
        }
        sendLive(e);
    }

    @Override
    public void expired(long cursor, long floor) {
        close(FeedClose.SINCE_TOO_OLD.reason(locale, cursor, floor));
    }

    /** The socket is gone (closed by either side). */
    synchronized void closed() {
        closed = true;
        pending.clear();
        queued.clear();
    }

    private void sendLive(FeedEvent e) {
        if (e.seq() <= covered) {
            return;
        }
        if (outstanding + queued.size() >= limit) {
            tooSlow();
            return;
        }
        covered = e.seq();
        if (channel == null) {
            write(e);
            return;
        }
        queued.add(e);
        if (!drainScheduled) {
            drainScheduled = true;
            channel.eventLoop().execute(this::drain);
        }
    }

    /** On the channel's event loop: write everything queued, flush once, count it written when done. */
    private void drain() {
        FeedEvent[] batch;
        synchronized (this) {
            drainScheduled = false;
            if (closed) {
                queued.clear();
                return;
            }
            batch = queued.toArray(FeedEvent[]::new);
            queued.clear();
            if (batch.length == 0) {
                return;
            }
            outstanding += batch.length;
        }
        ChannelFuture last = null;
        for (FeedEvent e : batch) {
            last = writeFrames(e);
        }
        channel.flush();
        int n = batch.length;
        // Netty completes writes in order: when the last one is done, the whole batch is.
        last.addListener(f -> {
            synchronized (this) {
                outstanding -= n;
            }
        });
    }

    /** One message as one text frame, or fragmented like Vert.x does above its frame size. */
    private ChannelFuture writeFrames(FeedEvent e) {
        ByteBuf data = e.frame();
        int length = data.readableBytes();
        if (length <= MAX_FRAME) {
            return channel.write(new TextWebSocketFrame(true, 0, data.duplicate()));
        }
        ChannelFuture f = channel.write(new TextWebSocketFrame(false, 0, data.slice(0, MAX_FRAME)));
        for (int at = MAX_FRAME; at < length; at += MAX_FRAME) {
            int size = Math.min(MAX_FRAME, length - at);
            f = channel.write(new ContinuationWebSocketFrame(at + size == length, 0, data.slice(at, size)));
        }
        return f;
    }

    private CompletableFuture<Void> write(FeedEvent e) {
        outstanding++;
        return connection.sendText(e.message()).subscribeAsCompletionStage().whenComplete((ok, failure) -> {
            synchronized (this) {
                outstanding--;
            }
        });
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
        HttpConnection tcp = connection.userData().get(FeedUpgradeCheck.TCP);
        if (tcp != null) {
            afterGrace.accept(() -> FeedUpgradeCheck.drop(tcp));
        }
    }

    private void close(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            queued.clear();
        }
        onClose.accept(this);
        connection.close(reason).subscribe().with(ok -> {
        }, f -> LOG.debugf("Closing feed connection %s: %s", connection.id(), f.getMessage()));
    }

    private void replay(long cursor, boolean first) {
        gate.acquire(() -> replayPage(cursor, first));
    }

    /** One page, holding a gate permit until its messages are written (or the replay ends). */
    private void replayPage(long cursor, boolean first) {
        store.replayPage(cursor, pageSize, filter.rootId()).subscribe().with(page -> {
            if (first && filter.since() > page.last()) {
                gate.release();
                close(FeedClose.SINCE_AHEAD.reason(locale, filter.since(), page.last()));
                return;
            }
            if (cursor + 1 < page.floor()) {
                gate.release();
                close(FeedClose.SINCE_TOO_OLD.reason(locale, cursor, page.floor()));
                return;
            }
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            long next = cursor;
            synchronized (this) {
                if (closed) {
                    gate.release();
                    return;
                }
                for (FeedEvent e : page.events()) {
                    next = e.seq();
                    if (filter.matches(e)) {
                        writes.add(write(e));
                    }
                }
                covered = Math.max(covered, next);
            }
            boolean end = page.events().size() < pageSize;
            long after = next;
            // Wait for the page to reach the socket: a slow reader slows its own replay, nobody else.
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
                gate.release();
                if (failure != null) {
                    return;
                }
                if (end) {
                    goLive();
                } else {
                    replay(after, false);
                }
            });
        }, failure -> {
            gate.release();
            LOG.warnf("Feed replay for connection %s failed: %s", connection.id(), failure.getMessage());
            close(CloseReason.INTERNAL_SERVER_ERROR);
        });
    }

    private synchronized void goLive() {
        if (closed) {
            return;
        }
        live = true;
        while (!pending.isEmpty() && !closed) {
            sendLive(pending.poll());
        }
    }
}
