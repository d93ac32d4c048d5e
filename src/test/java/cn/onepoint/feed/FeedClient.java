package cn.onepoint.feed;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** A test feed client on the plain Vert.x WebSocket client: it can be paused, i.e. stop reading. */
public final class FeedClient implements AutoCloseable {

    public final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    /** Receipt time (System.nanoTime) per message, same index as {@link #messages}. */
    final List<Long> receivedAt = new CopyOnWriteArrayList<>();
    final AtomicInteger pings = new AtomicInteger();
    public volatile Short closeCode;
    volatile String closeReason;

    private final WebSocketClient client;
    private final WebSocket ws;

    private FeedClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
    }

    public static FeedClient connect(Vertx vertx, int port, String pathAndQuery) {
        return connect(vertx, port, pathAndQuery, Map.of());
    }

    static FeedClient connect(Vertx vertx, int port, String pathAndQuery, Map<String, String> headers) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(pathAndQuery);
        headers.forEach(options::addHeader);
        // Handlers are set in the connect callback. A server that closes at once (4400, 4403) may have done so
        // before the callback runs: Vert.x then refuses new handlers, but it has kept the close frame's code and
        // reason, which are read from the socket instead.
        return client.connect(options).map(ws -> {
            FeedClient c = new FeedClient(client, ws);
            try {
                ws.closeHandler(v -> c.recordClose(ws));
                ws.textMessageHandler(text -> {
                    c.receivedAt.add(System.nanoTime());
                    c.messages.add(new JsonObject(text));
                });
                ws.frameHandler(frame -> {
                    if (frame.type() == WebSocketFrameType.PING) {
                        c.pings.incrementAndGet();
                    }
                });
            } catch (IllegalStateException closedAlready) {
                // fall through: recorded below
            }
            if (ws.isClosed()) {
                c.recordClose(ws);
            }
            return c;
        }).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void recordClose(WebSocket ws) {
        // No close frame (the connection just ended) counts as 1006, as RFC 6455 says.
        Short code = ws.closeStatusCode();
        closeReason = ws.closeReason();
        closeCode = code != null ? code : (short) 1006;
    }

    public List<Long> seqs() {
        return messages.stream().map(m -> m.getLong("seq")).collect(Collectors.toList());
    }

    public long lastSeq() {
        List<Long> s = seqs();
        return s.isEmpty() ? -1 : s.get(s.size() - 1);
    }

    /** The messages received with a seq up to {@code end}. */
    public List<JsonObject> upTo(long end) {
        return messages.stream().filter(m -> m.getLong("seq") <= end).collect(Collectors.toList());
    }

    public boolean closed() {
        return closeCode != null;
    }

    /** Stops reading from the socket: its TCP window fills and the server's writes stop completing. */
    void pause() {
        ws.pause();
    }

    void resume() {
        ws.resume();
    }

    void awaitClose(Duration within) {
        await().atMost(within).until(this::closed);
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(f -> null).join();
        }
        client.close();
    }
}
