package cn.onepoint.feed;

import cn.onepoint.Tokens;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A test feed client on the plain Vert.x WebSocket client: it can be paused, i.e. stop reading. A connection that
 * names no {@code Authorization} header carries the {@code automation} service account's token (group scope: it
 * sees every event), as the tests' REST calls do.
 */
public final class FeedClient implements AutoCloseable {

    /**
     * As a header name: the subprotocols to offer, comma-separated, as a browser does (then no token is added). An
     * {@code Authorization} header with an empty value sends none.
     */
    static final String PROTOCOLS = "Sec-WebSocket-Protocol";

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

    public static FeedClient connect(Vertx vertx, int port, String pathAndQuery, Map<String, String> headers) {
        return connect(vertx, port, pathAndQuery, headers, () -> {
        });
    }

    /**
     * As {@link #connect(Vertx, int, String, Map)}; {@code beforeHandlers} runs after the connection is started and
     * before the handlers are set, where a caller's thread may be paused for any length of time (tests of this
     * client stand in for that pause).
     */
    static FeedClient connect(Vertx vertx, int port, String pathAndQuery, Map<String, String> headers,
                              Runnable beforeHandlers) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
        WebSocketConnectOptions options = options(port, pathAndQuery, headers);
        // Vert.x resumes the socket before it completes the connect future, and drops a message that arrives
        // while no handler is set. The server may write its first messages with the handshake (a replay from
        // memory needs no query), so a caller that sets the handlers on its own thread once connect() returned
        // loses them whenever that thread is paused in between. Started in one task on the event loop that
        // carries the connection, the handshake is read only after that task has set up the handlers.
        Context context = vertx.getOrCreateContext();
        Promise<FeedClient> connected = Promise.promise();
        context.runOnContext(v -> {
            Future<WebSocket> started = client.connect(options);
            beforeHandlers.run();
            started.map(ws -> {
                FeedClient c = new FeedClient(client, ws);
                ws.closeHandler(closed -> c.recordClose(ws));
                ws.textMessageHandler(text -> {
                    c.receivedAt.add(System.nanoTime());
                    c.messages.add(new JsonObject(text));
                });
                ws.frameHandler(frame -> {
                    if (frame.type() == WebSocketFrameType.PING) {
                        c.pings.incrementAndGet();
                    }
                });
                return c;
            }).onComplete(connected);
        });
        return connected.future().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The HTTP status the upgrade is refused with; fails when it is accepted. */
    static int refusal(Vertx vertx, int port, String pathAndQuery, Map<String, String> headers) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            Throwable failure = client.connect(options(port, pathAndQuery, headers))
                    .map(ws -> (Throwable) null).otherwise(f -> f)
                    .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            if (!(failure instanceof UpgradeRejectedException rejected)) {
                throw new AssertionError("upgrade of " + pathAndQuery + " not refused: " + failure);
            }
            return rejected.getStatus();
        } finally {
            client.close();
        }
    }

    private static WebSocketConnectOptions options(int port, String pathAndQuery, Map<String, String> headers) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(pathAndQuery);
        headers.forEach((name, value) -> {
            if (PROTOCOLS.equalsIgnoreCase(name)) {
                options.setSubProtocols(List.of(value.split(",")));
            } else if (!value.isEmpty()) {
                options.addHeader(name, value);
            }
        });
        if (headers.keySet().stream().noneMatch(h -> "Authorization".equalsIgnoreCase(h) || PROTOCOLS.equals(h))) {
            options.addHeader("Authorization", Tokens.bearerService("automation"));
        }
        return options;
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

    /** The subprotocol the server selected, null for none. */
    String subProtocol() {
        return ws.subProtocol();
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
